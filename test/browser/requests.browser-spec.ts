import { Browser, Page } from 'playwright-core';
import { expectAccessible, openPage, signIn } from '../harness/browser';
import { DemoSite, openDemoSite } from '../harness/demo-site';
import { moduleBody } from '../harness/fixtures';
import type { TestUser } from '../harness/test-app';

/** Whether the page scrolls sideways (run in the page: this project's types hold no DOM). */
const SIDEWAYS = '(() => document.documentElement.scrollWidth > window.innerWidth + 1)()';

/**
 * "Zo krijgt u het materiaal" at 390 and 1280 px, without JavaScript: the block page's
 * section, the request form failing and then sent, the confirmation, the PPS page's contact
 * and the owner's inbox — axe 0, no sideways scroll, no console errors, each photographed.
 */
describe('requests for material (browser)', () => {
  let site: DemoSite;
  let browser: Browser;
  let baseURL: string;
  let ppsId: string;
  let assetId: string;
  let lead: TestUser;

  beforeAll(async () => {
    site = await openDemoSite();
    ({ browser, baseURL } = site);
    ppsId = await site.t.ppsId('Techport mbo');
    lead = await site.t.user('pps-editor', [ppsId]);
    assetId = (
      await site.t.publish(
        lead,
        moduleBody(ppsId, {
          title: 'Werkplaatsinstructies hydrauliek en pneumatiek voor servicemonteurs',
          license: 'all-rights-reserved',
          links: [
            {
              title: 'Docentenhandleiding (PDF)',
              url: 'https://example.org/handleiding.pdf',
              type: 'document',
            },
          ],
        }),
      )
    ).id;
  }, 120_000);

  afterAll(() => site?.close());

  async function check(page: Page, name: string): Promise<void> {
    await expectAccessible(page, name);
    expect(await page.evaluate<boolean>(SIDEWAYS)).toBe(false);
  }

  for (const width of [390, 1280]) {
    it(`asks the owner for the material without JavaScript at ${width} px`, async () => {
      // The site's scripts never load (axe itself needs JavaScript, so it stays on): the
      // pages as a browser without JavaScript gets them, forms posted by the browser.
      const page = await openPage(browser, baseURL, { viewport: { width, height: 900 } });
      await page.route('**/assets/*.js', (route) => route.abort('connectionrefused'));
      await page.goto(`/bouwstenen/${assetId}`);
      const section = page.locator('section[aria-labelledby="materiaal-titel"]');
      await expect(section.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(
        'Zo krijgt u het materiaal',
      );
      await expect(section.textContent()).resolves.toMatch(/Alle rechten voorbehouden/);
      await section.scrollIntoViewIfNeeded();
      await check(page, `materiaal-bouwsteen-${width}`);

      await section.getByRole('link', { name: 'Vraag het materiaal aan' }).click();
      await page.getByLabel('Uw naam').fill('Sanne de Vries');
      await page.getByLabel('Uw e-mailadres').fill('geen-adres');
      await page.getByRole('button', { name: 'Verzoek versturen' }).click();
      await expect(page.title()).resolves.toMatch(/^Fout: /);
      await expect(page.getByLabel('Uw naam').inputValue()).resolves.toBe('Sanne de Vries');
      await check(page, `materiaal-verzoek-fout-${width}`);

      await page.getByLabel('Uw e-mailadres').fill(`sanne${width}@roc-voorbeeld.nl`);
      await page.getByLabel('School of bedrijf').fill('ROC Voorbeeld, opleiding Mechatronica');
      await page
        .getByLabel('Waarvoor wilt u het gebruiken?')
        .fill('Voor leerjaar 2 BOL, vanaf september.');
      await page.getByRole('button', { name: 'Verzoek versturen' }).click();
      await page.waitForURL(/\/aanvragen\/verstuurd$/);
      await expect(page.locator('main').textContent()).resolves.toMatch(
        /Uw verzoek is verstuurd naar de projectleider van Techport mbo/,
      );
      await check(page, `materiaal-verstuurd-${width}`);

      await page.goto(`/pps/${ppsId}`);
      await page.locator('#contact-titel').scrollIntoViewIfNeeded();
      await check(page, `materiaal-pps-contact-${width}`);
      await page.context().close();
    });
  }

  it("shows the requests in the owner's inbox, at 390 and 1280 px", async () => {
    for (const width of [390, 1280]) {
      const page = await openPage(browser, baseURL, { viewport: { width, height: 900 } });
      await signIn(page, lead, /\/mijn-pps/);
      await page.goto(`/mijn-pps/verzoeken?pps=${ppsId}`);
      await expect(page.locator('.request-list > li').count()).resolves.toBe(2);
      // Both are unanswered: each marked "Nieuw", and Mijn PPS counts them.
      await expect(page.locator('.request-entry__new').count()).resolves.toBe(2);
      await check(page, `materiaal-inbox-${width}`);
      await page.goto(`/mijn-pps?pps=${ppsId}`);
      await expect(page.getByRole('link', { name: 'Verzoeken (2 nieuw)' }).count()).resolves.toBe(
        1,
      );
      await page.context().close();
    }
  });

  it('asks a PPS a question in its own words, at 390 and 1280 px', async () => {
    for (const width of [390, 1280]) {
      const page = await openPage(browser, baseURL, { viewport: { width, height: 900 } });
      await page.goto(`/pps/${ppsId}/vraag`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(
        /Een vraag aan Techport mbo/,
      );
      await expect(page.getByLabel('Uw vraag').count()).resolves.toBe(1);
      await expect(page.getByRole('button', { name: 'Vraag versturen' }).count()).resolves.toBe(1);
      await check(page, `pps-vraag-${width}`);
      await page.context().close();
    }
  });

  it('points to the websites instead of a form for a PPS nobody of which reads requests, at 390 and 1280 px', async () => {
    const quietPps = await site.t.ppsId('GO2');
    const admin = await site.t.user('admin');
    const quietAsset = (
      await site.t.publish(
        admin,
        moduleBody(quietPps, { license: 'all-rights-reserved', links: [] }),
      )
    ).id;
    for (const width of [390, 1280]) {
      const page = await openPage(browser, baseURL, { viewport: { width, height: 900 } });
      await page.goto(`/bouwstenen/${quietAsset}`);
      const section = page.locator('section[aria-labelledby="materiaal-titel"]');
      await section.scrollIntoViewIfNeeded();
      await expect(section.textContent()).resolves.toMatch(
        /ontvangt nog geen verzoeken via Bouwsteen/,
      );
      await expect(
        section.getByRole('link', { name: 'Vraag het materiaal aan' }).count(),
      ).resolves.toBe(0);
      await check(page, `materiaal-geen-ontvanger-${width}`);
      await page.goto(`/pps/${quietPps}/vraag`);
      await expect(page.locator('form[method="post"]').count()).resolves.toBe(0);
      await check(page, `pps-vraag-geen-ontvanger-${width}`);
      await page.context().close();
    }
  });
});
