import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SavedSearchAlerts } from '@bouwsteen/lists';
import { moduleBody } from './harness/fixtures';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

/** Saved searches through the API, and the worker's alert run that tells of new matches. */
describe('saved searches and their alerts (e2e)', () => {
  let t: TestApp;
  let anna: TestUser;
  let bram: TestUser;
  let editor: TestUser;
  let ppsId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.startWorker();
    ppsId = await t.ppsId('GreenTechNHN');
    editor = await t.user('pps-editor', [ppsId]);
    anna = await t.user('teacher');
    bram = await t.user('teacher');
  });
  afterAll(() => t.close());

  const api = () => t.http();
  const save = (user: TestUser, body: Record<string, unknown>) =>
    api().post('/api/v1/me/saved-searches').set(bearer(user)).send(body);
  const alertsRun = () => t.worker().get(SavedSearchAlerts).runOnce();
  const savedSearchNotes = async (user: TestUser) =>
    (
      await api().get('/api/v1/me/notifications?pageSize=100').set(bearer(user)).expect(200)
    ).body.items.filter((n: { type: string }) => n.type === 'saved-search');
  /** A word no other block has, so only the blocks given it match. */
  const word = () => `zwerk${randomBytes(4).toString('hex').replace(/\d/g, 'q')}`;

  it('saves, lists, renames, switches alerts and deletes, with ETags; others get 404', async () => {
    const made = await save(anna, {
      name: 'Cobots niveau 2',
      query: '?level=mbo-2&q=cobots&pageNumber=3&kind=module&kind=practice',
    }).expect(201);
    expect(made.body).toMatchObject({
      name: 'Cobots niveau 2',
      query: 'kind=module%2Cpractice&level=mbo-2&q=cobots',
      alerts: false,
      revision: 1,
    });
    expect(made.headers.etag).toBe('"1"');
    const id = made.body.id as string;
    const list = await api().get('/api/v1/me/saved-searches').set(bearer(anna)).expect(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).toContain(id);
    await api().get(`/api/v1/me/saved-searches/${id}`).set(bearer(bram)).expect(404);
    await api()
      .patch(`/api/v1/me/saved-searches/${id}`)
      .set(bearer(bram))
      .set('If-Match', '"1"')
      .send({ alerts: true })
      .expect(404);
    const renamed = await api()
      .patch(`/api/v1/me/saved-searches/${id}`)
      .set(bearer(anna))
      .set('If-Match', '"1"')
      .send({ name: 'Cobots', alerts: true })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: 'Cobots', alerts: true, revision: 2 });
    await api()
      .patch(`/api/v1/me/saved-searches/${id}`)
      .set(bearer(anna))
      .set('If-Match', '"2"')
      .send({ query: 'level=niveau-99' })
      .expect(400);
    const changed = await api()
      .patch(`/api/v1/me/saved-searches/${id}`)
      .set(bearer(anna))
      .set('If-Match', '"2"')
      .send({ query: 'q=lassen&level=mbo-3', name: null })
      .expect(400);
    expect(changed.body.errors[0].field).toBe('name');
    const requery = await api()
      .patch(`/api/v1/me/saved-searches/${id}`)
      .set(bearer(anna))
      .set('If-Match', '"2"')
      .send({ query: 'q=lassen&level=mbo-3' })
      .expect(200);
    expect(requery.body).toMatchObject({ query: 'level=mbo-3&q=lassen', revision: 3 });
    await api()
      .delete(`/api/v1/me/saved-searches/${id}`)
      .set(bearer(anna))
      .set('If-Match', '"2"')
      .expect(412);
    await api()
      .delete(`/api/v1/me/saved-searches/${id}`)
      .set(bearer(anna))
      .set('If-Match', '"3"')
      .expect(204);
    await api().get(`/api/v1/me/saved-searches/${id}`).set(bearer(anna)).expect(404);
  });

  it('refuses a search GET /search would refuse, naming the field under query', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'x', query: 'level=niveau-99' }, 'query.level.0'],
      [{ name: 'x', query: 'studyLoadMin=veel' }, 'query.studyLoadMin'],
      [{ name: 'x', query: 'colour=red' }, 'query.colour'],
      [{ name: '', query: 'q=a' }, 'name'],
      [{ name: 'x', query: 'q='.padEnd(2001, 'a') }, 'query'],
      [{ name: 'x\u0001', query: 'q=a' }, 'name'],
      // A NUL or bytes that are no UTF-8, which /zoeken refuses too (the attack saved both).
      [{ name: 'x', query: 'q=%00' }, 'query.q'],
      [{ name: 'x', query: 'q=%ff' }, 'query.q'],
    ];
    for (const [body, field] of cases) {
      const response = await save(anna, body).expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('tells of a new matching block once, in one notification per search, and of no other block', async () => {
    const needle = word();
    const carla = await t.user('teacher');
    const saved = await save(carla, {
      name: 'Mijn naald',
      query: `q=${needle}`,
      alerts: true,
    }).expect(201);
    const quiet = await save(carla, { name: 'Zonder meldingen', query: `q=${needle}` }).expect(201);
    await alertsRun();
    expect(await savedSearchNotes(carla)).toEqual([]);

    const match = await t.publish(
      editor,
      moduleBody(ppsId, { title: `Robotarm programmeren ${needle}` }),
    );
    const other = await t.publish(editor, moduleBody(ppsId, { title: 'Lassen voor beginners' }));
    await t.indexed();
    await alertsRun();
    const notes = await savedSearchNotes(carla);
    expect(notes).toEqual([
      expect.objectContaining({
        type: 'saved-search',
        assetId: null,
        assetIds: [match.id],
        message: '1 nieuwe bouwsteen voor uw zoekopdracht "Mijn naald"',
        link: `/mijn-zoekopdrachten/${saved.body.id}/openen`,
      }),
    ]);
    expect(notes[0].assetIds).not.toContain(other.id);
    expect(quiet.body.alerts).toBe(false);

    // Again: nothing new, nothing told twice.
    await alertsRun();
    expect(await savedSearchNotes(carla)).toHaveLength(1);

    // A new block that does not match tells nothing.
    await t.publish(editor, moduleBody(ppsId, { title: 'Nog een lasmodule' }));
    await t.indexed();
    await alertsRun();
    expect(await savedSearchNotes(carla)).toHaveLength(1);

    // Two new matches: one notification naming both.
    const [a, b] = await Promise.all([
      t.publish(editor, moduleBody(ppsId, { title: `Eerste ${needle}` })),
      t.publish(editor, moduleBody(ppsId, { title: `Tweede ${needle}` })),
    ]);
    await t.indexed();
    await Promise.all([alertsRun(), alertsRun()]);
    const after = await savedSearchNotes(carla);
    expect(after).toHaveLength(2);
    expect(after[0].message).toBe('2 nieuwe bouwstenen voor uw zoekopdracht "Mijn naald"');
    expect([...after[0].assetIds].sort()).toEqual([a.id, b.id].sort());
  });

  it('does not tell of blocks published before the search was saved or while its alerts were off', async () => {
    const needle = word();
    const dirk = await t.user('teacher');
    await t.publish(editor, moduleBody(ppsId, { title: `Oud ${needle}` }));
    await t.indexed();
    const saved = await save(dirk, { name: 'Later', query: `q=${needle}` }).expect(201);
    await t.publish(editor, moduleBody(ppsId, { title: `Terwijl uit ${needle}` }));
    await t.indexed();
    await api()
      .patch(`/api/v1/me/saved-searches/${saved.body.id}`)
      .set(bearer(dirk))
      .set('If-Match', '"1"')
      .send({ alerts: true })
      .expect(200);
    await alertsRun();
    expect(await savedSearchNotes(dirk)).toEqual([]);
  });

  it('asks for one run per interval however often it is asked, and the worker runs it', async () => {
    const db = t.app.get(DataSource);
    const jobs = async () =>
      (await db.query(
        `SELECT state::text AS state FROM pgboss.job WHERE name = 'saved_search_alerts'`,
      )) as { state: string }[];
    const alerts = t.worker().get(SavedSearchAlerts);
    await Promise.all([alerts.request(), alerts.request(), alerts.request()]);
    expect((await jobs()).length).toBe(1);
    const deadline = Date.now() + 20_000;
    while ((await jobs())[0]?.state !== 'completed' && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await jobs()).toEqual([{ state: 'completed' }]);
  });
});
