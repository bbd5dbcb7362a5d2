import { curriculumBody, infrastructureBody, moduleBody, unique } from './harness/fixtures';
import { expectPage, jsonLd, mainText } from './harness/html';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

/**
 * The public pages over HTTP: what each page type shows a teacher, that codes become labels,
 * that drafts stay invisible, that typed text cannot become markup, and the Dutch error pages.
 */
describe('web pages (e2e)', () => {
  let t: TestApp;
  let editorA: TestUser;
  let editorB: TestUser;
  let ppsA: string;
  let ppsB: string;
  let cobots: { id: string; etag: string };
  let derived: { id: string; etag: string };
  let curriculum: { id: string; etag: string };
  let place: { id: string; etag: string };
  let archived: { id: string };
  let neverPublished: string;
  let hostile: { id: string; etag: string };

  const HOSTILE_TITLE = 'Hack <script>alert("x")</script> & co';

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    await t.startWorker();
    ppsA = await t.ppsId('Techport mbo');
    ppsB = await t.ppsId('Fieldlab Robotica NH');
    editorA = await t.user('pps-editor', [ppsA]);
    editorB = await t.user('pps-editor', [ppsB]);

    cobots = await t.publish(
      editorA,
      moduleBody(ppsA, {
        title: 'Veilig werken met cobots',
        summary: 'Risicoanalyse en veilig samenwerken met collaboratieve robots.',
        description: 'Korte video’s en opdrachten.\n\nGeschikt voor operators.',
        levels: ['mbo-3', 'mbo-4'],
        contacts: [
          { role: 'Projectleider', name: 'Team Techport', email: 'info@techport.example' },
        ],
        links: [
          { title: 'Lesmateriaal', url: 'https://techport.example/cobots', type: 'elearning' },
        ],
        module: {
          ...(moduleBody(ppsA).module as object),
          learningOutcomes: [{ text: 'Voert een risicoanalyse uit voor een cobot-werkplek.' }],
          studyLoad: { value: 8, unit: 'hour' },
          offerings: [
            {
              period: { start: '2027-02-01', end: '2027-03-31' },
              location: 'Beverwijk',
              seats: 12,
            },
          ],
        },
      }),
    );
    cobots = await t.publishNewVersion(
      editorA,
      cobots,
      { summary: 'Risicoanalyse, veiligheidszones en veilig samenwerken met cobots.' },
      'Veiligheidszones toegevoegd',
    );
    // A third version, still a draft: visitors keep seeing version 2.
    await t
      .http()
      .patch(`/api/v1/assets/${cobots.id}`)
      .set(bearer(editorA))
      .set('If-Match', cobots.etag)
      .send({ title: 'Geheime conceptversie' })
      .expect(200);

    const derivative = await t
      .http()
      .post(`/api/v1/assets/${cobots.id}/derive`)
      .set(bearer(editorB))
      .send({ ppsId: ppsB })
      .expect(201);
    const published = await t
      .http()
      .post(`/api/v1/assets/${derivative.body.id}/publish`)
      .set(bearer(editorB))
      .set('If-Match', `"${derivative.body.revision}"`)
      .send({})
      .expect(200);
    derived = { id: derivative.body.id, etag: published.headers.etag };
    await t
      .http()
      .post(`/api/v1/assets/${cobots.id}/reuses`)
      .set(bearer(editorB))
      .send({ adopterPpsId: ppsB, mode: 'adapted', context: 'Praktijkmodule robotica, leerjaar 3' })
      .expect(201);

    curriculum = await t.publish(
      editorA,
      curriculumBody(ppsA, {
        curriculum: { ...(curriculumBody(ppsA).curriculum as object), moduleIds: [cobots.id] },
      }),
    );
    place = await t.publish(
      editorA,
      infrastructureBody(ppsA, {
        title: 'Innovatiecentrum Beverwijk',
        infrastructure: {
          ...(infrastructureBody(ppsA).infrastructure as object),
          usedByIds: [cobots.id],
        },
      }),
    );
    const old = await t.publish(editorA, moduleBody(ppsA, { title: unique('Oude cobotmodule') }));
    await t
      .http()
      .post(`/api/v1/assets/${old.id}/archive`)
      .set(bearer(editorA))
      .set('If-Match', old.etag)
      .send({ successorId: cobots.id })
      .expect(200);
    archived = old;
    neverPublished = (
      await t
        .http()
        .post('/api/v1/assets')
        .set(bearer(editorA))
        .send(moduleBody(ppsA, { title: 'Nooit gepubliceerd concept' }))
        .expect(201)
    ).body.id;
    hostile = await t.publish(
      editorA,
      moduleBody(ppsA, {
        title: HOSTILE_TITLE,
        summary: '<img src=x onerror=alert(1)> samenvatting',
        description: '</script><script>alert(2)</script>',
        keywords: ['<b>vet</b>'],
        contacts: [{ role: '<i>rol</i>', name: '"><svg onload=alert(3)>' }],
        links: [
          { title: '<u>link</u>', url: 'https://example.org/materiaal?a=1&b=2', type: 'other' },
        ],
      }),
    );
    await t.indexed();
  });

  afterAll(() => t.close());

  it('shows a building block with labels, licence, attribution, versions, reuse, lineage and JSON-LD', async () => {
    const response = await t.http().get(`/bouwstenen/${cobots.id}`).expect(200);
    const root = expectPage(response);
    const text = mainText(root);
    expect(root.querySelector('h1')!.text.trim()).toBe('Veilig werken met cobots');
    expect(text).not.toContain('Geheime conceptversie');
    // Labels, never codes.
    expect(text).toContain('mbo niveau 3, mbo niveau 4');
    expect(text).toContain('Werkenden (LLO)');
    expect(text).toContain('Online / e-learning');
    expect(text).toContain('Microcredential');
    expect(text).not.toMatch(/\bmbo-3\b|micro-credential|\bworker\b/);
    expect(text).toContain('8 uur');
    expect(text).toContain('€ 250,00');
    expect(text).toContain('1 februari 2027 tot en met 31 maart 2027');
    expect(text).toContain('Voert een risicoanalyse uit voor een cobot-werkplek.');
    // Licence in plain Dutch and the exact attribution line.
    expect(root.querySelector('a[rel="license"]')!.getAttribute('href')).toBe(
      'https://creativecommons.org/licenses/by-sa/4.0/deed.nl',
    );
    expect(text).toContain('onder dezelfde licentie');
    expect(root.querySelector('textarea.attribution__text')!.text.trim()).toBe(
      `"Veilig werken met cobots" (versie 2) van Techport mbo (Nova College), via Bouwsteen: http://localhost:3000/bouwstenen/${cobots.id}. Licentie: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/deed.nl).`,
    );
    expect(root.querySelector('a[href="mailto:info@techport.example"]')).toBeTruthy();
    // Versions: the old one links to its own page; reuse and derivative are named.
    expect(root.querySelector(`a[href="/bouwstenen/${cobots.id}/versies/1"]`)).toBeTruthy();
    expect(text).toContain('Veiligheidszones toegevoegd');
    expect(text).toContain(
      'Fieldlab Robotica NH gebruikt versie 2 aangepast in Praktijkmodule robotica, leerjaar 3',
    );
    expect(root.querySelector(`#afkomst-titel`)).toBeTruthy();
    expect(root.querySelector(`a[href="/bouwstenen/${derived.id}"]`)).toBeTruthy();
    const [data] = jsonLd(root);
    expect(data).toMatchObject({
      '@type': ['LearningResource', 'Course'],
      '@id': `http://localhost:3000/bouwstenen/${cobots.id}`,
      name: 'Veilig werken met cobots',
      // Machines get the canonical URI, people the Dutch deed beside it.
      license: {
        '@id': 'https://creativecommons.org/licenses/by-sa/4.0/',
        url: 'https://creativecommons.org/licenses/by-sa/4.0/deed.nl',
      },
      timeRequired: 'PT8H',
      version: 2,
      offers: { price: '250.00', priceCurrency: 'EUR' },
      publisher: { name: 'Techport mbo' },
    });
    // Levels are OnderwijsBegrippenKader concepts, as Edurep names them, with our label beside.
    expect((data.educationalLevel as { termCode: string; name: string }[])[0]).toMatchObject({
      '@id': 'http://purl.edustandaard.nl/begrippenkader/654931e1-6f8b-4f72-aa4b-92c99c72c347',
      termCode: '654931e1-6f8b-4f72-aa4b-92c99c72c347',
      name: 'MBO, Niveau 3: Vakopleiding',
      alternateName: 'mbo niveau 3',
    });
    expect((data.hasCourseInstance as object[])[0]).toMatchObject({
      courseMode: ['online'],
      startDate: '2027-02-01',
    });
  });

  it('offers the attribution to copy only when the licence allows reuse', async () => {
    const open = expectPage(await t.http().get(`/bouwstenen/${cobots.id}`).expect(200));
    expect(open.querySelector('#licentie-titel')!.text.trim()).toBe('Licentie en naamsvermelding');
    expect(open.querySelector('.attribution__actions button[data-copy-target]')).toBeTruthy();
    const reserved = await t.publish(
      editorA,
      moduleBody(ppsA, { title: 'Interne werkinstructie lassen', license: 'all-rights-reserved' }),
    );
    const root = expectPage(await t.http().get(`/bouwstenen/${reserved.id}`).expect(200));
    expect(root.querySelector('#licentie-titel')!.text.trim()).toBe('Licentie');
    expect(mainText(root)).toContain('Alle rechten zijn voorbehouden');
    expect(root.querySelector('textarea.attribution__text')).toBeNull();
    expect(root.querySelector('[data-copy-target]')).toBeNull();
    expect(mainText(root)).not.toContain('naamsvermelding');
  });

  it('shows an old version as such, and the derivative as based on its source', async () => {
    const old = expectPage(await t.http().get(`/bouwstenen/${cobots.id}/versies/1`).expect(200));
    expect(mainText(old)).toContain('U bekijkt versie 1');
    expect(old.querySelector('meta[name="robots"]')!.getAttribute('content')).toBe('noindex');
    expect(old.querySelector('link[rel="canonical"]')!.getAttribute('href')).toMatch(
      /\/versies\/1$/,
    );
    // The unpublished third version does not exist for a visitor.
    await t.http().get(`/bouwstenen/${cobots.id}/versies/3`).expect(404);
    const current = expectPage(
      await t.http().get(`/bouwstenen/${cobots.id}/versies/2`).expect(200),
    );
    expect(mainText(current)).not.toContain('U bekijkt versie');

    const derivative = expectPage(await t.http().get(`/bouwstenen/${derived.id}`).expect(200));
    expect(mainText(derivative)).toContain(
      'Gebaseerd op "Veilig werken met cobots" (versie 2) van Techport mbo',
    );
    expect(jsonLd(derivative)[0].isBasedOn).toEqual([
      {
        '@id': `http://localhost:3000/bouwstenen/${cobots.id}`,
        '@type': ['LearningResource', 'Course'],
        name: 'Veilig werken met cobots',
      },
    ]);
  });

  it('shows each kind’s own fields, and links between building blocks', async () => {
    const curriculumPage = expectPage(
      await t.http().get(`/bouwstenen/${curriculum.id}`).expect(200),
    );
    expect(mainText(curriculumPage)).toContain('BBL (beroepsbegeleidende leerweg)');
    expect(mainText(curriculumPage)).toContain('36 maanden');
    expect(curriculumPage.querySelector(`#curriculum-titel`)).toBeTruthy();
    expect(curriculumPage.querySelector(`a[href="/bouwstenen/${cobots.id}"]`)).toBeTruthy();
    expect(jsonLd(curriculumPage)[0]).toMatchObject({
      '@type': ['LearningResource', 'EducationalOccupationalProgram'],
      hasPart: [
        expect.objectContaining({ '@id': `http://localhost:3000/bouwstenen/${cobots.id}` }),
      ],
    });

    const placePage = expectPage(await t.http().get(`/bouwstenen/${place.id}`).expect(200));
    expect(mainText(placePage)).toContain('Centraal model (alles op één locatie)');
    expect(mainText(placePage)).toContain('Praktijkhal, 1014 BB, Amsterdam');
    expect(placePage.querySelector(`a[href="/bouwstenen/${cobots.id}"]`)).toBeTruthy();
    expect((jsonLd(placePage)[0].contentLocation as object[])[0]).toMatchObject({
      geo: { latitude: 52.37, longitude: 4.89 },
    });
  });

  it('points an archived building block to its successor', async () => {
    const page = expectPage(await t.http().get(`/bouwstenen/${archived.id}`).expect(200));
    const banner = page.querySelector('.utrecht-alert--warning')!;
    expect(banner.text).toContain('gearchiveerd');
    expect(banner.querySelector(`a[href="/bouwstenen/${cobots.id}"]`)).toBeTruthy();
  });

  it('never shows a draft: not as a page, not in search, not on its PPS page, not in the sitemap', async () => {
    const missing = await t.http().get(`/bouwstenen/${neverPublished}`).expect(404);
    expect(missing.text).toContain('Pagina niet gevonden');
    expect(missing.headers['cache-control']).toBe('no-store');
    const search = await t.http().get('/zoeken?q=Nooit gepubliceerd concept').expect(200);
    expect(search.text).not.toContain(neverPublished);
    const pps = await t.http().get(`/pps/${ppsA}`).expect(200);
    expect(pps.text).not.toContain(neverPublished);
    expect(pps.text).not.toContain('Geheime conceptversie');
    const sitemap = await t.http().get('/sitemaps/bouwstenen-1.xml').expect(200);
    expect(sitemap.text).toContain(`/bouwstenen/${cobots.id}<`);
    expect(sitemap.text).not.toContain(neverPublished);
    expect(sitemap.text).not.toContain(archived.id);
  });

  it('escapes whatever people typed, in every page that shows it', async () => {
    const pages = [
      `/bouwstenen/${hostile.id}`,
      `/zoeken?q=${encodeURIComponent('Hack co')}`,
      `/zoeken?q=${encodeURIComponent('"><script>alert(9)</script>')}`,
      `/pps/${ppsA}`,
      '/',
    ];
    for (const path of pages) {
      const root = expectPage(await t.http().get(path).expect(200));
      // Typed markup stays text: no elements it could have made exist in the document.
      expect(root.querySelectorAll('script:not([src]):not([type])')).toHaveLength(0);
      expect(root.querySelectorAll('main img, main svg, main b, main i, main u')).toHaveLength(0);
      expect(root.querySelectorAll('[onerror], [onload]')).toHaveLength(0);
    }
    const page = await t.http().get(`/bouwstenen/${hostile.id}`);
    expect(page.text).toContain('Hack &lt;script>alert(&#34;x&#34;)&lt;/script> &amp; co');
    // In JSON-LD, "<" is escaped so the text cannot close the script element.
    expect(page.text).toContain('\\u003c/script>\\u003cscript>alert(2)');
    const search = await t
      .http()
      .get(`/zoeken?q=${encodeURIComponent('"><script>alert(9)</script>')}`);
    // Kept as the visitor typed it, as the value of the search box (quotes escaped).
    expect(expectPage(search).querySelector('#zoek-q')!.getAttribute('value')).toBe(
      '"><script>alert(9)</script>',
    );
  });

  it('shows a PPS: its building blocks, who reused its work and what it reused', async () => {
    const a = expectPage(await t.http().get(`/pps/${ppsA}`).expect(200));
    expect(a.querySelector('h1')!.text.trim()).toBe('Techport mbo');
    expect(a.querySelector(`a[href="/bouwstenen/${cobots.id}"]`)).toBeTruthy();
    expect(mainText(a)).toContain('Veilig werken met cobots — door Fieldlab Robotica NH');
    const b = expectPage(await t.http().get(`/pps/${ppsB}`).expect(200));
    expect(mainText(b)).toContain(
      'Veilig werken met cobots (versie 2) in Praktijkmodule robotica, leerjaar 3',
    );
    const list = expectPage(await t.http().get('/pps?provincie=flevoland').expect(200));
    expect(list.querySelector('.search-tabs a[aria-current="page"]')!.text).toBe('Flevoland');
    expect(mainText(list)).not.toContain('Techport mbo');
    await t.http().get('/pps/not-a-uuid').expect(404);
    await t.http().get('/pps/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('puts located building blocks on the map and in the list beside it, within a radius', async () => {
    const all = expectPage(await t.http().get('/kaart').expect(200));
    const data = JSON.parse(all.querySelector('script#kaart-data')!.textContent) as {
      tiles: { url: string };
      places: { id: string; lat: number; lng: number }[];
    };
    expect(data.tiles.url).toContain('{z}/{x}/{y}');
    expect(data.places).toEqual([expect.objectContaining({ id: place.id, lat: 52.37, lng: 4.89 })]);
    expect(all.querySelector(`li#plaats-${place.id} a`)!.getAttribute('href')).toBe(
      `/bouwstenen/${place.id}`,
    );
    expect(all.querySelector('link[href^="/assets/leaflet."]')).toBeTruthy();
    const csp = String((await t.http().get('/kaart')).headers['content-security-policy']);
    expect(csp).toContain("img-src 'self' data: https://tile.openstreetmap.org");

    const near = expectPage(await t.http().get('/kaart?plaats=amsterdam&straal=10').expect(200));
    expect(mainText(near)).toMatch(/1 plaats binnen 10 km van Amsterdam/);
    expect(mainText(near)).toMatch(/Innovatiecentrum Beverwijk.*km/);
    const far = expectPage(await t.http().get('/kaart?plaats=den-helder&straal=10').expect(200));
    expect(mainText(far)).toContain('Geen plaatsen binnen deze afstand');
  });

  it('answers Dutch error pages to browsers and problem+json to the API', async () => {
    const page = await t.http().get('/bestaat-niet').set('Accept', 'text/html').expect(404);
    expect(expectPage(page).querySelector('h1')!.text.trim()).toBe('Pagina niet gevonden');
    // Outside the API a page is the answer unless JSON is asked for (curl without Accept too).
    await t
      .http()
      .get('/bestaat-niet')
      .expect(404)
      .expect('Content-Type', /text\/html/);
    await t
      .http()
      .get('/bestaat-niet')
      .set('Accept', 'application/json')
      .expect(404)
      .expect('Content-Type', /problem\+json/);
    await t
      .http()
      .get('/api/v1/bestaat-niet')
      .set('Accept', 'text/html')
      .expect(404)
      .expect('Content-Type', /problem\+json/);
    const badVersion = await t.http().get(`/bouwstenen/${cobots.id}/versies/abc`).expect(404);
    expect(badVersion.headers['content-type']).toContain('text/html');
    // Hostile input on a page gets the API's answers, as pages.
    await t.http().get('/zoeken?q=a%00b').expect(400);
  });
});
