import { Browser, Page } from 'playwright-core';
import { eventually, expectAccessible, openPage, problemsOf, screenshot } from '../harness/browser';
import { DemoSite, openDemoSite } from '../harness/demo-site';

/** Longer than the search box's typing pause (500 ms), so a late request would have started. */
const PAUSE_MS = 900;

/** Parameters of the page's URL that carry no value (`?q=&soort=`). */
function emptyParams(url: string): string[] {
  return [...new URL(url).searchParams].filter(([, value]) => value === '').map(([name]) => name);
}

/**
 * A search by keyboard and mouse in a real Chromium, with htmx updating the results: typing,
 * Enter, a filter, the sort order, the next page and Back. After every step the console is
 * clean (an aborted or doubled request logs htmx:sendAbort), the URL carries no empty
 * parameters, and the title is the one a full load of that URL has (the words and the count).
 */
describe('the search flow (browser)', () => {
  let site: DemoSite;
  let browser: Browser;
  let baseURL: string;
  let plain: Page;

  beforeAll(async () => {
    site = await openDemoSite();
    ({ browser, baseURL } = site);
    plain = await openPage(browser, baseURL, { javaScriptEnabled: false });
  }, 120_000);

  afterAll(async () => {
    await plain?.context().close();
    await site?.close();
  });

  /** The title a full load of this URL has (JavaScript off: the server's page as sent). */
  async function fullLoadTitle(url: string): Promise<string> {
    await plain.goto(url);
    return plain.title();
  }

  /** After a step: the page settled, nothing in the console, a clean URL, the full load's title. */
  async function expectInStep(page: Page, step: string): Promise<void> {
    await page.waitForTimeout(PAUSE_MS);
    await page.waitForLoadState('networkidle');
    expect({ step, problems: problemsOf(page) }).toEqual({ step, problems: [] });
    expect({ step, empty: emptyParams(page.url()) }).toEqual({ step, empty: [] });
    const count = (await page.locator('#zoek-aantal').textContent())!.trim();
    const title = await page.title();
    expect(title).toContain(count);
    expect(title).toBe(await fullLoadTitle(page.url()));
  }

  it('types, presses Enter, filters, sorts, pages and goes back without a console error', async () => {
    const page = await openPage(browser, baseURL);
    await page.goto('/zoeken');
    await expectInStep(page, 'opened');

    // Enter right after typing: one search, nothing aborted.
    await page.locator('#zoek-q').focus();
    await page.keyboard.type('veilig');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/zoeken\?q=veilig$/);
    await expectInStep(page, 'Enter');
    expect(await page.title()).toContain('„veilig”');

    // Typing on: the pause searches by itself.
    await page.keyboard.type(' werken', { delay: 60 });
    await page.waitForURL(/\/zoeken\?q=veilig\+werken$/);
    await expectInStep(page, 'typing');

    // Enter on words already searched: nothing new, nothing aborted.
    await page.keyboard.press('Enter');
    await expectInStep(page, 'Enter again');

    const level = page.getByRole('checkbox', { name: /mbo niveau 3/ });
    await level.check();
    await page.waitForURL(/niveau=mbo-3/);
    await expectInStep(page, 'filter');

    await page.locator('#zoek-sorteer').selectOption('nieuw');
    await page.waitForURL(/sorteer=nieuw/);
    await expectInStep(page, 'sort');

    // Back to everything, to have pages to turn.
    await page.locator('#zoek-q').fill('');
    await page.locator('#zoek-q').press('Enter');
    await page.waitForURL(/\/zoeken\?niveau=mbo-3&sorteer=nieuw$/);
    await expectInStep(page, 'emptied');
    await level.uncheck();
    await page.waitForURL(/\/zoeken\?sorteer=nieuw$/);
    await expectInStep(page, 'filter off');
    await page.locator('.utrecht-pagination a[rel="next"]').click();
    await page.waitForURL(/pagina=2/);
    await expectInStep(page, 'next page');
    expect(await page.title()).toMatch(/pagina 2/i);
    await expectAccessible(page, 'zoeken-htmx-pagina-2');

    for (const expected of [
      /\/zoeken\?sorteer=nieuw$/,
      /\/zoeken\?niveau=mbo-3&sorteer=nieuw$/,
      /\/zoeken\?q=veilig\+werken&niveau=mbo-3&sorteer=nieuw$/,
    ]) {
      await page.goBack();
      await page.waitForURL(expected);
      await eventually(async () =>
        expect(await page.title()).toBe(await fullLoadTitle(page.url())),
      );
      await expectInStep(page, `back to ${String(expected)}`);
    }
    await screenshot(page, 'zoeken-htmx-terug');
    await page.context().close();
  });

  it('sends a form without JavaScript to the URL without its empty fields', async () => {
    await plain.goto('/zoeken');
    await plain.locator('#zoek-q').fill('cobots');
    await plain.locator('#zoek-q').press('Enter');
    await plain.waitForURL(/\/zoeken\?q=cobots$/);
    expect(await plain.title()).toContain('„cobots”');
    await plain.locator('#zoek-q').fill('');
    await plain.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await plain.waitForURL(/\/zoeken$/);
    expect(emptyParams(plain.url())).toEqual([]);
    // Links the page renders carry no empty values either.
    const hrefs = await plain
      .locator('main a[href^="/zoeken"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.filter((href) => /[?&][^=&]+=(&|$)/.test(href))).toEqual([]);
    expect(problemsOf(plain)).toEqual([]);
  });
});
