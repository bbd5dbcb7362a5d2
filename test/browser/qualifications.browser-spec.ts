import { Browser, Page } from 'playwright-core';
import {
  expectAccessible,
  isFocused,
  openPage,
  sidewaysOverflow,
  signIn,
} from '../harness/browser';
import { projectPath } from '@bouwsteen/common';
import { DemoSite, openDemoSite } from '../harness/demo-site';

/**
 * A teacher or funder looking for material per qualification, in Chromium over the demo: the
 * overview on a phone shows results before controls, the filter is reached and used by keyboard
 * alone, a qualification and a keuzedeel page read well at both widths; then an admin's upload
 * page with a refused file. axe finds nothing, nothing scrolls sideways, no script errors.
 */
describe('qualification pages in the browser', () => {
  let site: DemoSite;
  let browser: Browser;
  let baseURL: string;

  beforeAll(async () => {
    site = await openDemoSite();
    ({ browser, baseURL } = site);
  }, 120_000);

  afterAll(() => site?.close());

  const fits = async (page: Page) => expect(await sidewaysOverflow(page)).toEqual([]);

  it('shows results first on a phone, and every page at 390 and 1280 px', async () => {
    for (const width of [390, 1280]) {
      const page = await openPage(browser, baseURL, { viewport: { width, height: 844 } });
      await page.goto('/');
      await page
        .getByRole('navigation', { name: 'Hoofdmenu' })
        .getByRole('link', { name: 'Kwalificaties' })
        .click();
      await page.waitForURL(/\/kwalificaties$/);
      await expectAccessible(page, `kwalificaties-${width}`);
      // What the first screen shows (the harness's screenshots are of the whole page).
      await page.screenshot({
        path: projectPath(
          'test-results',
          'screenshots',
          `kwalificaties-${width}-eerste-scherm.png`,
        ),
        caret: 'initial',
      });
      // A reader sees a result without scrolling: the first card starts within the screen.
      const first = await page.locator('.qualification-card').first().boundingBox();
      expect(first!.y).toBeLessThan(844 - 60);
      await fits(page);

      await page.goto('/kwalificaties?alleen=zonder-materiaal&sorteer=naam');
      expect(await page.locator('.qualification-card').count()).toBeGreaterThan(0);
      await expectAccessible(page, `kwalificaties-zonder-materiaal-${width}`);

      await page.goto('/kwalificaties/25831');
      await page
        .locator('[data-keuzedeel="K0730"]')
        .getByText('nog geen herbruikbare module')
        .waitFor();
      await expectAccessible(page, `kwalificatie-25831-${width}`);
      await fits(page);

      await page
        .getByRole('link', { name: 'K0771 Installeren en onderhouden van warmtepompen' })
        .click();
      await page.waitForURL(/\/kwalificaties\/keuzedelen\/K0771$/);
      await expectAccessible(page, `keuzedeel-K0771-${width}`);
      await fits(page);

      // The keuzedelen overview, reached from the qualifications.
      await page.goto('/kwalificaties');
      await page.getByRole('link', { name: 'Bekijk ook de keuzedelen' }).click();
      await page.waitForURL(/\/kwalificaties\/keuzedelen$/);
      expect(await page.locator('[data-keuzedeel]').count()).toBeGreaterThan(0);
      await expectAccessible(page, `keuzedelen-${width}`);
      await fits(page);
      await page.goto('/kwalificaties/keuzedelen?alleen=zonder-module&q=k07');
      await expectAccessible(page, `keuzedelen-zonder-module-${width}`);
      // A dossier's crebo leads to its qualifications.
      await page.goto('/kwalificaties/23153');
      await page.waitForURL(/\/kwalificaties\?q=23153$/);
      expect(await page.locator('.qualification-card').count()).toBe(2);

      await page.goto('/kwalificaties/99999');
      expect(await page.locator('h1').textContent()).toBe('Kwalificatie niet gevonden');
      await expectAccessible(page, `kwalificatie-onbekend-${width}`);
      await page.context().close();
    }
  }, 180_000);

  it('reaches and uses the filter by keyboard alone', async () => {
    const page = await openPage(browser, baseURL, { viewport: { width: 390, height: 844 } });
    await page.goto('/kwalificaties');
    const box = page.locator('#kwalificatie-q');
    let presses = 0;
    while (!(await isFocused(box)) && presses < 20) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(await isFocused(box)).toBe(true);
    await page.keyboard.type('aircraft');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?q=aircraft$/);
    expect(await page.locator('.qualification-card').count()).toBe(2);
    // On to "Zonder materiaal", by keyboard: the words stay.
    const gaps = page.getByRole('link', { name: /^Zonder materiaal/ });
    presses = 0;
    while (!(await isFocused(gaps)) && presses < 20) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(await isFocused(gaps)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?q=aircraft&alleen=zonder-materiaal$/);
    expect(await box.inputValue()).toBe('aircraft');
    expect(await page.locator('.qualification-card').count()).toBe(1);
    await expectAccessible(page, 'kwalificaties-toetsenbord-390');
    await page.context().close();
  });

  it("names a curriculum's crebo and keuzedelen and leads to their pages", async () => {
    const page = await openPage(browser, baseURL);
    const curricula = await site.t
      .http()
      .get('/api/v1/assets?kind=curriculum&pageSize=100')
      .expect(200);
    const monteur = curricula.body.items.find((item: { title: string }) =>
      item.title.startsWith('Eerste monteur elektrotechnische installaties'),
    );
    await page.goto(`/bouwstenen/${monteur.id}`);
    await page
      .locator('[data-crebo="25831"]')
      .getByRole('link', { name: 'Eerste monteur elektrotechnische installaties' })
      .click();
    await page.waitForURL(/\/kwalificaties\/25831$/);
    await page.context().close();
  });

  it("lets an admin read in SBB's file, and says why a file is refused", async () => {
    for (const width of [390, 1280]) {
      const page = await openPage(browser, baseURL, { viewport: { width, height: 900 } });
      await signIn(page, await site.t.user('admin'), /\/beheer$/);
      await page.getByRole('link', { name: 'Kwalificaties', exact: true }).last().click();
      await page.waitForURL(/\/beheer\/kwalificaties$/);
      await page.getByText('Nu staat de voorbeeldset van Bouwsteen erin').waitFor();
      await expectAccessible(page, `beheer-kwalificaties-${width}`);
      await fits(page);
      await page.getByLabel('XML-bestand van SBB').setInputFiles({
        name: 'lijst.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('kolom1;kolom2\n1;2\n'),
      });
      await page.getByRole('button', { name: 'Inlezen' }).click();
      await page.locator('#foutmeldingen').waitFor();
      expect(await isFocused(page.locator('#foutmeldingen'))).toBe(true);
      expect(await page.locator('#bestand-fout').textContent()).toMatch(
        /^Het bestand is geen geldige XML \(regel \d+\)\. Er is niets veranderd\.$/,
      );
      await expectAccessible(page, `beheer-kwalificaties-geweigerd-${width}`);
      await page.context().close();
    }
  }, 120_000);
});
