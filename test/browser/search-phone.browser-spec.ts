import { Browser, Page } from 'playwright-core';
import {
  eventually,
  expectAccessible,
  isFocused,
  openPage,
  problemsOf,
  screenshot,
} from '../harness/browser';
import { DemoSite, openDemoSite } from '../harness/demo-site';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** What the first screen shows (the harness's screenshots are of the whole page). */
async function firstScreen(page: Page, name: string): Promise<void> {
  const path = await screenshot(page, name);
  await page.screenshot({ path: path.replace(/\.png$/, '-eerste-scherm.png'), caret: 'initial' });
}

/** The page's width as laid out: more than the screen means it scrolls sideways. */
function scrollWidth(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth');
}

/** Tabs from the search box until the first result's link has the focus (stops at 30). */
async function tabsToFirstResult(page: Page): Promise<number> {
  await page.locator('#zoek-q').focus();
  const first = page.locator('.asset-card__title a').first();
  for (let tabs = 1; tabs <= 30; tabs++) {
    await page.keyboard.press('Tab');
    if (await isFocused(first)) return tabs;
  }
  return Infinity;
}

/**
 * A teacher searching on a phone, over the demo data in a real Chromium: the results come
 * before the filters, the filters open with a key or a tap (also without JavaScript), and the
 * page holds at 390 and 1280 px — axe clean, no sideways scroll, no console errors.
 */
describe('search on a phone (browser)', () => {
  let site: DemoSite;
  let browser: Browser;
  let baseURL: string;

  beforeAll(async () => {
    site = await openDemoSite();
    ({ browser, baseURL } = site);
  }, 120_000);

  afterAll(() => site?.close());

  it('shows a result in the first screen of a phone, a few Tabs from the search box', async () => {
    const page = await openPage(browser, baseURL, { viewport: PHONE });
    for (const [path, name] of [
      ['/zoeken?q=cobots', 'zoeken-390'],
      ['/zoeken?aanbod=llo&q=veilig', 'zoeken-llo-390'],
      ['/zoeken', 'zoeken-leeg-390'],
    ]) {
      await page.goto(path);
      await expectAccessible(page, name);
      await firstScreen(page, name);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      const top = (await page.locator('.asset-card').first().boundingBox())!.y;
      expect(top).toBeLessThanOrEqual(800);
      // The filters wait behind their disclosure.
      expect(await page.locator('#filters input[type="checkbox"]').first().isVisible()).toBe(false);
      expect((await page.locator('#filters > summary').textContent())!.trim()).toMatch(
        /^Filters \(0 gekozen\)$/,
      );
    }
    await page.goto('/zoeken?q=cobots');
    expect(await tabsToFirstResult(page)).toBeLessThanOrEqual(5);
    expect(problemsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('opens the filters by keyboard, keeps them open while they change, and closes with "Toon"', async () => {
    const page = await openPage(browser, baseURL, { viewport: PHONE });
    await page.goto('/zoeken?q=veilig');
    const summary = page.locator('#filters > summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    const level = page.getByRole('checkbox', { name: /mbo niveau 3/ });
    await eventually(async () => expect(await level.isVisible()).toBe(true));
    await expectAccessible(page, 'zoeken-390-filters');
    await firstScreen(page, 'zoeken-390-filters');
    const count = page.locator('#zoek-aantal');
    const before = await count.textContent();
    await level.focus();
    await page.keyboard.press('Space');
    await page.waitForURL(/niveau=mbo-3/);
    await eventually(async () => expect(await count.textContent()).not.toBe(before));
    // htmx replaced the panel: it is still open, the box still has the focus.
    await eventually(async () =>
      expect(await isFocused(page.getByRole('checkbox', { name: /mbo niveau 3/ }))).toBe(true),
    );
    expect((await summary.textContent())!.trim()).toBe('Filters (1 gekozen)');
    const show = page.getByRole('button', { name: /^Toon \d+ resulta(at|ten)$/ });
    expect((await show.textContent())!.trim()).toBe(
      `Toon ${(await count.textContent())!.match(/^\d+/)![0]} ${/^1 /.test((await count.textContent())!) ? 'resultaat' : 'resultaten'}`,
    );
    await show.focus();
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await level.isVisible()).toBe(false));
    expect(await isFocused(count)).toBe(true);
    expect(problemsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('filters without JavaScript on a phone: open, tick, "Toon n resultaten"', async () => {
    const page = await openPage(browser, baseURL, { viewport: PHONE, javaScriptEnabled: false });
    await page.goto('/zoeken?q=veilig');
    await page.locator('#filters > summary').click();
    await page.getByRole('checkbox', { name: /mbo niveau 3/ }).check();
    await page.getByRole('button', { name: /^Toon \d+ resulta/ }).click();
    await page.waitForURL(/niveau=mbo-3/);
    // A new page: the results first again, the choice kept and counted.
    expect((await page.locator('#filters > summary').textContent())!.trim()).toBe(
      'Filters (1 gekozen)',
    );
    // Closed again (a hidden box is not in the accessibility tree, so found by its id).
    expect(await page.locator('#f-niveau-mbo-3').isVisible()).toBe(false);
    expect(await page.locator('#f-niveau-mbo-3').isChecked()).toBe(true);
    expect((await page.locator('.asset-card').first().boundingBox())!.y).toBeLessThanOrEqual(800);
    await screenshot(page, 'zoeken-390-zonder-javascript');
    expect(problemsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('keeps the filters in a side column on a wide screen, with and without JavaScript', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await openPage(browser, baseURL, { viewport: DESKTOP, javaScriptEnabled });
      await page.goto('/zoeken?q=cobots');
      if (javaScriptEnabled) {
        await expectAccessible(page, 'zoeken-1280');
        await firstScreen(page, 'zoeken-1280');
      } else await screenshot(page, 'zoeken-1280-zonder-javascript');
      expect(await scrollWidth(page)).toBeLessThanOrEqual(DESKTOP.width);
      expect(await page.locator('#filters > summary').isVisible()).toBe(false);
      const level = page.locator('#filters input[type="checkbox"]').first();
      expect(await level.isVisible()).toBe(true);
      const filters = (await page.locator('#filters').boundingBox())!;
      const results = (await page.locator('.search-results').boundingBox())!;
      expect(filters.x + filters.width).toBeLessThanOrEqual(results.x);
      expect(problemsOf(page)).toEqual([]);
      await page.context().close();
    }
    const page = await openPage(browser, baseURL, { viewport: DESKTOP });
    await page.goto('/zoeken?aanbod=llo&q=veilig');
    await expectAccessible(page, 'zoeken-llo-1280');
    // The side column comes first by keyboard: a link past it, shown when it has the focus.
    await page.goto('/zoeken?q=cobots');
    await page.locator('#zoek-q').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Direct naar de resultaten' });
    expect(await isFocused(skip)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await screenshot(page, 'zoeken-1280-naar-resultaten');
    await page.keyboard.press('Enter');
    expect(await isFocused(page.locator('#zoek-aantal'))).toBe(true);
    expect(await tabsToFirstResult(page)).toBeLessThanOrEqual(30);
    await page.context().close();
  });
});
