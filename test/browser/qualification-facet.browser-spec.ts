import { Browser, Page } from 'playwright-core';
import {
  eventually,
  expectAccessible,
  openPage,
  problemsOf,
  sidewaysOverflow,
} from '../harness/browser';
import { DemoSite, openDemoSite } from '../harness/demo-site';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const ELECTRICIAN = 'Eerste monteur elektrotechnische installaties (niveau 3)';
/** The electrician's option, whatever its count. */
const ELECTRICIAN_OPTION = new RegExp(`^${ELECTRICIAN.replace(/[()]/g, '\\$&')} \\(\\d+\\)$`);

/** The "Kwalificatie (mbo)" fieldset of the filters panel. */
const qualificationFacet = (page: Page) =>
  page.locator('fieldset.facet', {
    has: page.locator('legend', { hasText: 'Kwalificatie (mbo)' }),
  });

/**
 * The qualification facet and the province's "dekking" in a real Chromium over the demo data:
 * at 390 px the facet waits behind "Filters (n)" like the others and shows at most eight names
 * before "Meer tonen"; choosing one narrows the results; both pages axe-clean at 390 and 1280.
 */
describe('qualifications on the search and report pages (browser)', () => {
  let site: DemoSite;
  let browser: Browser;
  let baseURL: string;

  beforeAll(async () => {
    site = await openDemoSite();
    ({ browser, baseURL } = site);
  }, 120_000);

  afterAll(() => site?.close());

  it('offers the facet by name behind the filters on a phone, and narrows the results with it', async () => {
    const page = await openPage(browser, baseURL, { viewport: PHONE });
    await page.goto('/zoeken');
    const facet = qualificationFacet(page);
    // Closed on a phone: the results come first.
    expect(await facet.isVisible()).toBe(false);
    await page.locator('#filters > summary').click();
    await eventually(async () => expect(await facet.isVisible()).toBe(true));
    const visible = facet.locator(':scope > ul > li');
    expect(await visible.count()).toBeGreaterThan(0);
    expect(await visible.count()).toBeLessThanOrEqual(8);
    for (const label of await facet.locator('label').allTextContents())
      expect(label.trim()).not.toMatch(/^\d{5}\b/);
    await facet.scrollIntoViewIfNeeded();
    await expectAccessible(page, 'zoeken-kwalificatie-390');
    expect(await sidewaysOverflow(page)).toEqual([]);
    const electrician = page.getByRole('checkbox', { name: ELECTRICIAN_OPTION });
    if (!(await electrician.isVisible())) await facet.locator('details > summary').click();
    await electrician.check();
    await page.waitForURL(/kwalificatie=25831/);
    await page.getByRole('button', { name: /^Toon \d+ resulta/ }).click();
    await eventually(async () =>
      expect((await page.locator('#zoek-aantal').textContent())!.trim()).toMatch(/^2 /),
    );
    await page.locator('#filters > summary').click();
    await eventually(async () => expect(await facet.isVisible()).toBe(true));
    await facet.scrollIntoViewIfNeeded();
    await expectAccessible(page, 'zoeken-kwalificatie-gekozen-390');
    expect(problemsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('shows the facet in the side column on a wide screen', async () => {
    const page = await openPage(browser, baseURL, { viewport: DESKTOP });
    await page.goto('/zoeken?kwalificatie=25831');
    expect(await qualificationFacet(page).isVisible()).toBe(true);
    expect(await page.getByRole('checkbox', { name: ELECTRICIAN_OPTION }).isChecked()).toBe(true);
    await expectAccessible(page, 'zoeken-kwalificatie-1280');
    expect(await sidewaysOverflow(page)).toEqual([]);
    expect(problemsOf(page)).toEqual([]);
    await page.context().close();
  });

  it("shows a province's dekking, the gaps served elsewhere first, at 390 and 1280 px", async () => {
    for (const [viewport, name] of [
      [PHONE, 'rapport-provincie-dekking-390'],
      [DESKTOP, 'rapport-provincie-dekking-1280'],
    ] as const) {
      const page = await openPage(browser, baseURL, { viewport });
      // Flevoland: gaps that a PPS elsewhere serves as well as gaps nobody serves.
      await page.goto('/rapportages/provincies/flevoland');
      const section = page.locator('section[aria-labelledby="dekking-titel"]');
      const lists = section.locator('summary');
      expect(await lists.allTextContents()).toEqual([
        expect.stringMatching(/^Elders wel materiaal \(\d+\)$/),
        expect.stringMatching(/^Nergens materiaal \(\d+\)$/),
        expect.stringMatching(/^Elders wel materiaal \(\d+\)$/),
        expect.stringMatching(/^Nergens materiaal \(\d+\)$/),
        expect.stringMatching(/^Kwalificaties met materiaal in Flevoland/),
      ]);
      // Open by keyboard, as someone without a mouse would.
      for (let n = 0; n < 4; n++) {
        await lists.nth(n).focus();
        await page.keyboard.press('Enter');
      }
      const gap = section.locator('a[href="/kwalificaties/25831"]');
      await eventually(async () => expect(await gap.isVisible()).toBe(true));
      await section.scrollIntoViewIfNeeded();
      await expectAccessible(page, name);
      expect(await sidewaysOverflow(page)).toEqual([]);
      expect(problemsOf(page)).toEqual([]);
      await page.context().close();
    }
  });
});
