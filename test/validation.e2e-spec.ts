import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';
import { curriculumBody, infrastructureBody, moduleBody, practiceBody } from './harness/fixtures';

type Body = Record<string, unknown>;

/** Each rule must answer 400 problem+json naming the offending field. */
describe('validation (e2e)', () => {
  let t: TestApp;
  let editor: TestUser;
  let admin: TestUser;
  let ppsId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ppsId = await t.ppsId('Topcentrum E-Commerce');
    editor = await t.user('pps-editor', [ppsId]);
    admin = await t.user('admin');
  });
  afterAll(() => t.close());

  const withModule = (changes: Body) => (id: string) => {
    const body = moduleBody(id);
    return { ...body, module: { ...(body.module as Body), ...changes } };
  };

  const cases: [string, (ppsId: string) => Body, string][] = [
    ['title too short', (id) => moduleBody(id, { title: 'ab' }), 'title'],
    ['title too long', (id) => moduleBody(id, { title: 'x'.repeat(201) }), 'title'],
    ['unknown kind', (id) => moduleBody(id, { kind: 'video' }), 'kind'],
    ['ppsId not a uuid', () => moduleBody('pps-1'), 'ppsId'],
    ['unknown PPS', () => moduleBody('00000000-0000-4000-8000-000000000000'), 'ppsId'],
    ['unknown license', (id) => moduleBody(id, { license: 'GPL-3.0' }), 'license'],
    ['unknown education level', (id) => moduleBody(id, { levels: ['mbo-5'] }), 'levels.0'],
    ['unknown sector', (id) => moduleBody(id, { sectors: ['ruimtevaart'] }), 'sectors.0'],
    ['unknown theme', (id) => moduleBody(id, { themes: ['weather'] }), 'themes.0'],
    ['unknown language', (id) => moduleBody(id, { language: 'xx' }), 'language'],
    ['duplicate keywords', (id) => moduleBody(id, { keywords: ['a', 'a'] }), 'keywords'],
    [
      'too many keywords',
      (id) => moduleBody(id, { keywords: Array.from({ length: 31 }, (_, i) => `k${i}`) }),
      'keywords',
    ],
    [
      'link without protocol',
      (id) => moduleBody(id, { links: [{ title: 'x', url: 'www.x.nl', type: 'website' }] }),
      'links.0.url',
    ],
    [
      'contact with a bad email',
      (id) => moduleBody(id, { contacts: [{ role: 'Docent', email: 'nope' }] }),
      'contacts.0.email',
    ],
    [
      'contact at an unknown organisation',
      (id) =>
        moduleBody(id, {
          contacts: [{ role: 'Docent', organisationId: '00000000-0000-4000-8000-000000000000' }],
        }),
      'contacts.0.organisationId',
    ],
    ['unknown property', (id) => moduleBody(id, { colour: 'blue' }), 'colour'],
    [
      'details of another kind',
      (id) => moduleBody(id, { practice: { problem: 'abc', approach: 'def' } }),
      'practice',
    ],
    [
      'ESCO URI on another host',
      withModule({
        learningOutcomes: [{ text: 'Kan iets', escoUri: 'https://example.com/skill' }],
      }),
      'module.learningOutcomes.0.escoUri',
    ],
    [
      'negative study load',
      withModule({ studyLoad: { value: -1, unit: 'hour' } }),
      'module.studyLoad.value',
    ],
    [
      'unknown study load unit',
      withModule({ studyLoad: { value: 4, unit: 'days' } }),
      'module.studyLoad.unit',
    ],
    ['unknown module type', withModule({ moduleType: 'podcast' }), 'module.moduleType'],
    ['unknown audience', withModule({ audiences: ['robots'] }), 'module.audiences.0'],
    [
      'unknown delivery mode',
      withModule({ deliveryModes: ['teleport'] }),
      'module.deliveryModes.0',
    ],
    [
      'mbo-certificaat for non-formal learning',
      withModule({ learningMode: 'non-formal', certification: 'mbo-certificaat' }),
      'module.certification',
    ],
    [
      'negative price',
      withModule({ price: { amountCents: -5, currency: 'EUR' } }),
      'module.price.amountCents',
    ],
    ['bad elective code', withModule({ electiveCode: 'K12' }), 'module.electiveCode'],
    [
      'prerequisite that does not exist',
      withModule({ prerequisites: { moduleIds: ['00000000-0000-4000-8000-000000000000'] } }),
      'module.prerequisites.moduleIds.0',
    ],
    [
      'crebo code of 4 digits',
      (id) => curriculumBody(id, { curriculum: { creboCodes: ['2583'] } }),
      'curriculum.creboCodes',
    ],
    [
      'elective code without K',
      (id) =>
        curriculumBody(id, { curriculum: { creboCodes: ['25831'], electiveCodes: ['0080'] } }),
      'curriculum.electiveCodes',
    ],
    [
      'unknown learning path',
      (id) => curriculumBody(id, { curriculum: { creboCodes: ['25831'], learningPaths: ['bbx'] } }),
      'curriculum.learningPaths.0',
    ],
    [
      'latitude out of range',
      (id) =>
        infrastructureBody(id, {
          infrastructure: {
            model: 'central',
            natures: ['physical'],
            locations: [{ name: 'Hal', lat: 123, lng: 4 }],
          },
        }),
      'infrastructure.locations.0.lat',
    ],
    // A physical place without a location is a draft that may be saved: publish-gate asks for it.
    [
      'unknown infrastructure model',
      (id) => infrastructureBody(id, { infrastructure: { model: 'cloud', natures: ['digital'] } }),
      'infrastructure.model',
    ],
    [
      'bad postal code',
      (id) =>
        infrastructureBody(id, {
          infrastructure: {
            model: 'central',
            natures: ['physical'],
            locations: [
              { name: 'Hal', lat: 52, lng: 4, address: { city: 'Almere', postalCode: '12345' } },
            ],
          },
        }),
      'infrastructure.locations.0.address.postalCode',
    ],
    [
      'unknown configuration',
      (id) =>
        practiceBody(id, { practice: { problem: 'abc', approach: 'def', configurations: ['Z'] } }),
      'practice.configurations.0',
    ],
    [
      'period ending before it starts',
      (id) =>
        practiceBody(id, {
          practice: {
            problem: 'abc',
            approach: 'def',
            period: { start: '2022-01-01', end: '2021-01-01' },
          },
        }),
      'practice.period.end',
    ],
  ];

  it.each(cases)('rejects %s', async (_name, body, field) => {
    const response = await t
      .http()
      .post('/api/v1/assets')
      .set(bearer(editor))
      .send(body(ppsId))
      .expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.code).toBe('validation-failed');
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it('reports several problems at once', async () => {
    const response = await t
      .http()
      .post('/api/v1/assets')
      .set(bearer(editor))
      .send(moduleBody(ppsId, { levels: ['mbo-9'], license: 'MIT' }))
      .expect(400);
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'levels.0',
      'license',
    ]);
  });

  it('validates PPS taxonomy codes', async () => {
    const pps = await t.http().get(`/api/v1/pps/${ppsId}`).expect(200);
    const response = await t
      .http()
      .patch(`/api/v1/pps/${ppsId}`)
      .set(bearer(editor))
      .set('If-Match', pps.headers.etag)
      .send({ configurations: ['Q'], provinces: ['utrecht'], growthPhase: 9 })
      .expect(400);
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'growthPhase',
    ]);
    const codes = await t
      .http()
      .patch(`/api/v1/pps/${ppsId}`)
      .set(bearer(editor))
      .set('If-Match', pps.headers.etag)
      .send({ configurations: ['Q'], provinces: ['utrecht'] })
      .expect(400);
    expect(codes.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'configurations.0',
      'provinces.0',
    ]);
  });

  it('validates organisations', async () => {
    const response = await t
      .http()
      .post('/api/v1/organisations')
      .set(bearer(admin))
      .send({ name: 'Bedrijf X', type: 'alien', kvkNumber: '123' })
      .expect(400);
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'kvkNumber',
    ]);
    const type = await t
      .http()
      .post('/api/v1/organisations')
      .set(bearer(admin))
      .send({ name: 'Bedrijf X', type: 'alien' })
      .expect(400);
    expect(type.body.errors[0].field).toBe('type');
  });

  it('refuses an organisation that already exists under another spelling', async () => {
    const response = await t
      .http()
      .post('/api/v1/organisations')
      .set(bearer(admin))
      .send({ name: 'ROC Nova College', type: 'school' })
      .expect(409);
    expect(response.body.code).toBe('organisation-exists');
  });

  it('rejects malformed JSON with 400', async () => {
    const response = await t
      .http()
      .post('/api/v1/assets')
      .set(bearer(editor))
      .set('Content-Type', 'application/json')
      .send('{"title": ')
      .expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 400, code: 'malformed-json' });
    expect(response.body.detail).toMatch(/JSON/);
  });

  it('rejects an oversized body with 413', async () => {
    const response = await t
      .http()
      .post('/api/v1/assets')
      .set(bearer(editor))
      .send(moduleBody(ppsId, { description: 'x'.repeat(300_000) }))
      .expect(413);
    expect(response.body.code).toBe('payload-too-large');
  });

  it('rejects bad query parameters', async () => {
    const response = await t
      .http()
      .get('/api/v1/assets?kind=video&updatedSince=yesterday&pageNumber=0')
      .expect(400);
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'kind',
      'pageNumber',
      'updatedSince',
    ]);
  });

  it('rejects a malformed id with 400 and an unknown one with 404', async () => {
    await t.http().get('/api/v1/assets/123').expect(400);
    const missing = await t
      .http()
      .get('/api/v1/assets/00000000-0000-4000-8000-000000000000')
      .expect(404);
    expect(missing.body.code).toBe('asset-not-found');
    await t.http().get('/api/v1/pps/00000000-0000-4000-8000-000000000000').expect(404);
    await t.http().get('/api/v1/organisations/00000000-0000-4000-8000-000000000000').expect(404);
    await t.http().get('/api/v1/taxonomy/colours').expect(404);
  });
});
