import { DataSource } from 'typeorm';
import { moduleBody } from './harness/fixtures';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

/** Requests racing each other: counts stay exact, limits hold, nothing is left half done. */
describe('races (e2e, ≥ 10 parallel requests each)', () => {
  let t: TestApp;
  let owner: TestUser;
  let llo: TestUser;
  let ownerPps: string;
  let moduleId: string;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true, env: { WEBHOOK_ALLOW_PRIVATE_HOSTS: '' } });
    await t.startWorker();
    ownerPps = await t.ppsId('Techport mbo');
    owner = await t.user('pps-editor', [ownerPps]);
    llo = await t.user('llo-office');
    moduleId = (await t.publish(owner, moduleBody(ownerPps))).id;
  });
  afterAll(() => t.close());

  const count = async (sql: string, params: unknown[]) =>
    Number((await t.app.get(DataSource).query(sql, params))[0].count);

  it('counts 10 adopters recording reuse at once exactly, in the API and in search', async () => {
    const pps = (await t.http().get('/api/v1/pps?pageSize=40').expect(200)).body.items
      .map((item: { id: string }) => item.id)
      .filter((id: string) => id !== ownerPps)
      .slice(0, 10);
    const adopters = await Promise.all(pps.map((id: string) => t.user('pps-editor', [id])));
    const statuses = await Promise.all(
      adopters.map((adopter, index) =>
        t
          .http()
          .post(`/api/v1/assets/${moduleId}/reuses`)
          .set(bearer(adopter))
          .send({ adopterPpsId: pps[index], mode: 'as-is', context: 'BBL techniek' })
          .then((response) => response.status),
      ),
    );
    expect(statuses).toEqual(Array(10).fill(201));
    expect((await t.http().get(`/api/v1/assets/${moduleId}`).expect(200)).body.reuseCount).toBe(10);
    await t.indexed();
    const hits = (await t.http().get(`/api/v1/search?ppsId=${ownerPps}`).expect(200)).body.hits;
    expect(hits.find((hit: { id: string }) => hit.id === moduleId).reuseCount).toBe(10);
  });

  it('holds the webhook limit (5) under 10 parallel registrations', async () => {
    const user = await t.user('teacher');
    const statuses = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        t
          .http()
          .post('/api/v1/me/webhooks')
          .set(bearer(user))
          .send({ url: `https://hooks${index}.example.nl/bouwsteen` })
          .then((response) => response.status),
      ),
    );
    expect(statuses.filter((status) => status === 201)).toHaveLength(5);
    expect(statuses.filter((status) => status === 409)).toHaveLength(5);
    expect(await count('SELECT count(*) FROM webhook WHERE user_id = $1', [user.id])).toBe(5);
  });

  it('holds the API-token limit (20) under 25 parallel requests', async () => {
    const user = await t.user('teacher');
    const statuses = await Promise.all(
      Array.from({ length: 25 }, (_, index) =>
        t
          .http()
          .post('/api/v1/me/tokens')
          .set(bearer(user))
          .send({ name: `Koppeling ${index}` })
          .then((response) => response.status),
      ),
    );
    expect(statuses.filter((status) => status === 201)).toHaveLength(20);
    expect(statuses.filter((status) => status === 409)).toHaveLength(5);
    expect(
      await count('SELECT count(*) FROM api_token WHERE user_id = $1 AND revoked_at IS NULL', [
        user.id,
      ]),
    ).toBe(20);
  });

  const course = (
    employer: Record<string, unknown>,
    items: unknown[] = [{ assetId: moduleId }],
  ) => ({
    title: 'Omscholing servicemonteur',
    employer,
    audience: 'worker',
    items,
  });

  it('registers one employer when 10 courses name the same new one at once', async () => {
    const name = `Installatiebedrijf Gelijktijdig ${Date.now()}`;
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.http().post('/api/v1/courses').set(bearer(llo)).send(course({ name })),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(201));
    expect(new Set(responses.map((response) => response.body.employer.id)).size).toBe(1);
    expect(await count('SELECT count(*) FROM organisation WHERE name = $1', [name])).toBe(1);
  });

  it('makes one share link when 10 share requests for a course arrive at once, and shows it to all 10', async () => {
    const created = await t
      .http()
      .post('/api/v1/courses')
      .set(bearer(llo))
      .send(course({ name: 'Gedeeld Installatiebedrijf BV' }))
      .expect(201);
    const share = () =>
      t.http().post(`/api/v1/courses/${created.body.id}/share`).set(bearer(llo)).send({});
    const responses = await Promise.all(Array.from({ length: 10 }, share));
    expect(responses.map((response) => response.status).sort()).toEqual([
      ...Array(9).fill(200),
      201,
    ]);
    const tokens = new Set(responses.map((response) => response.body.token));
    expect(tokens.size).toBe(1);
    const [token] = tokens;
    const shared = await t.http().get(`/api/v1/shared/courses/${token}?format=json`).expect(200);
    expect(shared.body.id).toBe(created.body.id);
    // Asked again later: the same link, which still works.
    const again = await share().expect(200);
    expect(again.body).toEqual(responses[0].body);
    // Revoked, the next request makes a new one and the old one no longer works.
    await t.http().delete(`/api/v1/courses/${created.body.id}/share`).set(bearer(llo)).expect(204);
    const renewed = await share().expect(201);
    expect(renewed.body.token).not.toBe(token);
    await t.http().get(`/api/v1/shared/courses/${token}?format=json`).expect(404);
    await t.http().get(`/api/v1/shared/courses/${renewed.body.token}?format=json`).expect(200);
  });

  it('replaces, once for 10 parallel requests, a link that cannot be shown again (made before links had a nonce)', async () => {
    const created = await t
      .http()
      .post('/api/v1/courses')
      .set(bearer(llo))
      .send(course({ name: 'Oud Gedeeld BV' }))
      .expect(201);
    await t.app
      .get(DataSource)
      .query(
        `UPDATE course SET share_token_hash = 'a-link-made-before', shared_at = now() WHERE id = $1`,
        [created.body.id],
      );
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.http().post(`/api/v1/courses/${created.body.id}/share`).set(bearer(llo)).send({}),
      ),
    );
    expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
    expect(new Set(responses.map((response) => response.body.token)).size).toBe(1);
    await t.http().get(`/api/v1/shared/courses/${responses[0].body.token}?format=json`).expect(200);
  });

  it('leaves no employer behind when a course or a course update is refused', async () => {
    const refused = `Nooit Geregistreerd ${Date.now()}`;
    const unknownItem = [{ assetId: '00000000-0000-4000-8000-000000000000' }];
    await t
      .http()
      .post('/api/v1/courses')
      .set(bearer(llo))
      .send(course({ name: refused }, unknownItem))
      .expect(400);
    const created = await t
      .http()
      .post('/api/v1/courses')
      .set(bearer(llo))
      .send(course({ name: 'Bestaande Klant BV' }))
      .expect(201);
    const statuses = await Promise.all(
      Array.from({ length: 10 }, () =>
        t
          .http()
          .patch(`/api/v1/courses/${created.body.id}`)
          .set(bearer(llo))
          .set('If-Match', `"${created.body.revision}"`)
          .send({ employer: { name: `${refused} (update)` }, items: unknownItem })
          .then((response) => response.status),
      ),
    );
    expect(statuses).toEqual(Array(10).fill(400));
    expect(
      await count(`SELECT count(*) FROM organisation WHERE name LIKE $1`, [`${refused}%`]),
    ).toBe(0);
  });
});
