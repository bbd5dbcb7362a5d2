import { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { projectPath } from '@bouwsteen/common';
import { expectAccessible, openPage, problemsOf, signIn } from '../harness/browser';
import { DemoSite, openDemoSite } from '../harness/demo-site';

/** Elements past the right edge of a 390 px screen, outside any scroll box (a page string). */
const SIDEWAYS = `(() => {
  const found = [];
  for (const node of document.querySelectorAll('body *')) {
    const box = node.getBoundingClientRect();
    if (box.width === 0 || box.right <= 391) continue;
    let held = false;
    for (let p = node.parentElement; p && p !== document.body; p = p.parentElement)
      if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) held = true;
    if (!held) found.push(node.tagName.toLowerCase() + (node.id ? '#' + node.id : '') + ' → ' + Math.round(box.right));
  }
  return found.slice(0, 8);
})()`;

function screenshotPath(name: string): string {
  return join(projectPath('test-results', 'screenshots'), `${name}.png`);
}

/** The page as it is, at 1280 and at 390 px: axe finds nothing, no errors, nothing sideways. */
async function atBothWidths(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectAccessible(page, name);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page, `${name}-390`);
  expect(await page.evaluate<string[]>(SIDEWAYS)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/**
 * Issue 25's "no codes" pages in Chromium at both widths: the kind chooser, Mijn PPS with its
 * search, the infrastructure form's place picker, the successor picker, a curriculum's
 * keuzedelen, the search index and change log pages — and no console error after an htmx update.
 */
describe('plain words, in the browser', () => {
  let site: DemoSite;
  let browser: Browser;
  let baseURL: string;
  let ppsId: string;
  let lead: { email: string; password: string };

  beforeAll(async () => {
    site = await openDemoSite();
    ({ browser, baseURL } = site);
    ppsId = await site.t.ppsId('House of Digital');
    lead = await site.t.user('pps-editor', [ppsId]);
  }, 120_000);

  afterAll(() => site?.close());

  it("a PPS lead's pages: Mijn PPS searched, the kind chooser, the place picker, the successor picker", async () => {
    const page = await openPage(browser, baseURL);
    await signIn(page, lead, /\/mijn-pps/);
    await page.getByLabel('Zoek in de titels').fill('data');
    await page.getByLabel('Volgorde').selectOption('titel');
    await page.getByRole('button', { name: 'Toon', exact: true }).click();
    await page.waitForURL(/zoek=data.*sorteer=titel/);
    await atBothWidths(page, 'mijn-pps-zoeken');

    await page.goto(`/mijn-pps/nieuw?pps=${ppsId}`);
    await atBothWidths(page, 'mijn-pps-nieuw-soort');
    await page.getByRole('link', { name: /Praktijkomgeving/ }).click();
    await page.waitForURL(/soort=infrastructure/);
    await page.getByLabel('Titel', { exact: true }).fill('Praktijkhal op zee');
    await page.getByLabel('Naam', { exact: true }).first().fill('Hal');
    await page.getByLabel('Plaats').first().fill('Atlantis');
    // A place the list does not know saves as a draft, as typed; the publish check asks for a
    // point on the map, naming the place.
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await page.waitForURL(/\/mijn-pps\/bouwstenen\/[0-9a-f-]{36}/);
    expect(await page.getByLabel('Plaats').first().inputValue()).toBe('Atlantis');
    const form = page.url().split('?')[0];
    await page.goto(`${form}/publiceren`);
    expect(await page.locator('main').textContent()).toContain(
      '"Atlantis" staat niet in onze lijst',
    );
    await atBothWidths(page, 'mijn-pps-plaats-onbekend-publiceren');
    await page.goto(form);
    // The locations part alone, to look at (the whole form is very long).
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page
        .locator('#veld-infrastructure-locations')
        .screenshot({ path: screenshotPath(`mijn-pps-plaats-onbekend-locaties-${width}`) });
    }
    const tucked = page.locator('details.site-form__tucked').first();
    expect(await tucked.evaluate((details) => details.hasAttribute('open'))).toBe(false);
    await tucked.locator('summary').click();
    expect(await tucked.getByLabel('Breedtegraad').isVisible()).toBe(true);
    await page.getByLabel('Plaats').first().fill('Haarlem');
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await page.waitForURL(/\/mijn-pps\/bouwstenen\/[0-9a-f-]{36}\?melding=opgeslagen/);
    expect(problemsOf(page)).toEqual([]);

    const published = await site.t
      .http()
      .get(`/api/v1/assets?ppsId=${ppsId}&kind=module&status=published&pageSize=1`)
      .expect(200);
    await page.goto(`/mijn-pps/bouwstenen/${published.body.items[0].id}/archiveren`);
    await atBothWidths(page, 'mijn-pps-archiveren');
    await page.context().close();
  }, 180_000);

  it('updates the "Dit bestaat al" panel with htmx without a console error', async () => {
    const page = await openPage(browser, baseURL);
    await signIn(page, lead, /\/mijn-pps/);
    await page.goto(`/mijn-pps/nieuw?soort=module&pps=${ppsId}`);
    const panel = page.waitForResponse((response) => response.url().endsWith('/bestaat-al'));
    await page.getByLabel('Titel', { exact: true }).pressSequentially('Cybersecurity voor het mkb');
    expect((await panel).status()).toBe(200);
    await page.waitForTimeout(300);
    expect(problemsOf(page)).toEqual([]);
    await page.context().close();
  }, 180_000);

  it("a curriculum's keuzedelen by name, and the admin's search index and change log", async () => {
    const page = await openPage(browser, baseURL);
    const curricula = await site.t
      .http()
      .get('/api/v1/assets?kind=curriculum&pageSize=100')
      .expect(200);
    const withElectives = curricula.body.items.find((item: { title: string }) =>
      item.title.startsWith('Eerste monteur elektrotechnische installaties'),
    );
    await page.goto(`/bouwstenen/${withElectives.id}`);
    expect(await page.locator('[data-keuzedeel="K0771"]').textContent()).toContain(
      'K0771 Installeren en onderhouden van warmtepompen',
    );
    await atBothWidths(page, 'bouwsteen-keuzedelen');
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page
        .locator('section[aria-labelledby=curriculum-titel]')
        .screenshot({ path: screenshotPath(`bouwsteen-keuzedelen-deel-${width}`) });
    }

    await signIn(page, await site.t.user('admin'), /\/beheer$/);
    await page.goto('/beheer/zoekindex');
    await atBothWidths(page, 'beheer-zoekindex-woorden');
    await page.goto('/beheer/wijzigingen');
    await atBothWidths(page, 'beheer-wijzigingen-woorden');
    await page.context().close();
  }, 180_000);
});
