import { Browser } from 'playwright-core';
import {
  accessibilityViolations,
  eventually,
  expectAccessible,
  isFocused,
  openPage,
  screenshot,
} from '../harness/browser';
import { DemoSite, openDemoSite } from '../harness/demo-site';

/**
 * A teacher's path in a real Chromium, over the demo data: search with a typo, follow the
 * suggestion, narrow with a facet, open a building block, copy its attribution, visit its
 * PPS — by keyboard with JavaScript on, and again with JavaScript off. axe-core checks every
 * page with its content loaded; each page type is saved as a screenshot.
 */
describe('a teacher in the browser', () => {
  let site: DemoSite;
  let browser: Browser;
  let baseURL: string;

  beforeAll(async () => {
    site = await openDemoSite();
    ({ browser, baseURL } = site);
  }, 120_000);

  afterAll(() => site?.close());

  it('searches with a typo, narrows with a facet and reaches a PPS by keyboard, with JavaScript on', async () => {
    const page = await openPage(browser, baseURL);
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await page.goto('/');
    await expectAccessible(page, 'start');

    // The first Tab reaches the skip link, which becomes visible and jumps to the content.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Naar de inhoud' });
    expect(await isFocused(skip)).toBe(true);
    await screenshot(page, 'start-skiplink');
    await page.keyboard.press('Enter');
    expect(await isFocused(page.locator('main'))).toBe(true);

    await page.getByLabel('Zoek een bouwsteen').focus();
    await page.keyboard.type('cobts');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/zoeken\?q=cobts/);
    const suggestion = page.locator('.search-suggestion a');
    expect(await suggestion.textContent()).toBe('cobots');
    await suggestion.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/zoeken\?q=cobots$/);
    const count = page.locator('#zoek-aantal');
    const before = await count.textContent();

    // A facet by keyboard: htmx swaps the results, keeps focus on the box, and puts the search in the URL.
    const level = page.getByRole('checkbox', { name: /mbo niveau 2/ });
    await level.focus();
    await page.keyboard.press('Space');
    await page.waitForURL(/niveau=mbo-2/);
    await eventually(async () => expect(await count.textContent()).not.toBe(before));
    await eventually(async () =>
      expect(await isFocused(page.getByRole('checkbox', { name: /mbo niveau 2/ }))).toBe(true),
    );
    expect(await page.getByRole('checkbox', { name: /mbo niveau 2/ }).isChecked()).toBe(true);
    await eventually(async () =>
      expect(await page.locator('#zoek-status').textContent()).toBe(await count.textContent()),
    );
    await expectAccessible(page, 'zoeken');

    // Back restores the search before the facet (the URL holds the whole state).
    await page.goBack();
    await page.waitForURL(/\/zoeken\?q=cobots$/);
    await eventually(async () =>
      expect(await page.locator('#zoek-aantal').textContent()).toBe(before),
    );
    expect(await page.getByRole('checkbox', { name: /mbo niveau 2/ }).isChecked()).toBe(false);

    const first = page.locator('.asset-card__title a').first();
    const title = (await first.textContent())!.trim();
    await first.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/bouwstenen\//);
    expect((await page.locator('h1').textContent())!.trim()).toBe(title);
    await expectAccessible(page, 'bouwsteen');

    const copy = page.getByRole('button', { name: 'Kopieer naamsvermelding' });
    await copy.focus();
    await page.keyboard.press('Enter');
    await eventually(async () =>
      expect(await page.locator('#kopieer-status').textContent()).toBe('Gekopieerd'),
    );
    // A gap between the attribution and its button (they touched before).
    const box = (await page.locator('textarea.attribution__text').boundingBox())!;
    expect((await copy.boundingBox())!.y - (box.y + box.height)).toBeGreaterThanOrEqual(8);
    await screenshot(page, 'bouwsteen-gekopieerd');
    const attribution = await page.locator('textarea.attribution__text').inputValue();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(attribution);
    expect(attribution).toMatch(
      new RegExp(`^"${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" \\(versie \\d+\\) van `),
    );

    const pps = page.locator('#contact-titel ~ p a[href^="/pps/"]').first();
    const ppsName = (await pps.textContent())!.trim();
    await pps.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/pps\//);
    expect((await page.locator('h1').textContent())!.trim()).toBe(ppsName);
    await expectAccessible(page, 'pps');
    await page.context().close();
  });

  it('takes the same path with JavaScript off', async () => {
    const page = await openPage(browser, baseURL, { javaScriptEnabled: false });
    await page.goto('/');
    await page.getByLabel('Zoek een bouwsteen').fill('cobts');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL(/\/zoeken\?q=cobts/);
    await page.locator('.search-suggestion a').click();
    await page.waitForURL(/\/zoeken\?q=cobots$/);
    // Without htmx the filters apply with their own button.
    await page.getByRole('checkbox', { name: /mbo niveau 2/ }).check();
    await page.getByRole('button', { name: /^Toon \d+ resulta/ }).click();
    await page.waitForURL(/niveau=mbo-2/);
    expect(await page.getByRole('checkbox', { name: /mbo niveau 2/ }).isChecked()).toBe(true);
    // axe itself needs JavaScript: the no-script state is checked below, with scripts blocked.
    await screenshot(page, 'zoeken-zonder-javascript');
    await page.locator('.asset-card__title a').first().click();
    await page.waitForURL(/\/bouwstenen\//);
    // No copy button without a script to copy; the attribution is there to select.
    expect(await page.getByRole('button', { name: 'Kopieer naamsvermelding' }).isHidden()).toBe(
      true,
    );
    expect(await page.locator('textarea.attribution__text').inputValue()).toMatch(
      / van .+ via Bouwsteen: /,
    );
    await page.locator('#contact-titel ~ p a[href^="/pps/"]').first().click();
    await page.waitForURL(/\/pps\//);
    await page.context().close();
  });

  it('has no accessibility violations when its scripts do not load', async () => {
    const page = await openPage(browser, baseURL);
    await page.route('**/assets/*.js', (route) => route.abort());
    for (const path of ['/zoeken?q=cobots&niveau=mbo-2', '/kaart']) {
      await page.goto(path);
      expect(
        await page
          .getByRole('button', { name: /Filters toepassen|Toon/ })
          .first()
          .isVisible(),
      ).toBe(true);
      expect(await accessibilityViolations(page)).toEqual([]);
    }
    await page.context().close();
  });

  it('offers no attribution to copy for a block whose rights are all reserved', async () => {
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const page = await openPage(browser, baseURL, { viewport });
      await page.goto('/zoeken?licentie=all-rights-reserved');
      await page.locator('.asset-card__title a').first().click();
      await page.waitForURL(/\/bouwstenen\//);
      expect((await page.locator('#licentie-titel').textContent())!.trim()).toBe('Licentie');
      expect(await page.locator('textarea.attribution__text').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Kopieer naamsvermelding' }).count()).toBe(0);
      await expectAccessible(page, `bouwsteen-alle-rechten-${viewport.width}`);
      await page.context().close();
    }
  });

  it('reads well on a phone-sized screen', async () => {
    const page = await openPage(browser, baseURL, { viewport: { width: 375, height: 740 } });
    await page.goto('/zoeken?q=warmtepomp');
    await expectAccessible(page, 'zoeken-smal');
    await page.locator('.asset-card__title a').first().click();
    await page.waitForURL(/\/bouwstenen\//);
    await expectAccessible(page, 'bouwsteen-smal');
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(375);
    await page.context().close();
  });
});
