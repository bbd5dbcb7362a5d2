import { expand } from 'jsonld';
import { curriculumWith, infrastructureBody, moduleBody, practiceBody } from './harness/fixtures';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

const SCHEMA = 'https://schema.org/';

/**
 * schema.org's own context cannot be fetched offline; this stand-in gives its vocabulary, which
 * is what expansion needs to put every term in the schema.org namespace.
 */
const documentLoader = async (url: string) => {
  if (!/^https?:\/\/schema\.org\/?$/.test(url)) throw new Error(`not fetched: ${url}`);
  return { contextUrl: null, documentUrl: url, document: { '@context': { '@vocab': SCHEMA } } };
};

type Expanded = Record<string, { '@id'?: string; '@value'?: unknown }[]> & { '@type': string[] };

/** GET /api/v1/assets/:id as JSON-LD, expanded by a JSON-LD processor. */
describe('schema.org JSON-LD for building blocks (e2e)', () => {
  let t: TestApp;
  let editor: TestUser;
  let other: TestUser;
  const ids: Record<string, string> = {};

  const described = async (id: string): Promise<Expanded> => {
    const response = await t
      .http()
      .get(`/api/v1/assets/${id}`)
      .set('Accept', 'application/ld+json')
      .expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/ld\+json/);
    const [node] = (await expand(response.body, { documentLoader })) as Expanded[];
    return node;
  };
  const values = (node: Expanded, property: string) =>
    (node[SCHEMA + property] ?? []).map((item) => item['@id'] ?? item['@value']);

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    const ppsId = await t.ppsId('House of Digital');
    const otherPps = await t.ppsId('Techport mbo');
    editor = await t.user('pps-editor', [ppsId]);
    other = await t.user('pps-editor', [otherPps]);
    ids.module = (await t.publish(editor, moduleBody(ppsId, { levels: ['mbo-3'] }))).id;
    ids.curriculum = (await t.publish(editor, curriculumWith(ppsId, [ids.module]))).id;
    ids.infrastructure = (await t.publish(editor, infrastructureBody(ppsId))).id;
    ids.practice = (await t.publish(editor, practiceBody(ppsId))).id;
    const derived = await t
      .http()
      .post(`/api/v1/assets/${ids.module}/derive`)
      .set(bearer(other))
      .send({ ppsId: otherPps })
      .expect(201);
    await t
      .http()
      .post(`/api/v1/assets/${derived.body.id}/publish`)
      .set(bearer(other))
      .set('If-Match', `"${derived.body.revision}"`)
      .send({})
      .expect(200);
    ids.derivative = derived.body.id;
    ids.reserved = (
      await t.publish(
        editor,
        moduleBody(ppsId, { license: 'all-rights-reserved', description: '' }),
      )
    ).id;
  });
  afterAll(() => t.close());

  it.each(['module', 'curriculum', 'infrastructure', 'practice'])(
    'describes a %s as a LearningResource with licence, language and publisher',
    async (kind) => {
      const node = await described(ids[kind]);
      expect(node['@type']).toContain(`${SCHEMA}LearningResource`);
      expect(node['@id']).toMatch(new RegExp(`/bouwstenen/${ids[kind]}$`));
      expect(values(node, 'name')[0]).toEqual(expect.any(String));
      expect(values(node, 'license')[0]).toMatch(/^https:\/\/creativecommons\.org\/licenses\//);
      expect(values(node, 'inLanguage')).toEqual(['nl']);
      expect(node[`${SCHEMA}publisher`]).toHaveLength(1);
    },
  );

  it('describes a module as a Course that teaches its outcomes, with level, time and audience', async () => {
    const node = await described(ids.module);
    expect(node['@type']).toEqual(
      expect.arrayContaining([`${SCHEMA}LearningResource`, `${SCHEMA}Course`]),
    );
    expect(values(node, 'educationalLevel')).toEqual([
      'http://purl.edustandaard.nl/begrippenkader/654931e1-6f8b-4f72-aa4b-92c99c72c347',
    ]);
    const level = node[`${SCHEMA}educationalLevel`][0] as unknown as Expanded;
    expect(level['@type']).toEqual([`${SCHEMA}DefinedTerm`]);
    expect(values(level, 'termCode')).toEqual(['654931e1-6f8b-4f72-aa4b-92c99c72c347']);
    expect(node[`${SCHEMA}teaches`]).toHaveLength(1);
    expect(values(node, 'timeRequired')[0]).toMatch(/^PT/);
    expect(node[`${SCHEMA}audience`].length).toBeGreaterThan(0);
    expect(node[`${SCHEMA}hasCourseInstance`].length).toBeGreaterThan(0);
  });

  it.each([
    ['module', 'Course'],
    ['curriculum', 'EducationalOccupationalProgram'],
    ['infrastructure', 'Place'],
    ['practice', 'CreativeWork'],
  ])('types a %s as a %s too', async (kind, type) => {
    expect((await described(ids[kind]))['@type']).toEqual([
      `${SCHEMA}LearningResource`,
      `${SCHEMA}${type}`,
    ]);
  });

  it('names a Creative Commons licence by its canonical URI, the Dutch deed as its url for people', async () => {
    const response = await t
      .http()
      .get(`/api/v1/assets/${ids.module}`)
      .set('Accept', 'application/ld+json')
      .expect(200);
    expect(response.body.license).toEqual({
      '@id': 'https://creativecommons.org/licenses/by-sa/4.0/',
      '@type': 'CreativeWork',
      name: 'CC-BY-SA-4.0',
      url: 'https://creativecommons.org/licenses/by-sa/4.0/deed.nl',
    });
  });

  it('states all rights reserved without a licence, and says nothing empty', async () => {
    const response = await t
      .http()
      .get(`/api/v1/assets/${ids.reserved}`)
      .set('Accept', 'application/ld+json')
      .expect(200);
    const body = response.body;
    expect(body).not.toHaveProperty('license');
    expect(body.copyrightNotice).toMatch(/Alle rechten voorbehouden/);
    expect(body.copyrightHolder).toMatchObject({ '@type': 'Organization' });
    expect(body.usageInfo).toMatch(new RegExp(`/bouwstenen/${ids.reserved}/aanvragen$`));
    // The empty description gives way to the summary, in JSON-LD and OOAPI alike.
    expect(body.description).toBe(body.abstract);
    const course = await t.http().get(`/ooapi/v5/courses/${ids.reserved}`).expect(200);
    expect(course.body.description[0].value).toBe(body.abstract);
    for (const text of [response.text, course.text]) {
      expect(text).not.toMatch(/:\s*(""|null|\[\]|\{\})/);
    }
    const node = await described(ids.reserved);
    expect(values(node, 'copyrightNotice')).toHaveLength(1);
  });

  it('keeps the representations apart for caches, and lets any origin read the public JSON-LD only', async () => {
    const url = `/api/v1/assets/${ids.module}`;
    const origin = 'https://elders.example';
    const ld = await t
      .http()
      .get(url)
      .set('Origin', origin)
      .set('Accept', 'application/ld+json')
      .expect(200);
    expect(ld.headers.vary).toMatch(/\bAccept\b/);
    expect(ld.headers['access-control-allow-origin']).toBe('*');
    const plain = await t.http().get(url).set('Origin', origin).expect(200);
    expect(plain.headers.vary).toMatch(/\bAccept\b/);
    expect(plain.headers['access-control-allow-origin']).toBeUndefined();
    // A signed-in reader's answer (it may hold a draft) is not opened to other origins.
    const signedIn = await t
      .http()
      .get(url)
      .set('Origin', origin)
      .set('Accept', 'application/ld+json')
      .set(bearer(editor))
      .expect(200);
    expect(signedIn.headers['access-control-allow-origin']).toBeUndefined();
    const list = await t.http().get('/api/v1/assets').set('Origin', origin).expect(200);
    expect(list.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await t
      .http()
      .options(url)
      .set('Origin', origin)
      .set('Access-Control-Request-Method', 'GET');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets any origin read the feeds with GET and HEAD, preflight included, and nothing more', async () => {
    const origin = 'https://elders.example';
    for (const path of ['/oai?verb=Identify', '/ooapi/v5/courses', '/ooapi/v5/nope']) {
      const response = await t.http().get(path).set('Origin', origin);
      expect([path, response.headers['access-control-allow-origin']]).toEqual([path, '*']);
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
      const head = await t.http().head(path).set('Origin', origin);
      expect(head.headers['access-control-allow-origin']).toBe('*');
      const preflight = await t
        .http()
        .options(path)
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'GET')
        .expect(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('*');
      expect(preflight.headers['access-control-allow-methods']).toBe('GET, HEAD');
    }
    const post = await t
      .http()
      .post('/oai')
      .type('form')
      .set('Origin', origin)
      .send({ verb: 'Identify' })
      .expect(200);
    expect(post.headers['access-control-allow-origin']).toBeUndefined();
    // Not the pages, nor sign-in.
    for (const path of ['/', '/inloggen'])
      expect(
        (await t.http().get(path).set('Origin', origin)).headers['access-control-allow-origin'],
      ).toBeUndefined();
  });

  it('links a derivative to what it is based on', async () => {
    const node = await described(ids.derivative);
    expect(values(node, 'isBasedOn')[0]).toMatch(new RegExp(`/bouwstenen/${ids.module}$`));
    const source = node[`${SCHEMA}isBasedOn`][0] as unknown as Expanded;
    expect(source['@type']).toEqual([`${SCHEMA}LearningResource`, `${SCHEMA}Course`]);
    expect(values(source, 'name')).toHaveLength(1);
  });

  it('answers plain JSON unless JSON-LD is preferred, and embeds the same in the page', async () => {
    const plain = await t
      .http()
      .get(`/api/v1/assets/${ids.module}`)
      .set('Accept', 'application/json, application/ld+json;q=0.5')
      .expect(200);
    expect(plain.headers['content-type']).toMatch(/^application\/json/);
    expect(plain.body.id).toBe(ids.module);
    const page = await t.http().get(`/bouwstenen/${ids.module}`).expect(200);
    expect(page.text).toContain('begrippenkader/654931e1-6f8b-4f72-aa4b-92c99c72c347');
  });
});
