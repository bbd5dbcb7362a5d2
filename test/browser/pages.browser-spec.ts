import { Browser } from 'playwright-core';
import { eventually, expectAccessible, openPage, problemsOf, screenshot } from '../harness/browser';
import { DemoSite, openDemoSite } from '../harness/demo-site';
import { practiceBody } from '../harness/fixtures';
import { TestApp, TestUser, bearer } from '../harness/test-app';

/**
 * The page types the teacher's path does not pass through: the map (with tiles that fail, as
 * offline), the PPS overview, an earlier version, the shared course page on screen and in
 * print, and the page for an address that does not exist. Each is checked with axe and saved.
 */
describe('the other pages in the browser', () => {
  let site: DemoSite;
  let t: TestApp;
  let browser: Browser;
  let baseURL: string;
  let llo: TestUser;

  beforeAll(async () => {
    site = await openDemoSite();
    ({ t, browser, baseURL } = site);
    llo = await t.lloOffice('LLO-loket Noord-Holland');
  }, 120_000);

  afterAll(() => site?.close());

  it('shows places on a map, says when the map background cannot load, and keeps the list as the page', async () => {
    const page = await openPage(browser, baseURL);
    await page.goto('/kaart');
    const map = page.locator('#kaart');
    await eventually(async () => expect(await map.isVisible()).toBe(true));
    const markers = page.locator('#kaart path.leaflet-interactive');
    const places = page.locator('.place-list li');
    await eventually(async () => expect(await markers.count()).toBeGreaterThan(0));
    expect(await markers.count()).toBe(await places.count());
    await eventually(async () =>
      expect(await page.locator('#kaart-melding').textContent()).toContain(
        'De kaartachtergrond kon niet worden geladen',
      ),
    );
    await expectAccessible(page, 'kaart');

    // A marker's popup links to the building block, as the list entry does.
    await markers.last().click(); // the last drawn is on top of any that overlap
    const popupLink = page.locator('.leaflet-popup-content a');
    await eventually(async () => expect(await popupLink.isVisible()).toBe(true));
    expect(await popupLink.getAttribute('href')).toMatch(/^\/bouwstenen\//);

    // Near a town: the list says how far, and the form keeps the choice.
    await page.getByLabel('In de buurt van').selectOption({ label: 'Amsterdam' });
    await page.getByLabel('Binnen').selectOption({ label: '25 km' });
    await page.getByRole('button', { name: 'Toon' }).click();
    await page.waitForURL(/plaats=amsterdam/);
    expect(await page.locator('#lijst-titel').textContent()).toMatch(/binnen 25 km van Amsterdam$/);
    for (const entry of await page.locator('.place-list li .site-muted').allTextContents()) {
      const km = Number(/, ([\d,]+) km$/.exec(entry)![1].replace(',', '.'));
      expect(km).toBeLessThanOrEqual(25);
    }
    await expectAccessible(page, 'kaart-amsterdam');
    await page.context().close();
  });

  it('lists the PPS, narrows them to a province and links each to its page', async () => {
    const page = await openPage(browser, baseURL);
    await page.goto('/pps');
    await expectAccessible(page, 'pps-overzicht');
    const all = await page.locator('.pps-card').count();
    await page
      .getByRole('navigation', { name: 'Provincie' })
      .getByRole('link', { name: 'Flevoland' })
      .click();
    await page.waitForURL(/\/pps\?provincie=flevoland$/);
    const cards = page.locator('.pps-card');
    expect(await cards.count()).toBeGreaterThan(0);
    expect(await cards.count()).toBeLessThan(all);
    for (const line of await cards.locator('p').first().allTextContents())
      expect(line).toContain('Flevoland');
    const first = cards.locator('h3 a').first();
    const name = (await first.textContent())!.trim();
    await first.click();
    await page.waitForURL(/\/pps\/[0-9a-f-]+$/);
    expect((await page.locator('h1').textContent())!.trim()).toBe(name);
    await page.context().close();
  });

  it('shows an earlier version as such, with a way to the current one', async () => {
    const editor = await t.user('pps-editor', [
      await t.ppsId('Opleidingscampus Technische Installaties Amsterdam'),
    ]);
    const asset = await t.publish(
      editor,
      practiceBody(await t.ppsId('Opleidingscampus Technische Installaties Amsterdam'), {
        title: 'Leren in de wijk met bewoners',
      }),
    );
    await t.publishNewVersion(
      editor,
      asset,
      { title: 'Leren in de wijk met bewoners en corporaties' },
      'Corporaties erbij',
    );
    await t.indexed();
    const page = await openPage(browser, baseURL);
    await page.goto(`/bouwstenen/${asset.id}/versies/1`);
    expect((await page.locator('h1').textContent())!.trim()).toBe('Leren in de wijk met bewoners');
    const current = page.getByRole('link', { name: 'Bekijk versie 2 (de huidige)' });
    expect(await current.getAttribute('href')).toBe(`/bouwstenen/${asset.id}`);
    await expectAccessible(page, 'bouwsteen-oude-versie');
    await current.click();
    await page.waitForURL(new RegExp(`/bouwstenen/${asset.id}$`));
    expect((await page.locator('h1').textContent())!.trim()).toBe(
      'Leren in de wijk met bewoners en corporaties',
    );
    await page.context().close();
  });

  it('shows a shared course on screen and in print', async () => {
    const modules = await t
      .http()
      .get('/api/v1/search?preset=llo&kind=module&license=CC-BY-4.0,CC-BY-SA-4.0&pageSize=2')
      .expect(200);
    expect(modules.body.hits.length).toBe(2);
    const created = await t
      .http()
      .post('/api/v1/courses')
      .set(bearer(llo))
      .send({
        title: 'Omscholing servicemonteur warmtepompen',
        employer: { name: 'Installatiebedrijf De Vonk' },
        audience: 'worker',
        goals: 'Zes monteurs onderhouden zelfstandig warmtepompen.',
        schedule: { start: '2027-02-01', end: '2027-04-30' },
        items: modules.body.hits.map((hit: { id: string }) => ({ assetId: hit.id })),
      });
    expect([created.status, created.body.errors]).toEqual([201, undefined]);
    const link = await t
      .http()
      .post(`/api/v1/courses/${created.body.id}/share`)
      .set(bearer(llo))
      .expect(201);

    const page = await openPage(browser, baseURL);
    await page.goto(link.body.html);
    expect((await page.locator('h1').textContent())!.trim()).toBe(
      'Omscholing servicemonteur warmtepompen',
    );
    const body = (await page.locator('main').textContent())!;
    expect(body).toContain('Installatiebedrijf De Vonk');
    expect(body).toContain('LLO-loket Noord-Holland');
    for (const hit of modules.body.hits as { title: string }[]) expect(body).toContain(hit.title);
    await expectAccessible(page, 'cursus');

    // Print: no navigation or buttons, just the course.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header nav').first().isVisible()).toBe(false);
    await screenshot(page, 'cursus-afdruk');
    await page.context().close();
  });

  it('answers an unknown address with a Dutch page that helps on', async () => {
    const page = await openPage(browser, baseURL);
    const response = await page.goto('/bouwstenen/00000000-0000-4000-8000-000000000000');
    expect(response!.status()).toBe(404);
    expect((await page.locator('h1').textContent())!.trim()).toBe('Pagina niet gevonden');
    expect(await page.getByRole('search').getByLabel('Zoek een bouwsteen').isVisible()).toBe(true);
    // The browser reports the 404 itself; that is the point of this page, not a problem.
    problemsOf(page).splice(0);
    await expectAccessible(page, 'niet-gevonden');
    await page.context().close();
  });
});
