import { parse } from 'node-html-parser';
import { stringify } from 'qs';
import { TaxonomyService } from '@bouwsteen/taxonomy';
import { curriculumWith, infrastructureBody, moduleBody, unique } from './harness/fixtures';
import { html } from './harness/html';
import { PageBrowser } from './harness/page-browser';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

/** Words no page may show: role codes, API field names, the machinery's names. */
const FORBIDDEN_WORDS = [
  'pps-editor',
  'llo-office',
  'ppsId',
  'ppsIds',
  'summary',
  'displayName',
  'organisationId',
  'leadOrganisationId',
  'electiveCode',
  'electiveCodes',
  'creboCodes',
  'studyLoad',
  'Meilisearch',
  'worker',
  'npm run',
  'WGS84',
  'latitude',
  'longitude',
  'UUID',
];

/**
 * The text a person sees: the body without scripts (JSON-LD, map data), styles and what they
 * typed themselves into text areas; attributes are not text.
 */
function visibleText(page: string): string {
  const root = parse(page);
  for (const hidden of root.querySelectorAll('script, style, template, textarea')) hidden.remove();
  return (root.querySelector('body')?.text ?? '').replace(/\s+/g, ' ');
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * "No codes or technical words on any page" (issue 25), and the pieces that make it so: keuzedelen
 * with names, the audit trail and the search index page in Dutch, the kind chooser, the place
 * picker, search and order in "Mijn PPS" and in the successor picker.
 */
describe('plain words on every page (e2e)', () => {
  let t: TestApp;
  let lead: TestUser;
  let admin: TestUser;
  let ppsId: string;
  let leadBrowser: PageBrowser;
  let adminBrowser: PageBrowser;
  let lloBrowser: PageBrowser;
  let module: { id: string };
  let curriculum: { id: string };
  let place: { id: string };
  const successors: string[] = [];
  let codes: string[];

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    await t.startWorker();
    ppsId = await t.ppsId('Techport mbo');
    lead = await t.user('pps-editor', [ppsId]);
    admin = await t.user('admin');
    module = await t.publish(
      lead,
      moduleBody(ppsId, {
        title: unique('Cobots programmeren'),
        module: { ...(moduleBody(ppsId).module as object), electiveCode: 'K0771' },
      }),
    );
    curriculum = await t.publish(
      lead,
      curriculumWith(ppsId, [module.id], {
        curriculum: {
          creboCodes: ['25923'],
          learningPaths: ['bbl'],
          electiveCodes: ['K0771', 'K0080'],
          moduleIds: [module.id],
        },
      }),
    );
    place = await t.publish(lead, infrastructureBody(ppsId));
    // Successor candidates, published in an order that is not their titles' order.
    for (const title of ['Zwaluw', 'Adelaar', 'Merel'])
      successors.push((await t.publish(lead, moduleBody(ppsId, { title: unique(title) }))).id);
    for (const title of ['Lassen voor gevorderden', 'Solderen', 'Lassen voor beginners'])
      await t
        .http()
        .post('/api/v1/assets')
        .set(bearer(lead))
        .send(moduleBody(ppsId, { title }))
        .expect(201);
    const vocabularies = await t.app.get(TaxonomyService).vocabularies();
    // Codes that read as codes (hyphens, camelCase), not those that are also the word.
    codes = [...vocabularies.values()]
      .flatMap((terms) => [...terms.values()])
      .filter((term) => /-|[a-z][A-Z]/.test(term.code) && term.code.length >= 4)
      .filter((term) => term.code.toLowerCase() !== term.label.toLowerCase())
      .map((term) => term.code);
    expect(codes).toEqual(expect.arrayContaining(['mbo-3', 'CC-BY-4.0']));

    leadBrowser = new PageBrowser(t);
    expect((await leadBrowser.signIn(lead)).status).toBe(303);
    adminBrowser = new PageBrowser(t);
    expect((await adminBrowser.signIn(admin)).status).toBe(303);
    lloBrowser = new PageBrowser(t);
    expect((await lloBrowser.signIn(await t.lloOffice(unique('LLO-loket')))).status).toBe(303);
    // Something in the audit trail: an invited account and a renamed PPS.
    await adminBrowser.get('/beheer/gebruikers');
    const invited = await adminBrowser.post('/beheer/gebruikers', {
      _formulier: adminBrowser.token,
      email: `${unique('nieuw').replace(' ', '-')}@techport.example`,
      displayName: 'Nieuwe projectleider',
      role: 'pps-editor',
      'ppsIds[]': ppsId,
    });
    expect(invited.status).toBe(200);
    await t.indexed();
  }, 120_000);

  afterAll(() => t.close());

  /** What each page shows that it should not: `path: word`. */
  async function codesOn(browser: PageBrowser | undefined, paths: string[]): Promise<string[]> {
    const found: string[] = [];
    for (const path of paths) {
      const response = browser
        ? await browser.get(path)
        : await t.http().get(path).set('Accept', 'text/html');
      expect([path, response.status]).toEqual([path, 200]);
      const text = visibleText(response.text);
      for (const word of [...FORBIDDEN_WORDS, ...codes])
        if (new RegExp(`(?<![\\w-])${escaped(word)}(?![\\w-])`).test(text))
          found.push(`${path}: ${word}`);
      // A keuzedeel code only with its name ("K0771 Cobots…") or called one ("Keuzedeel K0080").
      const bare = text.replace(/Keuzedeel K\d{4}|K\d{4} (?=\p{Lu})/gu, '');
      for (const code of bare.match(/\bK\d{4}\b/g) ?? []) found.push(`${path}: ${code} bare`);
      // A crebo code only where it is called one.
      for (const match of text.matchAll(/\b25923\b/g))
        if (!/rebo\S*\s*$/i.test(text.slice(Math.max(0, match.index - 20), match.index)))
          found.push(`${path}: crebo 25923 bare`);
    }
    return found;
  }

  describe('the content test: no codes or technical words in what a page shows', () => {
    it('public pages', async () => {
      expect(
        await codesOn(undefined, [
          '/',
          '/zoeken?q=cobots',
          `/bouwstenen/${module.id}`,
          `/bouwstenen/${curriculum.id}`,
          `/bouwstenen/${place.id}`,
          '/pps',
          `/pps/${ppsId}`,
          `/pps/${ppsId}/vraag`,
          `/bouwstenen/${module.id}/aanvragen`,
          '/kaart',
          '/rapportages',
        ]),
      ).toEqual([]);
    });

    it("a PPS lead's pages", async () => {
      expect(
        await codesOn(leadBrowser, [
          `/mijn-pps?pps=${ppsId}`,
          `/mijn-pps/verzoeken?pps=${ppsId}`,
          `/mijn-pps/nieuw?pps=${ppsId}`,
          `/mijn-pps/nieuw?soort=infrastructure&pps=${ppsId}`,
          `/mijn-pps/nieuw?soort=curriculum&pps=${ppsId}`,
          `/mijn-pps/bouwstenen/${place.id}`,
          `/mijn-pps/bouwstenen/${curriculum.id}`,
          `/mijn-pps/bouwstenen/${module.id}/archiveren`,
          '/mijn-account',
        ]),
      ).toEqual([]);
    });

    it("an LLO office's pages", async () => {
      expect(await codesOn(lloBrowser, ['/mijn-cursussen', '/mijn-cursussen/nieuw'])).toEqual([]);
    });

    it("an admin's pages", async () => {
      expect(
        await codesOn(adminBrowser, [
          '/beheer',
          '/beheer/gebruikers',
          '/beheer/pps',
          '/beheer/zoekindex',
          '/beheer/taken',
          '/beheer/wijzigingen',
        ]),
      ).toEqual([]);
    });
  });

  it('names keuzedelen: by the module that carries the code, and says when none does', async () => {
    const page = html(
      await t.http().get(`/bouwstenen/${curriculum.id}`).set('Accept', 'text/html'),
    );
    const k0771 = page.querySelector('[data-keuzedeel="K0771"]')!;
    expect(k0771.text).toMatch(/^K0771 Cobots programmeren [0-9a-f]{6}$/);
    expect(k0771.querySelector('a')?.getAttribute('href')).toBe(`/bouwstenen/${module.id}`);
    expect(page.querySelector('[data-keuzedeel="K0080"]')?.text).toBe(
      'Keuzedeel K0080 (nog geen module in Bouwsteen)',
    );
    const own = html(await t.http().get(`/bouwstenen/${module.id}`).set('Accept', 'text/html'));
    expect(own.querySelector('[data-keuzedeel="K0771"]')?.text).toMatch(/^K0771 Cobots/);
  });

  it('words the audit trail in Dutch: roles and fields by name', async () => {
    const text = visibleText((await adminBrowser.get('/beheer/wijzigingen')).text);
    expect(text).toContain('Account aangemaakt');
    expect(text).toContain('rol Projectleider PPS');
  });

  it('says on /beheer/zoekindex what the queue means for people who search', async () => {
    const text = visibleText((await adminBrowser.get('/beheer/zoekindex')).text);
    expect(text).toContain('Alles is bijgewerkt: wat op Bouwsteen staat, is ook te vinden.');
    expect(text).toContain('technische beheerder');
  });

  describe('/mijn-pps/nieuw', () => {
    it.each([[''], ['&soort=raket']])(
      'offers the four kinds, each with a line on what it is (%s)',
      async (extra) => {
        const response = await leadBrowser.get(`/mijn-pps/nieuw?pps=${ppsId}${extra}`);
        expect(response.status).toBe(200);
        const page = html(response);
        expect(page.querySelector('h1')?.text).toBe('Wat wilt u toevoegen?');
        const tiles = page.querySelectorAll('.kind-tile');
        expect(tiles.map((tile) => tile.getAttribute('href'))).toEqual(
          ['module', 'curriculum', 'infrastructure', 'practice'].map(
            (kind) => `/mijn-pps/nieuw?soort=${kind}&pps=${ppsId}`,
          ),
        );
        for (const tile of tiles)
          expect(tile.querySelector('.kind-tile__text')?.text).toMatch(/\./);
      },
    );
  });

  describe('search and order in Mijn PPS', () => {
    const titles = (page: string) =>
      parse(page)
        .querySelectorAll('table[aria-labelledby=bouwstenen-titel] tbody a')
        .map((link) => link.text.trim());

    it('finds drafts by words in the title, A to Z when asked, and keeps the search on every tab', async () => {
      const response = await leadBrowser.get(
        `/mijn-pps?pps=${ppsId}&tab=concepten&zoek=lassen&sorteer=titel`,
      );
      expect(titles(response.text)).toEqual(['Lassen voor beginners', 'Lassen voor gevorderden']);
      const page = html(response);
      expect(page.querySelector('#veld-zoek')?.getAttribute('value')).toBe('lassen');
      expect(page.querySelector('a[href*="tab=gepubliceerd"]')?.getAttribute('href')).toContain(
        'zoek=lassen&sorteer=titel',
      );
    });

    it('narrows by kind, and says so when nothing matches', async () => {
      const response = await leadBrowser.get(
        `/mijn-pps?pps=${ppsId}&tab=concepten&zoek=lassen&soort=practice`,
      );
      expect(titles(response.text)).toEqual([]);
      expect(visibleText(response.text)).toContain('Geen bouwstenen die hierop passen.');
    });
  });

  describe('the successor picker', () => {
    const options = (page: string) =>
      parse(page)
        .querySelectorAll('#veld-successorId option')
        .map((option) => option.text.replace(/ [0-9a-f]{6}$/, ''));

    it('lists the candidates A to Z, and narrows them by words in the title', async () => {
      const path = `/mijn-pps/bouwstenen/${successors[0]}/archiveren`;
      const all = options((await leadBrowser.get(path)).text);
      const named = all.filter((title) => ['Adelaar', 'Merel', 'Zwaluw'].includes(title));
      expect(named).toEqual(['Adelaar', 'Merel']);
      expect(all.slice(1)).toEqual([...all.slice(1)].sort((a, b) => a.localeCompare(b, 'nl')));
      expect(options((await leadBrowser.get(`${path}?zoek=merel`)).text)).toEqual([
        'Geen opvolger',
        'Merel',
      ]);
    });
  });

  describe('the place picker of the infrastructure form', () => {
    async function post(location: Record<string, unknown>) {
      await leadBrowser.get(`/mijn-pps/nieuw?soort=infrastructure&pps=${ppsId}`);
      return leadBrowser.post(
        '/mijn-pps/nieuw',
        stringify(
          {
            _formulier: leadBrowser.token,
            soort: 'infrastructure',
            pps: ppsId,
            title: unique('Praktijkhal'),
            infrastructure: { model: 'central', natures: ['physical'], locations: [location] },
          },
          { arrayFormat: 'brackets', encodeValuesOnly: true },
        ),
      );
    }

    async function savedLocation(response: { headers: Record<string, string> }) {
      const id = /bouwstenen\/([0-9a-f-]{36})/.exec(response.headers.location)![1];
      const block = await t.http().get(`/api/v1/assets/${id}`).set(bearer(lead)).expect(200);
      return block.body.infrastructure.locations[0];
    }

    it('places a location by its town or by its postcode', async () => {
      const byTown = await post({ name: 'Hal', address: { city: 'haarlem', country: 'NL' } });
      expect(byTown.status).toBe(303);
      expect(await savedLocation(byTown)).toMatchObject({ lat: 52.39, lng: 4.64 });
      const byPostcode = await post({ name: 'Hal', address: { postalCode: '1941 AB' } });
      expect(byPostcode.status).toBe(303);
      expect(await savedLocation(byPostcode)).toMatchObject({
        address: { city: 'Beverwijk', postalCode: '1941 AB' },
        lat: 52.49,
      });
    });

    it('saves a place it does not know as typed, and shows it again so', async () => {
      const response = await post({ name: 'Hal op zee', address: { city: 'Atlantis' } });
      expect(response.status).toBe(303);
      expect(await savedLocation(response)).toEqual({
        name: 'Hal op zee',
        address: { city: 'Atlantis' },
      });
      const page = html(await leadBrowser.get(response.headers.location));
      const city = page.querySelector('#veld-infrastructure-locations-0-address-city')!;
      expect(city.getAttribute('value')).toBe('Atlantis');
      expect(
        page.querySelector('#veld-infrastructure-locations-0-name')?.getAttribute('value'),
      ).toBe('Hal op zee');
      // Coordinates are folded away, and the country is chosen by name.
      expect(page.querySelector('details.site-form__tucked summary')?.text).toBe(
        'Coördinaten zelf invullen',
      );
      expect(
        page.querySelector('#veld-infrastructure-locations-0-address-country option[value=NL]')
          ?.text,
      ).toBe('Nederland');
    });
  });
});
