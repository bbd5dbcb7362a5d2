import { Browser, Page } from 'playwright-core';
import { UsageRecorder } from '@bouwsteen/usage';
import { expectAccessible, openPage, signIn } from '../harness/browser';
import { DemoSite, openDemoSite } from '../harness/demo-site';
import { moduleBody } from '../harness/fixtures';
import type { TestUser } from '../harness/test-app';

/** Whether the page scrolls sideways (run in the page: this project's types hold no DOM). */
const SIDEWAYS = '(() => document.documentElement.scrollWidth > window.innerWidth + 1)()';
/** A person's browser: Chromium's headless user agent is a robot and would not be counted. */
const PERSON =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

/**
 * What publishers learn from use, at 390 and 1280 px without JavaScript: a teacher views a
 * block, follows its material link and searches for what does not exist; the lead's usage
 * dashboard and the admin's search analytics show it — axe 0, no sideways scroll, photographed.
 */
describe('usage dashboard and search analytics (browser)', () => {
  let site: DemoSite;
  let browser: Browser;
  let baseURL: string;
  let ppsId: string;
  let assetId: string;
  let lead: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    site = await openDemoSite();
    ({ browser, baseURL } = site);
    ppsId = await site.t.ppsId('Techport mbo');
    lead = await site.t.user('pps-editor', [ppsId]);
    admin = await site.t.user('admin');
    assetId = (
      await site.t.publish(
        lead,
        moduleBody(ppsId, {
          title: 'Storingzoeken aan warmtepompen in de praktijk',
          links: [
            { title: 'Lesmateriaal', url: 'https://example.org/lesmateriaal', type: 'document' },
          ],
        }),
      )
    ).id;
    const teacher = await openPage(browser, baseURL, { userAgent: PERSON });
    await teacher.route('https://example.org/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/plain', body: 'materiaal' }),
    );
    await teacher.goto(`/bouwstenen/${assetId}`);
    await teacher.getByRole('link', { name: 'Lesmateriaal' }).click();
    await teacher.waitForURL('https://example.org/lesmateriaal');
    await teacher.context().close();
    // A query is shown once three people searched it (one person's searches never are).
    for (const visitor of ['een', 'twee', 'drie']) {
      const searcher = await openPage(browser, baseURL, { userAgent: `${PERSON} ${visitor}` });
      await searcher.goto('/zoeken?q=vliegende+heftrucks&provincie=flevoland');
      await searcher.context().close();
    }
    await site.t.app.get(UsageRecorder).flush();
  }, 120_000);

  afterAll(() => site?.close());

  async function check(page: Page, name: string): Promise<void> {
    await expectAccessible(page, name);
    expect(await page.evaluate<boolean>(SIDEWAYS)).toBe(false);
  }

  async function withoutScripts(width: number): Promise<Page> {
    const page = await openPage(browser, baseURL, { viewport: { width, height: 900 } });
    await page.route('**/assets/*.js', (route) => route.abort('connectionrefused'));
    return page;
  }

  for (const width of [390, 1280]) {
    it(`shows the lead how the blocks are used at ${width} px`, async () => {
      const page = await withoutScripts(width);
      await signIn(page, lead, /\/mijn-pps/);
      await page.getByRole('link', { name: 'Gebruik van uw bouwstenen' }).click();
      await page.waitForURL(/\/mijn-pps\/gebruik\?pps=/);
      const table = page.getByRole('table', { name: 'Per bouwsteen' });
      const row = table.getByRole('row').filter({ hasText: 'Storingzoeken aan warmtepompen' });
      await expect(row.textContent()).resolves.toMatch(/1.*1/);
      await check(page, `gebruik-dashboard-${width}`);
      await page.context().close();
    });

    it(`shows the admin what the region does not find at ${width} px`, async () => {
      const page = await withoutScripts(width);
      await signIn(page, admin);
      await page.goto('/rapportages');
      await page.getByRole('link', { name: /Zoekvragen in de regio/ }).click();
      const missing = page.getByRole('table', { name: /Dit bestaat nog niet/ });
      await expect(missing.textContent()).resolves.toMatch(/vliegende heftrucks.*Flevoland/);
      await check(page, `zoekvragen-${width}`);
      await page.context().close();
    });
  }
});
