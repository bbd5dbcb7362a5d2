import { Browser, Page } from 'playwright-core';
import { expectAccessible, openPage, problemsOf, screenshot, signIn } from '../harness/browser';
import { DemoSite, openDemoSite } from '../harness/demo-site';
import { minimalBody } from '../harness/fixtures';
import type { TestUser } from '../harness/test-app';

const PHONE = { width: 390, height: 844 };

/** The status tab "Mijn PPS" shows as current, e.g. "Gepubliceerd (3)". */
async function currentTab(page: Page): Promise<string> {
  return (await page.locator('.status-tabs a[aria-current="page"]').textContent())!.trim();
}

/**
 * "Mijn PPS" opens on the first status tab that lists something — not on an empty "Concepten"
 * when the PPS has no drafts — and on published when nothing is listed at all; a tab asked for
 * with ?tab= is shown as asked.
 */
describe('"Mijn PPS" opens on a tab with content (browser)', () => {
  let site: DemoSite;
  let browser: Browser;
  let baseURL: string;
  let lead: TestUser;
  let ppsId: string;

  beforeAll(async () => {
    site = await openDemoSite();
    ({ browser, baseURL } = site);
    ppsId = await site.t.ppsId('House of Digital');
    lead = await site.t.user('pps-editor', [ppsId]);
  }, 120_000);

  afterAll(() => site?.close());

  it('opens on published without drafts, keeps ?tab=, and opens on drafts once there is one', async () => {
    for (const [viewport, width] of [
      [{ width: 1280, height: 900 }, 1280],
      [PHONE, 390],
    ] as const) {
      const page = await openPage(browser, baseURL, { viewport });
      await signIn(page, lead, /\/mijn-pps$/);
      expect(await currentTab(page)).toMatch(/^Gepubliceerd \([1-9]\d*\)$/);
      expect(await page.locator('.status-tabs').textContent()).toContain('Concepten (0)');
      expect(await page.locator('main table tbody tr').count()).toBeGreaterThan(0);
      await expectAccessible(page, `mijn-pps-opent-gepubliceerd-${width}`);

      await page.goto(`/mijn-pps?pps=${ppsId}&tab=concepten`);
      expect(await currentTab(page)).toBe('Concepten (0)');
      expect(await page.getByText('Geen concepten.').isVisible()).toBe(true);
      expect(problemsOf(page)).toEqual([]);
      await page.context().close();
    }

    const draft = await site.t
      .http()
      .post('/api/v1/assets')
      .set('Authorization', `Bearer ${lead.token}`)
      .send(minimalBody('module', ppsId))
      .expect(201);
    const page = await openPage(browser, baseURL);
    await signIn(page, lead, /\/mijn-pps$/);
    expect(await currentTab(page)).toBe('Concepten (1)');
    expect(await page.locator('main table tbody').textContent()).toContain(draft.body.title);
    await page.goto(`/mijn-pps?pps=${ppsId}&tab=gepubliceerd`);
    expect(await currentTab(page)).toMatch(/^Gepubliceerd \([1-9]\d*\)$/);
    expect(problemsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('opens on published, saying so, for a PPS with nothing at all', async () => {
    const empty = await site.t.ppsId('PurmerValley');
    const other = await site.t.user('pps-editor', [empty]);
    const page = await openPage(browser, baseURL, { viewport: PHONE });
    await signIn(page, other, /\/mijn-pps$/);
    expect(await currentTab(page)).toBe('Gepubliceerd (0)');
    expect(await page.getByText('Nog niets gepubliceerd.').isVisible()).toBe(true);
    await screenshot(page, 'mijn-pps-leeg-390');
    expect(problemsOf(page)).toEqual([]);
    await page.context().close();
  });
});
