import { Browser, Page } from 'playwright-core';
import { expectAccessible, openPage, sidewaysOverflow, signIn } from '../harness/browser';
import { DemoSite, openDemoSite } from '../harness/demo-site';
import { moduleBody } from '../harness/fixtures';
import { bearer } from '../harness/test-app';

const WIDTH = 390;

/**
 * Phone first (390 px is the design width): no page a role uses scrolls sideways — tables
 * included (each is a scroll box of its own or reflows), long words and links wrap.
 */
describe('pages at 390 px (browser)', () => {
  let site: DemoSite;
  let browser: Browser;
  let baseURL: string;
  let assetId: string;
  let ppsId: string;

  beforeAll(async () => {
    site = await openDemoSite();
    ({ browser, baseURL } = site);
    ppsId = await site.t.ppsId('House of Digital');
    const list = await site.t
      .http()
      .get(`/api/v1/assets?ppsId=${ppsId}&pageSize=1&kind=module`)
      .expect(200);
    assetId = list.body.items[0].id;
  }, 120_000);

  afterAll(() => site?.close());

  /** Each page's overflow; the pages with tables are also checked by axe and photographed. */
  async function widths(page: Page, paths: string[]): Promise<Record<string, string[]>> {
    const result: Record<string, string[]> = {};
    for (const path of paths) {
      await page.goto(path);
      const wide = await sidewaysOverflow(page);
      if (wide.length) result[path] = wide;
      if ((await page.locator('main table').count()) > 0)
        await expectAccessible(page, `smal-${path.split('?')[0].replace(/[^a-z]+/g, '-')}`);
    }
    return result;
  }

  it('no public page scrolls sideways', async () => {
    // Just published, so on the home page: a title of one word longer than a phone is wide.
    const writer = await site.t.user('pps-editor', [ppsId]);
    await site.t.publish(
      writer,
      moduleBody(ppsId, {
        title: `Arbeidsmarktgerichtheidsontwikkelingsprogrammaonderdelen${'x'.repeat(30)}`,
      }),
    );
    await site.t.indexed(30_000);
    const page = await openPage(browser, baseURL, { viewport: { width: WIDTH, height: 844 } });
    expect(
      await widths(page, [
        '/',
        '/zoeken?q=lassen',
        `/bouwstenen/${assetId}`,
        `/bouwstenen/${assetId}/versies/1`,
        '/pps',
        `/pps/${ppsId}`,
        '/rapportages',
        '/kaart',
        '/inloggen',
      ]),
    ).toEqual({});
    await page.context().close();
  });

  it("no page of a PPS lead's or an admin's scrolls sideways", async () => {
    const lead = await site.t.user('pps-editor', [ppsId]);
    // A block with two versions and a draft: the version diff and the check page's tables.
    const own = await site.t.publish(lead, moduleBody(ppsId));
    const second = await site.t.publishNewVersion(lead, own, {
      summary:
        'Een langere samenvatting met woorden als arbeidsmarktgerichtheid en praktijkgestuurd.',
    });
    await site.t
      .http()
      .patch(`/api/v1/assets/${own.id}`)
      .set(bearer(lead))
      .set('If-Match', second.etag)
      .send({ title: `${own.title} (herzien)` })
      .expect(200);
    const page = await openPage(browser, baseURL, { viewport: { width: WIDTH, height: 844 } });
    await signIn(page, lead, /\/mijn-pps$/);
    expect(
      await widths(page, [
        `/bouwstenen/${own.id}/verschillen?van=1&naar=2`,
        `/mijn-pps/bouwstenen/${own.id}/publiceren`,
        '/mijn-pps',
        '/mijn-pps/nieuw?soort=module',
        `/mijn-pps/bouwstenen/${assetId}`,
        '/mijn-pps/importeren',
        '/mijn-account',
      ]),
    ).toEqual({});
    await page.context().close();
    const admin = await site.t.user('admin');
    const adminPage = await openPage(browser, baseURL, { viewport: { width: WIDTH, height: 844 } });
    await signIn(adminPage, admin);
    await adminPage.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
    expect(await widths(adminPage, ['/beheer', '/beheer/gebruikers', '/beheer/taken'])).toEqual({});
    await adminPage.context().close();
  });
});
