import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';
import { moduleBody } from './harness/fixtures';

describe('optimistic concurrency (e2e)', () => {
  let t: TestApp;
  let editor: TestUser;
  let ppsId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ppsId = await t.ppsId('House of Logistics');
    editor = await t.user('pps-editor', [ppsId]);
  });
  afterAll(() => t.close());

  async function draft() {
    return (
      await t.http().post('/api/v1/assets').set(bearer(editor)).send(moduleBody(ppsId)).expect(201)
    ).body as { id: string; revision: number };
  }

  it('lets exactly one of two concurrent edits with the same ETag win', async () => {
    const asset = await draft();
    const responses = await Promise.all(
      ['Eerste gelijktijdige titel', 'Tweede gelijktijdige titel'].map((title) =>
        t
          .http()
          .patch(`/api/v1/assets/${asset.id}`)
          .set(bearer(editor))
          .set('If-Match', `"${asset.revision}"`)
          .send({ title }),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 412]);
    const loser = responses.find((response) => response.status === 412)!;
    expect(loser.body.code).toBe('stale-version');
    const winner = responses.find((response) => response.status === 200)!;
    const stored = await t.http().get(`/api/v1/assets/${asset.id}`).set(bearer(editor)).expect(200);
    expect(stored.body.title).toBe(winner.body.title);
  });

  it('lets exactly one of two concurrent publishes win', async () => {
    const asset = await draft();
    const responses = await Promise.all(
      [1, 2].map(() =>
        t
          .http()
          .post(`/api/v1/assets/${asset.id}/publish`)
          .set(bearer(editor))
          .set('If-Match', `"${asset.revision}"`)
          .send({}),
      ),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([200, 412]);
    const history = await t.http().get(`/api/v1/assets/${asset.id}/versions`).expect(200);
    expect(history.body.totalItems).toBe(1);
  });

  it('answers 412 with the current ETag for a stale write', async () => {
    const asset = await draft();
    const first = await t
      .http()
      .patch(`/api/v1/assets/${asset.id}`)
      .set(bearer(editor))
      .set('If-Match', `"${asset.revision}"`)
      .send({ title: 'Eerste wijziging' })
      .expect(200);
    const stale = await t
      .http()
      .patch(`/api/v1/assets/${asset.id}`)
      .set(bearer(editor))
      .set('If-Match', `"${asset.revision}"`)
      .send({ title: 'Tweede wijziging' })
      .expect(412);
    expect(stale.headers.etag).toBe(first.headers.etag);
  });

  it('requires If-Match on edits (428)', async () => {
    const asset = await draft();
    const response = await t
      .http()
      .patch(`/api/v1/assets/${asset.id}`)
      .set(bearer(editor))
      .send({ title: 'Zonder If-Match' })
      .expect(428);
    expect(response.body.code).toBe('precondition-required');
  });

  it('protects PPS profiles the same way', async () => {
    const pps = await t.http().get(`/api/v1/pps/${ppsId}`).expect(200);
    const responses = await Promise.all(
      ['Doel een', 'Doel twee'].map((purpose) =>
        t
          .http()
          .patch(`/api/v1/pps/${ppsId}`)
          .set(bearer(editor))
          .set('If-Match', pps.headers.etag)
          .send({ purpose }),
      ),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([200, 412]);
  });
});
