import { Browser, Page } from 'playwright-core';
import { expectAccessible, openPage, signIn } from '../harness/browser';
import { DemoSite, openDemoSite } from '../harness/demo-site';
import { moduleBody } from '../harness/fixtures';
import type { TestUser } from '../harness/test-app';

const SIDEWAYS = '(() => document.documentElement.scrollWidth > window.innerWidth + 1)()';

/**
 * Reviews at 390 and 1280 px, without JavaScript: the block page's section ("Nog geen
 * reviews"), the form failing and kept as typed, saved, the figures, the edit and withdraw, and
 * the PPS lead's reports in "Mijn PPS" with hiding — axe 0, no sideways scroll, photographed.
 */
describe('reviews (browser)', () => {
  let site: DemoSite;
  let browser: Browser;
  let baseURL: string;
  let ppsId: string;
  let lead: TestUser;

  beforeAll(async () => {
    site = await openDemoSite();
    ({ browser, baseURL } = site);
    ppsId = await site.t.ppsId('Techport mbo');
    lead = await site.t.user('pps-editor', [ppsId]);
  }, 120_000);

  afterAll(() => site?.close());

  async function check(page: Page, name: string): Promise<void> {
    await expectAccessible(page, name);
    expect(await page.evaluate<boolean>(SIDEWAYS)).toBe(false);
  }

  for (const width of [390, 1280]) {
    it(`writes, edits and withdraws a review without JavaScript at ${width} px`, async () => {
      const assetId = (await site.t.publish(lead, moduleBody(ppsId))).id;
      const teacher = await site.t.user('teacher');
      const page = await openPage(browser, baseURL, { viewport: { width, height: 900 } });
      await page.route('**/assets/*.js', (route) => route.abort('connectionrefused'));
      await signIn(page, teacher);
      await page.goto(`/bouwstenen/${assetId}`);
      const section = page.locator('section[aria-labelledby="reviews-titel"]');
      await expect(section.textContent()).resolves.toMatch(/Nog geen reviews/);
      await section.scrollIntoViewIfNeeded();
      await check(page, `reviews-bouwsteen-leeg-${width}`);

      await section.getByRole('link', { name: 'Schrijf een review' }).click();
      await page.getByLabel('Gebruikt of gelezen?').selectOption('used');
      await page.getByLabel('Uw toelichting').fill('Goed bruikbaar.\u0007 Met een belletje.');
      await page.getByRole('button', { name: 'Review plaatsen' }).click();
      await expect(page.title()).resolves.toMatch(/^Fout: /);
      await expect(page.getByLabel('Uw toelichting').inputValue()).resolves.toMatch(/belletje/);
      await expect(page.getByLabel('Gebruikt of gelezen?').inputValue()).resolves.toBe('used');
      // A score left at "Kies…" asks for a score, not for a whole number.
      await expect(page.locator('#veld-quality-fout').textContent()).resolves.toContain(
        'Kies een score van 1 tot 5.',
      );
      await check(page, `reviews-formulier-fout-${width}`);

      await page.getByLabel('Voor welk niveau?').selectOption('3');
      await page.getByLabel('BOL of BBL?').selectOption('bol');
      await page.getByLabel('Op school of in de praktijk?').selectOption('school');
      await page.getByLabel('Bruikbaarheid').selectOption('4');
      await page.getByLabel('Kwaliteit').selectOption('5');
      await page.getByLabel('Aanpasbaarheid').selectOption('3');
      await page.getByLabel('Uw toelichting').fill('Goed bruikbaar in leerjaar 2.');
      await page.getByRole('button', { name: 'Review plaatsen' }).click();
      await page.waitForURL(/melding=opgeslagen/);
      await expect(page.locator('main').textContent()).resolves.toMatch(
        /1 review, voor mbo niveau 3/,
      );
      await expect(page.getByRole('button', { name: 'Wijzigingen opslaan' }).count()).resolves.toBe(
        1,
      );
      await check(page, `reviews-opgeslagen-${width}`);

      await page.getByLabel('Kwaliteit').selectOption('2');
      await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
      await page.waitForURL(/melding=opgeslagen/);
      await expect(page.locator('.review-averages').textContent()).resolves.toMatch(/2 van 5/);

      await page.goto(`/bouwstenen/${assetId}`);
      await expect(section.textContent()).resolves.toMatch(/Goed bruikbaar in leerjaar 2/);
      await section.scrollIntoViewIfNeeded();
      await check(page, `reviews-bouwsteen-${width}`);

      await page.goto(`/bouwstenen/${assetId}/reviews`);
      await page.getByRole('button', { name: 'Review intrekken' }).click();
      await page.waitForURL(/melding=ingetrokken/);
      await expect(page.locator('main').textContent()).resolves.toMatch(/Nog geen reviews/);
      await page.context().close();
    });
  }

  it('shows the lead the reports in Mijn PPS and hides a review, at 390 and 1280 px', async () => {
    const asset = await site.t.publish(lead, moduleBody(ppsId));
    const teacher = await site.t.user('teacher');
    const http = site.t.http();
    const review = await http
      .put(`/api/v1/assets/${asset.id}/reviews/mine`)
      .set('Authorization', `Bearer ${teacher.token}`)
      .send({
        use: 'read',
        level: 2,
        pathway: 'bbl',
        setting: 'practice',
        usability: 2,
        quality: 2,
        adaptability: 2,
        body: 'Noemt een student bij naam.',
      })
      .expect(201);
    await http
      .post(`/api/v1/assets/${asset.id}/reviews/${review.body.id}/reports`)
      .set('Authorization', `Bearer ${(await site.t.user('teacher')).token}`)
      .send({ reason: 'De naam van een student staat erin.' })
      .expect(204);
    for (const width of [390, 1280]) {
      const page = await openPage(browser, baseURL, { viewport: { width, height: 900 } });
      await signIn(page, lead, /\/mijn-pps/);
      await page.getByRole('link', { name: 'Meldingen over reviews' }).click();
      await expect(page.locator('main').textContent()).resolves.toMatch(
        /De naam van een student staat erin/,
      );
      await check(page, `reviews-meldingen-${width}`);
      const button = width === 390 ? 'Review verbergen' : 'Weer tonen';
      await page.getByRole('button', { name: button }).click();
      await page.waitForURL(/melding=/);
      await check(page, `reviews-meldingen-na-${width}`);
      await page.context().close();
    }
    const list = await http.get(`/api/v1/assets/${asset.id}/reviews`).expect(200);
    expect(list.body.summary.total).toBe(1);
  });
  it('lets the lead reply and a teacher report, without JavaScript, at 390 and 1280 px; and /privacy', async () => {
    const asset = await site.t.publish(lead, moduleBody(ppsId));
    const author = await site.t.user('teacher');
    await site.t
      .http()
      .put(`/api/v1/assets/${asset.id}/reviews/mine`)
      .set('Authorization', `Bearer ${author.token}`)
      .send({
        use: 'used',
        level: 3,
        pathway: 'bol',
        setting: 'school',
        usability: 4,
        quality: 5,
        adaptability: 3,
        body: 'Goed bruikbaar in leerjaar 2.',
      })
      .expect(201);
    const reporters = [await site.t.user('teacher'), await site.t.user('teacher')];
    for (const [index, width] of [390, 1280].entries()) {
      const leadPage = await openPage(browser, baseURL, { viewport: { width, height: 900 } });
      await leadPage.route('**/assets/*.js', (route) => route.abort('connectionrefused'));
      await signIn(leadPage, lead, /\/mijn-pps/);
      await leadPage.goto(`/bouwstenen/${asset.id}/reviews`);
      if (index === 0) {
        await leadPage.getByText(/^Reageren namens /).click();
        await leadPage.getByRole('button', { name: 'Reactie plaatsen' }).click();
        await expect(leadPage.title()).resolves.toMatch(/^Fout: /);
        // Nothing typed: the plain request to fill it in (not the one about spaces).
        const why = (await leadPage.locator('.utrecht-form-field-error-message').textContent())!;
        expect(why).toContain('Vul dit veld in.');
        expect(why).not.toContain('spaties');
        await check(leadPage, `reviews-reactie-fout-${width}`);
        await leadPage.getByLabel('Uw reactie').fill('Dank u! De ingekorte versie delen we graag.');
        await leadPage.getByRole('button', { name: 'Reactie plaatsen' }).click();
        await leadPage.waitForURL(/melding=gereageerd/);
      }
      await expect(leadPage.locator('.review__reply').textContent()).resolves.toMatch(
        /Reactie van .*Dank u!/s,
      );
      await check(leadPage, `reviews-reactie-${width}`);
      await leadPage.context().close();

      const page = await openPage(browser, baseURL, { viewport: { width, height: 900 } });
      await page.route('**/assets/*.js', (route) => route.abort('connectionrefused'));
      await signIn(page, reporters[index]);
      await page.goto(`/bouwstenen/${asset.id}/reviews`);
      await page.getByText('Review melden').click();
      await page.getByLabel('Waarom meldt u deze review?').selectOption('anders');
      await page.getByRole('button', { name: 'Melding versturen' }).click();
      await expect(page.title()).resolves.toMatch(/^Fout: /);
      await check(page, `reviews-melden-fout-${width}`);
      await expect(page.getByLabel('Waarom meldt u deze review?').inputValue()).resolves.toBe(
        'anders',
      );
      await page.getByLabel(/^Toelichting/).fill('Het gaat over een andere module.');
      await page.getByRole('button', { name: 'Melding versturen' }).click();
      await page.waitForURL(/melding=gemeld/);
      await expect(page.locator('main').textContent()).resolves.toMatch(
        /U heeft deze review gemeld/,
      );
      await check(page, `reviews-gemeld-${width}`);

      await page.getByRole('link', { name: 'Privacy' }).click();
      await page.waitForURL(/\/privacy$/);
      await expect(page.locator('h1').textContent()).resolves.toBe('Privacy');
      // Honest about the counting it does itself, and about who sees the searches.
      const privacy = (await page.locator('main').textContent())!;
      expect(privacy).not.toContain('geen bezoekersstatistieken');
      expect(privacy).toContain('geen statistiekdiensten of scripts van andere partijen');
      expect(privacy).toContain('de beheerders en de projectleiders van alle PPS');
      expect(privacy).not.toContain('fondsen');
      await check(page, `privacy-${width}`);
      await page.context().close();
    }
  });
});
