import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MeiliSearch } from 'meilisearch';
import { ReindexService, SearchIndex } from '@bouwsteen/search';
import { moduleBody } from './harness/fixtures';
import { expectPage } from './harness/html';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

interface Text {
  title: string;
  summary: string;
  outcomes: string[];
  keywords: string[];
  levels: string[];
}
interface Topic {
  a: Text;
  duplicate: Text;
  nearMiss: Text;
}

const { topics } = JSON.parse(
  readFileSync(join(__dirname, 'fixtures', 'similarity-nl.json'), 'utf8'),
) as { topics: Topic[] };

/**
 * "This already exists", measured: 15 modules each have a rewrite by another PPS (should be found)
 * and a module from the same field with other content (should not). Precision and recall at top 3.
 */
describe('similar assets (e2e, labelled Dutch set)', () => {
  let t: TestApp;
  let writer: TestUser;
  let other: TestUser;
  let writerPps: string;
  let otherPps: string;
  const duplicateIds: string[] = [];

  const body = (ppsId: string, text: Text) => {
    const base = moduleBody(ppsId);
    return {
      ...base,
      title: text.title,
      summary: text.summary,
      keywords: text.keywords,
      levels: text.levels,
      module: {
        ...(base.module as object),
        learningOutcomes: text.outcomes.map((outcome) => ({ text: outcome })),
      },
    };
  };

  const publish = async (user: TestUser, ppsId: string, text: Text) =>
    (await t.publish(user, body(ppsId, text))).id;

  /** POST /api/v1/similar with a record's texts (and what else the test adds); the answer's body. */
  const askAbout = async (text: (typeof topics)[number]['a'], extra: Record<string, unknown>) =>
    (
      await t
        .http()
        .post('/api/v1/similar')
        .send({
          title: text.title,
          summary: text.summary,
          learningOutcomes: text.outcomes,
          keywords: text.keywords,
          ...extra,
        })
        .expect(200)
    ).body;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    await t.startWorker();
    otherPps = await t.ppsId('House of Digital');
    writerPps = await t.ppsId('NexTechnician');
    other = await t.user('pps-editor', [otherPps]);
    writer = await t.user('pps-editor', [writerPps]);
    for (const topic of topics) {
      duplicateIds.push(await publish(other, otherPps, topic.duplicate));
      await publish(other, otherPps, topic.nearMiss);
    }
    await t.indexed();
  }, 120_000);
  afterAll(() => t.close());

  it('finds the rewrite and not the near miss: precision and recall at top 3 of at least 0.8', async () => {
    let retrieved = 0;
    let relevant = 0;
    const misses: string[] = [];
    for (const [index, topic] of topics.entries()) {
      const response = await t
        .http()
        .post('/api/v1/similar')
        .send({
          title: topic.a.title,
          summary: topic.a.summary,
          learningOutcomes: topic.a.outcomes,
          keywords: topic.a.keywords,
          levels: topic.a.levels,
          kind: 'module',
        })
        .expect(200);
      const top3 = (response.body as { id: string; title: string }[]).slice(0, 3);
      retrieved += top3.length;
      if (top3.some((hit) => hit.id === duplicateIds[index])) relevant++;
      else misses.push(topic.a.title);
    }
    const precision = retrieved === 0 ? 0 : relevant / retrieved;
    const recall = relevant / topics.length;
    console.log(
      `similarity: precision@3 ${precision.toFixed(2)}, recall@3 ${recall.toFixed(2)} (${relevant}/${topics.length}, ${retrieved} retrieved); missed: ${misses.join('; ') || 'none'}`,
    );
    expect(topics).toHaveLength(15);
    expect(precision).toBeGreaterThanOrEqual(0.8);
    expect(recall).toBeGreaterThanOrEqual(0.8);
  });

  it('finds most rewrites from the title and summary alone (a set the scoring was not tuned on)', async () => {
    let retrieved = 0;
    let relevant = 0;
    for (const [index, topic] of topics.entries()) {
      const response = await t
        .http()
        .post('/api/v1/similar')
        .send({ title: topic.a.title, summary: topic.a.summary, kind: 'module' })
        .expect(200);
      const top3 = (response.body as { id: string }[]).slice(0, 3);
      retrieved += top3.length;
      if (top3.some((hit) => hit.id === duplicateIds[index])) relevant++;
    }
    const precision = retrieved === 0 ? 0 : relevant / retrieved;
    const recall = relevant / topics.length;
    console.log(
      `similarity, title + summary only: precision@3 ${precision.toFixed(2)}, recall@3 ${recall.toFixed(2)} (${relevant}/${topics.length}, ${retrieved} retrieved)`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.8);
    expect(recall).toBeGreaterThanOrEqual(0.8);
  });

  it('answers a new draft with the likely equivalents from other PPS, with score and reasons', async () => {
    const created = await t
      .http()
      .post('/api/v1/assets')
      .set(bearer(writer))
      .send(body(writerPps, topics[1].a))
      .expect(201);
    expect(created.body.similar[0]).toMatchObject({ id: duplicateIds[1], pps: { id: otherPps } });
    expect(created.body.similar[0].score).toBeGreaterThan(0.3);
    expect(
      created.body.similar[0].reasons.map((reason: { type: string }) => reason.type),
    ).toContain('learning-outcomes');
    const edited = await t
      .http()
      .patch(`/api/v1/assets/${created.body.id}`)
      .set(bearer(writer))
      .set('If-Match', created.headers.etag)
      .send({ keywords: ['warmtepomp'] })
      .expect(200);
    expect(edited.body.similar.map((hit: { id: string }) => hit.id)).toContain(duplicateIds[1]);
  });

  it('never offers a PPS its own assets', async () => {
    const created = await t
      .http()
      .post('/api/v1/assets')
      .set(bearer(other))
      .send(body(otherPps, topics[2].a))
      .expect(201);
    expect(created.body.similar).toEqual([]);
  });

  it('serves GET /assets/:id/similar for any visible asset', async () => {
    const similar = await t.http().get(`/api/v1/assets/${duplicateIds[3]}/similar`).expect(200);
    expect(similar.body.every((hit: { pps: { id: string } }) => hit.pps.id !== otherPps)).toBe(
      true,
    );
  });

  it('validates the text it is given', async () => {
    const response = await t
      .http()
      .post('/api/v1/similar')
      .send({ title: 'x', creboCodes: ['123'], excludePpsId: 'not-a-uuid' })
      .expect(400);
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'creboCodes',
      'excludePpsId',
      'title',
    ]);
  });

  it('leaves out the blocks of the PPS given as excludePpsId', async () => {
    const ask = async (excludePpsId?: string) =>
      (await askAbout(topics[5].a, { excludePpsId })) as { pps: { id: string } }[];
    expect((await ask()).map((hit) => hit.pps.id)).toContain(otherPps);
    expect(await ask(otherPps)).toEqual([]);
  });

  it('answers the same from documents indexed before profiles were stored, and from a rebuilt index', async () => {
    const ask = () => askAbout(topics[0].a, { levels: topics[0].a.levels });
    const withProfiles = await ask();
    expect(withProfiles.length).toBeGreaterThan(0);
    // The index as an older release wrote it: the same documents without similarityProfile.
    const index = t.worker().get(SearchIndex);
    const client = new MeiliSearch({
      host: process.env.MEILI_URL!,
      apiKey: process.env.MEILI_MASTER_KEY,
    });
    const { results } = await client
      .index<Record<string, unknown>>(index.name)
      .getDocuments({ limit: 1000 });
    expect(results.every((document) => document.similarityProfile)).toBe(true);
    // Profiles an older analysis made (here: emptied) are not trusted: the texts are analysed.
    const stale = results.map((document) => ({
      ...document,
      similarityProfile: { version: 1, terms: [], all: [], title: [], outcomes: [], keywords: [] },
    }));
    await client.index(index.name).addDocuments(stale).waitTask();
    expect(await ask()).toEqual(withProfiles);
    // (Its hash was of a document without the field, so it differs from today's.)
    const older = results.map(({ similarityProfile: _dropped, ...document }) => ({
      ...document,
      contentHash: 'before-profiles',
    }));
    await client.index(index.name).addDocuments(older).waitTask();
    expect(await ask()).toEqual(withProfiles);
    // The drift check sees every such document as stale, and its repair stores the profiles.
    const drift = await t.worker().get(ReindexService).drift(true);
    expect(drift.stale.length).toBe(results.length);
    expect(await ask()).toEqual(withProfiles);
  });

  it("lists like blocks of other PPS on a block's page, and not one that was archived since", async () => {
    // Last: these blocks would be candidates for the checks above.
    const topic = topics[1];
    const own = await t.publish(writer, body(writerPps, topic.a));
    const twin = await t.publish(other, body(otherPps, topic.duplicate));
    await t.indexed();
    const panel = async () =>
      expectPage(await t.http().get(`/bouwstenen/${own.id}`).expect(200))
        .querySelectorAll('section[aria-labelledby="vergelijkbaar-titel"] a')
        .map((link) => link.getAttribute('href'));
    expect(await panel()).toContain(`/bouwstenen/${twin.id}`);
    await t
      .http()
      .post(`/api/v1/assets/${twin.id}/archive`)
      .set(bearer(other))
      .set('If-Match', twin.etag)
      .send({})
      .expect(200);
    await t.indexed();
    const after = await panel();
    expect(after).not.toContain(`/bouwstenen/${twin.id}`);
    // The first rewrite, published before, is still there.
    expect(after).toContain(`/bouwstenen/${duplicateIds[1]}`);
  });

  it('lists the same block published by another PPS under the finding, on the API and the page', async () => {
    // Last too: a third PPS publishes topic 4's rewrite as it is.
    const topic = topics[4];
    const thirdPps = await t.ppsId('GreenTechNHN');
    const third = await t.user('pps-editor', [thirdPps]);
    const copy = (await t.publish(third, body(thirdPps, topic.duplicate))).id;
    const own = await t.publish(writer, body(writerPps, topic.a));
    await t.indexed();
    const similar = (await t.http().get(`/api/v1/assets/${own.id}/similar`).expect(200)).body as {
      id: string;
      alsoPublishedBy: { id: string; pps: { id: string; name: string } }[];
    }[];
    const pair = [duplicateIds[4], copy];
    const found = similar.find((finding) => pair.includes(finding.id))!;
    expect(found.alsoPublishedBy).toEqual([
      expect.objectContaining({ id: pair.find((id) => id !== found.id) }),
    ]);
    // Neither hides the other, and the pair is one finding.
    expect(similar.filter((finding) => pair.includes(finding.id))).toHaveLength(1);
    const section = expectPage(
      await t.http().get(`/bouwstenen/${own.id}`).expect(200),
    ).querySelector('section[aria-labelledby="vergelijkbaar-titel"]')!;
    expect(section.textContent).toContain(
      `Ook gepubliceerd door ${found.alsoPublishedBy[0].pps.name}`,
    );
    const links = section.querySelectorAll('a').map((link) => link.getAttribute('href'));
    expect(links).toEqual(expect.arrayContaining(pair.map((id) => `/bouwstenen/${id}`)));
  });
});
