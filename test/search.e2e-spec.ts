import { MeiliSearch } from 'meilisearch';
import { ReindexService, SearchIndex } from '@bouwsteen/search';
import { infrastructureBody, moduleBody, unique } from './harness/fixtures';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

describe('search (e2e, real Meilisearch)', () => {
  let t: TestApp;
  let editor: TestUser;
  let ppsId: string;
  let marker: string;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    await t.startWorker();
    ppsId = await t.ppsId('Fieldlab Robotica NH');
    editor = await t.user('pps-editor', [ppsId]);
    marker = `zx${Date.now().toString(36)}`;
  });
  afterAll(() => t.close());

  async function publish(body: Record<string, unknown>) {
    const created = await t
      .http()
      .post('/api/v1/assets')
      .set(bearer(editor))
      .send(body)
      .expect(201);
    const published = await t
      .http()
      .post(`/api/v1/assets/${created.body.id}/publish`)
      .set(bearer(editor))
      .set('If-Match', `"${created.body.revision}"`)
      .send({})
      .expect(200);
    return { id: created.body.id as string, etag: published.headers.etag as string };
  }

  const search = (query: string) => t.http().get(`/api/v1/search?${query}`).expect(200);
  const ids = (response: { body: { hits: { id: string }[] } }) =>
    response.body.hits.map((hit) => hit.id);

  it('indexes a published asset and never a draft', async () => {
    const draft = await t
      .http()
      .post('/api/v1/assets')
      .set(bearer(editor))
      .send(moduleBody(ppsId, { keywords: [`${marker}draft`] }))
      .expect(201);
    const live = await publish(moduleBody(ppsId, { keywords: [`${marker}live`] }));
    await t.indexed();
    expect(ids(await search(`q=${marker}live`))).toEqual([live.id]);
    expect(ids(await search(`q=${marker}draft`))).not.toContain(draft.body.id);
  });

  it('replaces the document when a new version is published and removes it when archived', async () => {
    const asset = await publish(moduleBody(ppsId, { title: `Pneumatiek ${marker}oud` }));
    const edited = await t
      .http()
      .patch(`/api/v1/assets/${asset.id}`)
      .set(bearer(editor))
      .set('If-Match', asset.etag)
      .send({ title: `Pneumatiek ${marker}nieuw` })
      .expect(200);
    await t.indexed();
    expect(ids(await search(`q=${marker}nieuw`))).toEqual([]);
    const v2 = await t
      .http()
      .post(`/api/v1/assets/${asset.id}/publish`)
      .set(bearer(editor))
      .set('If-Match', edited.headers.etag)
      .send({ changeNote: 'Nieuwe titel' })
      .expect(200);
    await t.indexed();
    expect(ids(await search(`q=${marker}nieuw`))).toEqual([asset.id]);
    expect(ids(await search(`q=${marker}oud`))).toEqual([]);
    const hit = (await search(`q=${marker}nieuw`)).body.hits[0];
    expect(hit.version).toBe(2);

    await t
      .http()
      .post(`/api/v1/assets/${asset.id}/archive`)
      .set(bearer(editor))
      .set('If-Match', v2.headers.etag)
      .send({})
      .expect(200);
    await t.indexed();
    expect(ids(await search(`q=${marker}nieuw`))).toEqual([]);
  });

  it('follows a PPS rename into its documents', async () => {
    const asset = await publish(moduleBody(ppsId, { keywords: [`${marker}rename`] }));
    const admin = await t.user('admin');
    const pps = await t.http().get(`/api/v1/pps/${ppsId}`).expect(200);
    await t
      .http()
      .patch(`/api/v1/pps/${ppsId}`)
      .set(bearer(admin))
      .set('If-Match', pps.headers.etag)
      .send({ name: `Fieldlab Robotica ${marker}` })
      .expect(200);
    await t.indexed();
    const hit = (await search(`q=${marker}rename`)).body.hits.find(
      (h: { id: string }) => h.id === asset.id,
    );
    expect(hit.pps.name).toBe(`Fieldlab Robotica ${marker}`);
  });

  it('tolerates typos and applies the Dutch synonyms', async () => {
    const asset = await publish(
      moduleBody(ppsId, {
        title: `Hydrauliek ${marker} voor leven lang ontwikkelen`,
        // Publishing needs a keyword; this one shares nothing with the searches below.
        keywords: ['praktijkgericht'],
      }),
    );
    await t.indexed();
    expect(ids(await search(`q=${marker} hydrualiek`))).toContain(asset.id);
    expect(ids(await search(`q=${marker} llo`))).toContain(asset.id);
  });

  it('filters, counts facets and sorts', async () => {
    const a = await publish(
      moduleBody(ppsId, {
        keywords: [`${marker}facet`],
        levels: ['mbo-2'],
        module: { ...(moduleBody(ppsId).module as object), studyLoad: { value: 10, unit: 'hour' } },
      }),
    );
    const b = await publish(moduleBody(ppsId, { keywords: [`${marker}facet`], levels: ['mbo-4'] }));
    await t.indexed();
    const all = await search(`q=${marker}facet&facets=level,kind,province`);
    expect(all.body.facets.level).toEqual({ 'mbo-2': 1, 'mbo-4': 1 });
    expect(all.body.facets.kind).toEqual({ module: 2 });
    expect(all.body.facets.province).toEqual({ 'noord-holland': 2 });
    expect(ids(await search(`q=${marker}facet&level=mbo-2`))).toEqual([a.id]);
    expect(ids(await search(`q=${marker}facet&studyLoadMax=20`))).toEqual([a.id]);
    expect(ids(await search(`q=${marker}facet&sort=-studyLoad`))).toEqual([b.id, a.id]);
    expect(ids(await search(`q=${marker}facet&kind=curriculum`))).toEqual([]);
  });

  it('finds places within a radius, nearest first', async () => {
    const near = await publish(
      infrastructureBody(ppsId, {
        keywords: [`${marker}geo`],
        infrastructure: {
          model: 'central',
          natures: ['physical'],
          locations: [{ name: 'Dichtbij', lat: 52.371, lng: 4.9 }],
        },
      }),
    );
    const nearer = await publish(
      infrastructureBody(ppsId, {
        keywords: [`${marker}geo`],
        infrastructure: {
          model: 'central',
          natures: ['physical'],
          locations: [{ name: 'Dichterbij', lat: 52.3701, lng: 4.8901 }],
        },
      }),
    );
    const far = await publish(
      infrastructureBody(ppsId, {
        keywords: [`${marker}geo`],
        infrastructure: {
          model: 'central',
          natures: ['physical'],
          locations: [{ name: 'Ver weg', lat: 52.52, lng: 5.72 }],
        },
      }),
    );
    await t.indexed();
    const result = await search(`q=${marker}geo&lat=52.37&lng=4.89&radiusKm=5&sort=distance`);
    expect(ids(result)).toEqual([nearer.id, near.id]);
    expect(result.body.hits[0].distanceMeters).toBeLessThan(result.body.hits[1].distanceMeters);
    expect(ids(result)).not.toContain(far.id);
  });

  it('returns highlighted, HTML-escaped snippets and no full documents', async () => {
    await publish(
      moduleBody(ppsId, { title: `<b>Lassen</b> ${marker}html`, keywords: ['praktijkgericht'] }),
    );
    await t.indexed();
    const hit = (await search(`q=${marker}html`)).body.hits[0];
    expect(hit.highlights.title).toBe(`&lt;b&gt;Lassen&lt;/b&gt; <mark>${marker}html</mark>`);
    expect(hit.description).toBeUndefined();
    expect(hit.body).toBeUndefined();
  });

  it.each([
    ['province=noord-holland" OR kind EXISTS OR province="x', 'province.0'],
    ['ppsId=1 OR 1=1', 'ppsId'],
    ['kind=module) OR (kind = curriculum', 'kind'],
    ['certifiable=yes', 'certifiable'],
    ['studyLoadMin=1e999', 'studyLoadMin'],
    ['lat=52&radiusKm=5', 'lng'],
    ['sort=distance', 'sort'],
    ['pageSize=51', 'pageSize'],
    ['facets=description', 'facets'],
    ['colour=red', 'colour'],
  ])('refuses %s with 400 naming %s (no filter injection)', async (query, field) => {
    const response = await t
      .http()
      .get(`/api/v1/search?${encodeURI(query)}`)
      .expect(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it('treats filter syntax in the text query as plain words', async () => {
    const response = await search(`q=${encodeURIComponent('" OR kind = "module')}`);
    expect(response.body.totalHits).toBeGreaterThanOrEqual(0);
  });

  it('rebuilds the index and swaps it in without losing documents', async () => {
    const before = (await search('q=&pageSize=1')).body.totalHits;
    const rebuilt = await t.worker().get(ReindexService).rebuild();
    expect(rebuilt.documents).toBe(before);
    expect((await search('q=&pageSize=1')).body.totalHits).toBe(before);
  });

  it('detects and repairs drift between PostgreSQL and the index', async () => {
    const asset = await publish(moduleBody(ppsId, { keywords: [`${marker}drift`] }));
    await t.indexed();
    const index = t.worker().get(SearchIndex);
    const client = new MeiliSearch({
      host: process.env.MEILI_URL!,
      apiKey: process.env.MEILI_MASTER_KEY,
    });
    await client.index(index.name).deleteDocuments([asset.id]).waitTask();
    await client
      .index(index.name)
      .addDocuments([{ id: '00000000-0000-4000-8000-00000000dead', title: 'Spook', version: 1 }])
      .waitTask();
    const report = await t.worker().get(ReindexService).drift(true);
    expect(report.missing).toEqual([asset.id]);
    expect(report.extra).toEqual(['00000000-0000-4000-8000-00000000dead']);
    expect(ids(await search(`q=${marker}drift`))).toEqual([asset.id]);
    const after = await t.worker().get(ReindexService).drift(false);
    expect(after.missing.length + after.extra.length + after.stale.length).toBe(0);
  });

  it('reports the outbox in readiness and metrics', async () => {
    const admin = await t.user('admin');
    const ready = await t.http().get('/health/ready').set(bearer(admin)).expect(200);
    expect(ready.body.checks.searchOutbox).toMatchObject({
      pending: expect.any(Number),
      failing: 0,
      status: 'up',
    });
    const metrics = await t.http().get('/metrics').expect(200);
    expect(metrics.text).toMatch(/^bouwsteen_search_outbox_pending \d+$/m);
    expect(metrics.text).toMatch(/^bouwsteen_meilisearch_up 1$/m);
  });

  it('pages with capped limits', async () => {
    const page = await search('q=&pageSize=2&pageNumber=1');
    expect(page.body.hits.length).toBeLessThanOrEqual(2);
    expect(page.body.pageSize).toBe(2);
  });

  it('finds nothing for words that are nowhere', async () => {
    expect((await search(`q=${unique('qqq').replace(' ', '')}`)).body.totalHits).toBe(0);
  });
});
