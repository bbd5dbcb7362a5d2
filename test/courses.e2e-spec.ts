import { parse } from 'node-html-parser';
import { moduleBody } from './harness/fixtures';
import { PageBrowser } from './harness/page-browser';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

/** An LLO office builds a course from modules of several PPS, sees totals, shares it, and is told when a module changes. */
describe('LLO courses (e2e)', () => {
  let t: TestApp;
  let llo: TestUser;
  let otherLlo: TestUser;
  let editorA: TestUser;
  let editorB: TestUser;
  let ppsA: string;
  let ppsB: string;
  let basics: { id: string; etag: string };
  let advanced: { id: string; etag: string };
  let ects: { id: string; etag: string };
  let nc: { id: string; etag: string };

  async function publish(
    user: TestUser,
    ppsId: string,
    extra: Record<string, unknown>,
    module: Record<string, unknown>,
  ) {
    const base = moduleBody(ppsId, extra);
    return t.publish(user, { ...base, module: { ...(base.module as object), ...module } });
  }

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    await t.startWorker();
    ppsA = await t.ppsId('Opleidingscampus Technische Installaties Amsterdam');
    ppsB = await t.ppsId('Techniek leerwerkpleinen');
    editorA = await t.user('pps-editor', [ppsA]);
    editorB = await t.user('pps-editor', [ppsB]);
    llo = await t.lloOffice('LLO-loket Noord-Holland');
    otherLlo = await t.lloOffice('LLO-loket Flevoland');
    basics = await publish(
      editorA,
      ppsA,
      { title: 'Basis warmtepompen', levels: ['mbo-2'] },
      {
        studyLoad: { value: 40, unit: 'sbu' },
        price: { amountCents: 30000, currency: 'EUR' },
        certification: 'mbo-certificaat',
        stackable: true,
        deliveryModes: ['on-site'],
        audiences: ['worker'],
      },
    );
    advanced = await publish(
      editorB,
      ppsB,
      { title: 'Storingen aan warmtepompen', levels: ['mbo-3'] },
      {
        studyLoad: { value: 16, unit: 'hour' },
        price: { amountCents: 45000, currency: 'EUR' },
        certification: 'micro-credential',
        stackable: true,
        deliveryModes: ['workplace'],
        audiences: ['worker'],
        prerequisites: { moduleIds: [basics.id] },
      },
    );
    ects = await publish(
      editorA,
      ppsA,
      { title: 'Energietransitie in de wijk', levels: ['mbo-4'] },
      {
        studyLoad: { value: 1, unit: 'ects' },
        price: undefined,
        certification: 'none',
        deliveryModes: ['online'],
        audiences: ['worker'],
      },
    );
    nc = await publish(
      editorB,
      ppsB,
      { title: 'Veilig werken met F-gassen', license: 'CC-BY-NC-4.0', levels: ['mbo-3'] },
      { price: undefined, audiences: ['worker'] },
    );
  });
  afterAll(() => t.close());

  const create = (user: TestUser, body: Record<string, unknown>) =>
    t.http().post('/api/v1/courses').set(bearer(user)).send(body);
  const course = (
    items: { assetId: string; version?: number }[],
    extra: Record<string, unknown> = {},
  ) => ({
    title: 'Omscholing servicemonteur warmtepompen',
    employer: { name: 'Installatiebedrijf De Vonk' },
    audience: 'worker',
    goals: 'Zes monteurs onderhouden zelfstandig warmtepompen.',
    schedule: { start: '2027-02-01', end: '2027-04-30' },
    extrasCents: 15000,
    extrasDescription: 'intake en begeleiding',
    items,
    ...extra,
  });

  it('assembles a course from modules of two PPS with computed totals and certificates', async () => {
    const created = await create(
      llo,
      course([{ assetId: basics.id }, { assetId: advanced.id }, { assetId: ects.id }]),
    ).expect(201);
    expect(created.body.employer.name).toBe('Installatiebedrijf De Vonk');
    expect(created.body.totals).toEqual({
      studyLoadHours: 40 + 16 + 28,
      priceCents: 30000 + 45000 + 15000,
      certificates: [
        {
          assetId: basics.id,
          title: 'Basis warmtepompen',
          certification: 'mbo-certificaat',
          stackable: true,
        },
        {
          assetId: advanced.id,
          title: 'Storingen aan warmtepompen',
          certification: 'micro-credential',
          stackable: true,
        },
      ],
      certificatesStack: true,
      deliveryModes: { 'on-site': 1, workplace: 1, online: 1 },
      levelRange: { lowest: 'mbo-2', highest: 'mbo-4' },
    });
    expect(created.body.items.map((item: { ppsName: string }) => item.ppsName)).toEqual([
      'Opleidingscampus Technische Installaties Amsterdam',
      'Techniek leerwerkpleinen',
      'Opleidingscampus Technische Installaties Amsterdam',
    ]);
    expect(created.body.warnings).toEqual([]);
    const again = await create(
      llo,
      course([{ assetId: basics.id }], { employer: { name: 'installatiebedrijf de vonk' } }),
    ).expect(201);
    expect(again.body.employer.id).toBe(created.body.employer.id);
  });

  it('warns about a prerequisite that comes later and a level jump of more than one step', async () => {
    const created = await create(
      llo,
      course([{ assetId: advanced.id }, { assetId: basics.id }, { assetId: ects.id }]),
    ).expect(201);
    expect(created.body.warnings).toEqual([
      {
        field: 'items.0.assetId',
        message: 'prerequisite "Basis warmtepompen" is not earlier in the course',
        code: 'prerequisiteNotEarlier',
        values: { title: 'Basis warmtepompen' },
      },
      {
        field: 'items.2.assetId',
        message: 'level jumps from mbo-2 to mbo-4',
        code: 'levelJump',
        values: { from: 'mbo-2', to: 'mbo-4' },
      },
    ]);
  });

  it('shows the warnings in the composer in Dutch, worded by their codes', async () => {
    const created = await create(
      llo,
      course([{ assetId: advanced.id }, { assetId: basics.id }, { assetId: ects.id }]),
    ).expect(201);
    const browser = new PageBrowser(t);
    expect((await browser.signIn(llo)).status).toBe(303);
    const page = await browser.get(`/mijn-cursussen/${created.body.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(
      'Let op: Zet de voorkennis &#34;Basis warmtepompen&#34; eerder in de cursus.',
    );
    expect(page.text).toContain(
      'Let op: Het niveau springt van mbo niveau 2 naar mbo niveau 4. Kijk of er een module tussen moet.',
    );
    expect(page.text).not.toMatch(/is not earlier|level jumps/);
    const warnings = [...page.text.matchAll(/class="course-warning"[^>]*>([^<]*)</g)].map(
      (match) => match[1],
    );
    expect(warnings).toHaveLength(2);
    expect(warnings.filter((text) => /mbo-\d/.test(text))).toEqual([]);
  });

  it("shows each module's own price in the composer's search results", async () => {
    await t.indexed();
    const created = await create(llo, course([{ assetId: basics.id }])).expect(201);
    const browser = new PageBrowser(t);
    expect((await browser.signIn(llo)).status).toBe(303);
    const page = await browser.get(`/mijn-cursussen/${created.body.id}?q=warmtepompen`);
    expect(page.status).toBe(200);
    const results = parse(page.text).querySelectorAll('#zoekresultaten li');
    const facts = (title: string) =>
      results
        .find((item) => item.querySelector('h3')?.text.trim() === title)!
        .querySelector('.site-muted')!
        .text.replace(/\s+/g, ' ');
    expect(facts('Storingen aan warmtepompen')).toMatch(/ · € 450,00$/);
    expect(facts('Basis warmtepompen')).toMatch(/ · € 300,00$/);
    const none = await browser.get(`/mijn-cursussen/${created.body.id}?q=energietransitie`);
    const energy = parse(none.text).querySelector('#zoekresultaten li .site-muted')!;
    expect(energy.text).toMatch(/ · geen prijs opgegeven$/);
  });

  it('refuses drafts, duplicates, non-modules and NC modules in a paid course, with the field named', async () => {
    const draft = await t
      .http()
      .post('/api/v1/assets')
      .set(bearer(editorA))
      .send(moduleBody(ppsA))
      .expect(201);
    expect(
      (await create(llo, course([{ assetId: draft.body.id }])).expect(400)).body.errors[0],
    ).toEqual({
      field: 'items.0.assetId',
      message: `no published asset ${draft.body.id}`,
      code: 'noPublishedAsset',
      values: { id: draft.body.id },
    });
    expect(
      (await create(llo, course([{ assetId: basics.id }, { assetId: basics.id }])).expect(400)).body
        .errors,
    ).toEqual([
      { field: 'items.1.assetId', message: 'is already in the course', code: 'alreadyInCourse' },
    ]);
    expect(
      (await create(llo, course([{ assetId: nc.id }])).expect(400)).body.errors[0].message,
    ).toContain('non-commercial');
    await create(llo, course([{ assetId: nc.id }], { extrasCents: 0 })).expect(201);
    expect(
      (await create(llo, course([{ assetId: basics.id, version: 9 }])).expect(400)).body.errors[0]
        .field,
    ).toBe('items.0.version');
    expect(
      (await create(llo, course([], { audience: 'robots' })).expect(400)).body.errors[0].field,
    ).toBe('audience');
  });

  it('lets only the owning LLO office (and admin) see and edit a course', async () => {
    const created = await create(llo, course([{ assetId: basics.id }])).expect(201);
    await t.http().get(`/api/v1/courses/${created.body.id}`).set(bearer(otherLlo)).expect(403);
    await t
      .http()
      .patch(`/api/v1/courses/${created.body.id}`)
      .set(bearer(otherLlo))
      .set('If-Match', created.headers.etag)
      .send({ title: 'Overgenomen' })
      .expect(403);
    await create(editorA, course([{ assetId: basics.id }])).expect(403);
    await create(await t.user('teacher'), course([{ assetId: basics.id }])).expect(403);
    const list = await t.http().get('/api/v1/courses').set(bearer(otherLlo)).expect(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(created.body.id);
    const edited = await t
      .http()
      .patch(`/api/v1/courses/${created.body.id}`)
      .set(bearer(llo))
      .set('If-Match', created.headers.etag)
      .send({ status: 'offered' })
      .expect(200);
    expect(edited.body.status).toBe('offered');
    await t
      .http()
      .patch(`/api/v1/courses/${created.body.id}`)
      .set(bearer(llo))
      .set('If-Match', created.headers.etag)
      .send({ status: 'running' })
      .expect(412);
  });

  it('flags "update available" and "withdrawn", and updates in one call', async () => {
    const target = await publish(
      editorA,
      ppsA,
      { title: 'Koudemiddelen en F-gassen', levels: ['mbo-3'] },
      { audiences: ['worker'] },
    );
    const retiring = await publish(
      editorB,
      ppsB,
      { title: 'Oude cv-ketels vervangen', levels: ['mbo-3'] },
      { audiences: ['worker'] },
    );
    const successor = await publish(
      editorB,
      ppsB,
      { title: 'Hybride warmtepomp plaatsen', levels: ['mbo-3'] },
      { audiences: ['worker'] },
    );
    const created = await create(
      llo,
      course([{ assetId: target.id }, { assetId: retiring.id }]),
    ).expect(201);

    await t.publishNewVersion(
      editorA,
      target,
      { title: 'Koudemiddelen en F-gassen (2027)' },
      'Nieuwe regels',
    );
    await t
      .http()
      .post(`/api/v1/assets/${retiring.id}/archive`)
      .set(bearer(editorB))
      .set('If-Match', retiring.etag)
      .send({ successorId: successor.id })
      .expect(200);

    const flagged = await t
      .http()
      .get(`/api/v1/courses/${created.body.id}`)
      .set(bearer(llo))
      .expect(200);
    expect(flagged.body.items.map((item: { state: string }) => item.state)).toEqual([
      'update-available',
      'withdrawn',
    ]);
    expect(flagged.body.warnings.map((warning: { message: string }) => warning.message)).toEqual([
      'update available: version 2',
      'withdrawn: the asset was archived',
    ]);

    const updated = await t
      .http()
      .post(`/api/v1/courses/${created.body.id}/update-items`)
      .set(bearer(llo))
      .set('If-Match', flagged.headers.etag)
      .expect(200);
    expect(
      updated.body.items.map((item: { assetId: string; version: number; state: string }) => [
        item.assetId,
        item.version,
        item.state,
      ]),
    ).toEqual([
      [target.id, 2, 'current'],
      [successor.id, 1, 'current'],
    ]);
  });

  it('shares a course as a printable page with labels, licences and schema.org JSON-LD, as JSON and as CSV, and revokes the link', async () => {
    const created = await create(
      llo,
      course([{ assetId: basics.id }, { assetId: advanced.id }], {
        title: 'Warmtepompen <voor> werkenden',
      }),
    ).expect(201);
    const link = await t
      .http()
      .post(`/api/v1/courses/${created.body.id}/share`)
      .set(bearer(llo))
      .expect(201);
    expect(link.body.token.length).toBeGreaterThanOrEqual(40);

    expect(link.body.html).toBe(`/cursus/${link.body.token}`);
    const html = await t.http().get(link.body.html).expect(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.headers['cache-control']).toBe('no-store');
    expect(html.headers['x-robots-tag']).toBe('noindex');
    expect(html.text).toMatch(
      /<h1 class="utrecht-heading-1">\s*Warmtepompen &lt;voor> werkenden\s*<\/h1>/,
    );
    // Labels, not codes (the target group in an employer's words); every module's licence and
    // attribution; the extras' amount beside the total.
    expect(html.text).toContain('Werkenden die zich bij- of omscholen');
    expect(html.text).not.toContain('Werkenden (LLO)');
    expect(html.text).toMatch(/\(excl\. btw\), waarvan €\s150,00 voor intake en begeleiding/);
    expect(html.text).not.toMatch(/>\s*worker\s*</);
    expect(html.text).toContain('Licentie: CC BY-SA 4.0');
    const jsonLd = JSON.parse(
      /<script type="application\/ld\+json" nonce="[^"]+">(.*?)<\/script>/s.exec(html.text)![1],
    );
    expect(jsonLd).toMatchObject({
      '@type': 'Course',
      timeRequired: 'PT56H',
      offers: { price: '900.00', priceCurrency: 'EUR' },
    });
    expect(jsonLd.hasPart).toHaveLength(2);
    // Each part's PPS is asked only through a form someone reads: no link to a dead end.
    const asks = [...html.text.matchAll(/href="(\/bouwstenen\/[0-9a-f-]{36}\/aanvragen)"/g)];
    for (const [, path] of asks) {
      const form = await t.http().get(path).expect(200);
      expect(form.text).toMatch(/<form[^>]+method="post"/);
    }
    // Links made before the page moved still arrive there.
    await t
      .http()
      .get(`/api/v1/shared/courses/${link.body.token}`)
      .expect(302)
      .expect('Location', `/cursus/${link.body.token}`);

    const json = await t.http().get(link.body.json).expect(200);
    expect(json.body.totals.studyLoadHours).toBe(56);
    const csv = await t.http().get(link.body.csv).expect(200);
    expect(csv.text.split('\r\n')[0]).toBe(
      'position,title,pps,version,state,studyLoadHours,priceEuros,certification,deliveryModes,levels,license,location',
    );
    // A spreadsheet holds euros; the JSON keeps cents.
    expect(csv.text).toContain(`,${(json.body.items[0].priceCents / 100).toFixed(2)},`);

    await t.http().delete(`/api/v1/courses/${created.body.id}/share`).set(bearer(llo)).expect(204);
    await t
      .http()
      .get(link.body.json)
      .expect(404)
      .expect('Content-Type', /problem\+json/);
    // An employer's browser gets a page in Dutch instead of JSON.
    const page = await t.http().get(link.body.html).expect(404);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toContain('<html lang="nl"');
    expect(page.text).toContain('Deze link werkt niet meer');
    await t
      .http()
      .get(`${link.body.json}`)
      .set('Accept', 'text/html')
      .expect(404)
      .expect('Content-Type', /problem\+json/);
    await t.http().get('/api/v1/shared/courses/not-a-token?format=json').expect(404);
  });

  it('says on the shared page when a part has no price, and claims no price in JSON-LD then', async () => {
    const created = await create(
      llo,
      course([{ assetId: basics.id }, { assetId: ects.id }]),
    ).expect(201);
    const link = await t
      .http()
      .post(`/api/v1/courses/${created.body.id}/share`)
      .set(bearer(llo))
      .expect(201);
    const html = await t.http().get(link.body.html).expect(200);
    expect(html.text).toContain('geen prijs opgegeven');
    expect(html.text).toContain('1 onderdeel heeft geen prijs opgegeven en telt niet mee');
    const jsonLd = JSON.parse(
      /<script type="application\/ld\+json" nonce="[^"]+">(.*?)<\/script>/s.exec(html.text)![1],
    );
    expect(jsonLd.offers).toBeUndefined();
  });

  it('offers the LLO catalogue preset in search', async () => {
    await t.indexed();
    const catalogue = await t
      .http()
      .get('/api/v1/search?preset=llo&certifiable=true&studyLoadMax=50&pageSize=50')
      .expect(200);
    const ids = catalogue.body.hits.map((hit: { id: string }) => hit.id);
    expect(ids).toEqual(expect.arrayContaining([basics.id, advanced.id]));
    expect(ids).not.toContain(ects.id);
  });
});
