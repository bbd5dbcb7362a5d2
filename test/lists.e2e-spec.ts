import { DataSource } from 'typeorm';
import { moduleBody, practiceBody } from './harness/fixtures';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

/** Personal lists of building blocks through the API: CRUD, privacy, sharing, order, bounds, races. */
describe('lists (e2e)', () => {
  let t: TestApp;
  let anna: TestUser;
  let bram: TestUser;
  let editor: TestUser;
  let ppsId: string;
  let first: { id: string; etag: string; title: string };
  let second: { id: string; etag: string; title: string };
  let third: { id: string; etag: string; title: string };
  let practice: { id: string; etag: string; title: string };

  beforeAll(async () => {
    t = await createTestApp();
    ppsId = await t.ppsId('GreenTechNHN');
    editor = await t.user('pps-editor', [ppsId]);
    anna = await t.user('teacher');
    bram = await t.user('teacher');
    [first, second, third, practice] = await Promise.all([
      t.publish(editor, moduleBody(ppsId)),
      t.publish(editor, moduleBody(ppsId)),
      t.publish(editor, moduleBody(ppsId)),
      t.publish(editor, practiceBody(ppsId)),
    ]);
  });
  afterAll(() => t.close());

  const api = () => t.http();
  const makeListAnswer = (user: TestUser, body: Record<string, unknown>) =>
    api().post('/api/v1/me/lists').set(bearer(user)).send(body);
  const makeList = async (user: TestUser, body: Record<string, unknown> = { name: 'Cobots' }) =>
    (await makeListAnswer(user, body).expect(201)).body;
  const add = (user: TestUser, listId: string, assetId: string, note?: string) =>
    api()
      .post(`/api/v1/me/lists/${listId}/items`)
      .set(bearer(user))
      .send(note === undefined ? { assetId } : { assetId, note });
  const order = (body: { items: { assetId: string }[] }) => body.items.map((item) => item.assetId);

  it('makes, reads, renames and removes a list, private by default, with ETags', async () => {
    const list = await makeList(anna, { name: '  Voor periode 3 ', description: 'Keuzedeel' });
    expect(list).toMatchObject({
      name: 'Voor periode 3',
      description: 'Keuzedeel',
      visibility: 'private',
      shared: false,
      itemCount: 0,
      items: [],
      revision: 1,
    });
    const read = await api().get(`/api/v1/me/lists/${list.id}`).set(bearer(anna)).expect(200);
    expect(read.headers.etag).toBe('"1"');
    await api()
      .patch(`/api/v1/me/lists/${list.id}`)
      .set(bearer(anna))
      .send({ name: 'Nieuw' })
      .expect(428);
    // Public would show on no page: anna's account has no organisation. Nothing is stored.
    const nowhere = await api()
      .patch(`/api/v1/me/lists/${list.id}`)
      .set(bearer(anna))
      .set('If-Match', '"1"')
      .send({ name: 'Nieuw', visibility: 'public' })
      .expect(400);
    expect(nowhere.body.errors).toEqual([
      expect.objectContaining({ field: 'visibility', code: 'publicNeedsOrganisation' }),
    ]);
    const refused = await makeListAnswer(anna, { name: 'Openbaar', visibility: 'public' });
    expect([refused.status, refused.body.errors[0].field]).toEqual([400, 'visibility']);
    const renamed = await api()
      .patch(`/api/v1/me/lists/${list.id}`)
      .set(bearer(anna))
      .set('If-Match', '"1"')
      .send({ name: 'Nieuw', visibility: 'private' })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: 'Nieuw', visibility: 'private', revision: 2 });
    await api()
      .patch(`/api/v1/me/lists/${list.id}`)
      .set(bearer(anna))
      .set('If-Match', '"1"')
      .send({ name: 'Te laat' })
      .expect(412);
    const mine = await api().get('/api/v1/me/lists?pageSize=100').set(bearer(anna)).expect(200);
    expect(mine.body.items.map((l: { id: string }) => l.id)).toContain(list.id);
    await api()
      .delete(`/api/v1/me/lists/${list.id}`)
      .set(bearer(anna))
      .set('If-Match', '"2"')
      .expect(204);
    await api().get(`/api/v1/me/lists/${list.id}`).set(bearer(anna)).expect(404);
  });

  it("keeps a list from anyone else: another person's read and writes are 404, anonymous 401", async () => {
    const list = await makeList(anna);
    await add(anna, list.id, first.id).expect(201);
    for (const call of [
      api().get(`/api/v1/me/lists/${list.id}`),
      api().post(`/api/v1/me/lists/${list.id}/items`).send({ assetId: second.id }),
      api().patch(`/api/v1/me/lists/${list.id}`).set('If-Match', '"1"').send({ name: 'x' }),
      api().delete(`/api/v1/me/lists/${list.id}/items/${first.id}`),
      api().post(`/api/v1/me/lists/${list.id}/share`),
    ]) {
      const response = await call.set(bearer(bram));
      expect([response.status, response.body.code]).toEqual([404, 'list-not-found']);
    }
    const lists = await api().get('/api/v1/me/lists').set(bearer(bram)).expect(200);
    expect(lists.body.items.map((l: { id: string }) => l.id)).not.toContain(list.id);
    await api().get(`/api/v1/me/lists/${list.id}`).expect(401);
    const admin = await t.user('admin');
    await api().get(`/api/v1/me/lists/${list.id}`).set(bearer(admin)).expect(404);
  });

  it('shares a list by a link that works signed out, is the same when asked again, and stops after revoking', async () => {
    const list = await makeList(anna, { name: 'Gedeeld' });
    await add(anna, list.id, first.id, 'Begin hier').expect(201);
    const made = await api()
      .post(`/api/v1/me/lists/${list.id}/share`)
      .set(bearer(anna))
      .expect(201);
    expect(made.body.token.length).toBeGreaterThanOrEqual(40);
    const again = await api()
      .post(`/api/v1/me/lists/${list.id}/share`)
      .set(bearer(anna))
      .expect(200);
    expect(again.body.token).toBe(made.body.token);
    const shared = await api().get(made.body.json).expect(200);
    expect(shared.body).toMatchObject({
      name: 'Gedeeld',
      items: [{ assetId: first.id, note: 'Begin hier', available: true }],
    });
    expect(shared.body).not.toHaveProperty('ownerUserId');
    expect(shared.headers['cache-control']).toBe('no-store');
    const page = await api().get(made.body.html).expect(200);
    expect(page.text).toContain('Gedeeld');
    await api().delete(`/api/v1/me/lists/${list.id}/share`).set(bearer(anna)).expect(204);
    const gone = await api().get(made.body.json).expect(404);
    expect(gone.body.code).toBe('shared-list-not-found');
    // The page of a revoked link says so in a list's own words, not a missing page's.
    const revoked = await api().get(made.body.html).set('Accept', 'text/html').expect(404);
    expect(revoked.text).toContain('Deze link werkt niet meer');
    expect(revoked.text).toContain(
      'heeft deze link ingetrokken of vervangen, of de lijst verwijderd',
    );
    expect(revoked.text).not.toContain('nog niet gepubliceerd');
    await api().get('/api/v1/shared/lists/not-a-token').expect(404);
  });

  it('keeps items in order, moves them, and renumbers after a removal', async () => {
    const list = await makeList(anna);
    for (const asset of [first, second, third]) await add(anna, list.id, asset.id).expect(201);
    const moved = await api()
      .patch(`/api/v1/me/lists/${list.id}/items/${third.id}`)
      .set(bearer(anna))
      .send({ position: 1, note: 'Eerst' })
      .expect(200);
    expect(order(moved.body)).toEqual([third.id, first.id, second.id]);
    expect(moved.body.items.map((item: { position: number }) => item.position)).toEqual([1, 2, 3]);
    expect(moved.body.items[0].note).toBe('Eerst');
    const removed = await api()
      .delete(`/api/v1/me/lists/${list.id}/items/${first.id}`)
      .set(bearer(anna))
      .expect(200);
    expect(order(removed.body)).toEqual([third.id, second.id]);
    expect(removed.body.items.map((item: { position: number }) => item.position)).toEqual([1, 2]);
    expect(removed.body.revision).toBe(6);
    await api()
      .delete(`/api/v1/me/lists/${list.id}/items/${first.id}`)
      .set(bearer(anna))
      .expect(404);
  });

  it('takes only published blocks; an archived one stays, marked as no longer available', async () => {
    const list = await makeList(anna);
    const draft = await api()
      .post('/api/v1/assets')
      .set(bearer(editor))
      .send(moduleBody(ppsId))
      .expect(201);
    const refused = await add(anna, list.id, draft.body.id).expect(422);
    expect(refused.body.code).toBe('list-asset-not-published');
    await add(anna, list.id, '00000000-0000-4000-8000-000000000000').expect(422);
    const doomed = await t.publish(editor, moduleBody(ppsId));
    await add(anna, list.id, doomed.id).expect(201);
    await api()
      .post(`/api/v1/assets/${doomed.id}/archive`)
      .set(bearer(editor))
      .set('If-Match', doomed.etag)
      .send({})
      .expect(200);
    const after = await api().get(`/api/v1/me/lists/${list.id}`).set(bearer(anna)).expect(200);
    expect(after.body.items).toEqual([
      expect.objectContaining({ assetId: doomed.id, available: false }),
    ]);
    await add(anna, list.id, doomed.id).expect(422);
  });

  it('refuses bad input with field errors: too long, blank, control characters, unknown fields', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'x'.repeat(121) }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'Goed', description: 'y'.repeat(2001) }, 'description'],
      [{ name: 'Met\u0007bel' }, 'name'],
      [{ name: 'Goed', visibility: 'everyone' }, 'visibility'],
      [{ name: 'Goed', ownerUserId: bram.id }, 'ownerUserId'],
    ];
    for (const [body, field] of cases) {
      const response = await api().post('/api/v1/me/lists').set(bearer(anna)).send(body);
      expect([response.status, response.headers['content-type']]).toEqual([
        400,
        expect.stringContaining('application/problem+json'),
      ]);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const list = await makeList(anna);
    const note = await add(anna, list.id, first.id, 'z'.repeat(501)).expect(400);
    expect(note.body.errors[0].field).toBe('note');
    const control = await add(anna, list.id, first.id, 'a\u0000b').expect(400);
    expect(JSON.stringify(control.body)).toContain('note');
    await api().get(`/api/v1/me/lists?pageSize=101`).set(bearer(anna)).expect(400);
    const nullName = await api()
      .patch(`/api/v1/me/lists/${list.id}`)
      .set(bearer(anna))
      .set('If-Match', `"${list.revision}"`)
      .send({ name: null })
      .expect(400);
    expect(nullName.body.errors[0].field).toBe('name');
    const cleared = await api()
      .patch(`/api/v1/me/lists/${list.id}`)
      .set(bearer(anna))
      .set('If-Match', `"${list.revision}"`)
      .send({ description: null })
      .expect(200);
    expect(cleared.body.description).toBe('');
    const nullNote = await api()
      .patch(`/api/v1/me/lists/${list.id}/items/${first.id}`)
      .set(bearer(anna))
      .send({ note: null, position: null })
      .expect(400);
    expect(nullNote.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'note',
      'position',
    ]);
  });

  it('bounds how many lists a person keeps', async () => {
    const carla = await t.user('teacher');
    await Promise.all(Array.from({ length: 50 }, (_, i) => makeList(carla, { name: `L${i}` })));
    const refused = await api()
      .post('/api/v1/me/lists')
      .set(bearer(carla))
      .send({ name: 'Eén te veel' })
      .expect(409);
    expect(refused.body.code).toBe('too-many-lists');
  });

  it('adds a block once when two requests add it at the same time', async () => {
    const list = await makeList(anna);
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => add(anna, list.id, second.id)),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    const read = await api().get(`/api/v1/me/lists/${list.id}`).set(bearer(anna)).expect(200);
    expect(read.body.items).toHaveLength(1);
  });

  it('lets an LLO office start a draft course from a list, naming what it left out', async () => {
    const llo = await t.lloOffice('LLO-loket Lijsten');
    const list = await makeList(llo, { name: 'Omscholing cobots' });
    for (const asset of [first, practice, second]) await add(llo, list.id, asset.id).expect(201);
    const made = await api()
      .post(`/api/v1/me/lists/${list.id}/course`)
      .set(bearer(llo))
      .send({ employer: { name: 'Installatiebedrijf De Lijst' }, audience: 'worker' })
      .expect(201);
    expect(made.body).toMatchObject({
      itemCount: 2,
      leftOut: [{ assetId: practice.id, reason: 'kind' }],
    });
    const course = await api()
      .get(`/api/v1/courses/${made.body.courseId}`)
      .set(bearer(llo))
      .expect(200);
    expect(course.body).toMatchObject({ title: 'Omscholing cobots', status: 'draft' });
    expect(course.body.items.map((item: { assetId: string }) => item.assetId)).toEqual([
      first.id,
      second.id,
    ]);
    const teacherList = await makeList(anna);
    await add(anna, teacherList.id, first.id).expect(201);
    await api()
      .post(`/api/v1/me/lists/${teacherList.id}/course`)
      .set(bearer(anna))
      .send({ employer: { name: 'X' }, audience: 'worker' })
      .expect(403);
  });

  it("shows a public list on its owner's organisation page, and never a private one", async () => {
    const member = await t.lloOffice('ROC Lijstenstad');
    const open = await makeList(member, { name: 'Openbaar: cobots', visibility: 'public' });
    await add(member, open.id, first.id, 'Zeker doen').expect(201);
    const hidden = await makeList(member, { name: 'Privé: nog uitzoeken' });
    await add(member, hidden.id, second.id).expect(201);
    const lists = await api()
      .get(`/api/v1/organisations/${member.organisationId}/lists`)
      .expect(200);
    expect(lists.body.map((list: { name: string }) => list.name)).toEqual(['Openbaar: cobots']);
    expect(lists.body[0].items).toEqual([
      expect.objectContaining({ assetId: first.id, note: 'Zeker doen' }),
    ]);
    const page = await api().get(`/rapportages/instellingen/${member.organisationId}`).expect(200);
    expect(page.text).toContain('Openbaar: cobots');
    expect(page.text).toContain('Zeker doen');
    expect(page.text).not.toContain('nog uitzoeken');
    await api()
      .patch(`/api/v1/me/lists/${open.id}`)
      .set(bearer(member))
      .set('If-Match', `"${open.revision + 1}"`)
      .send({ visibility: 'private' })
      .expect(200);
    const after = await api()
      .get(`/api/v1/organisations/${member.organisationId}/lists`)
      .expect(200);
    expect(after.body).toEqual([]);
  });

  it("removes a person's lists and saved searches with their account", async () => {
    const dora = await t.user('teacher');
    const list = await makeList(dora);
    await add(dora, list.id, first.id).expect(201);
    await api().post(`/api/v1/me/lists/${list.id}/share`).set(bearer(dora)).expect(201);
    await api()
      .post('/api/v1/me/saved-searches')
      .set(bearer(dora))
      .send({ name: 'Cobots', query: 'q=cobots', alerts: true })
      .expect(201);
    const db = t.app.get(DataSource);
    const count = async () =>
      (
        await db.query(
          `SELECT (SELECT count(*) FROM block_list WHERE owner_user_id = $1)::int AS lists,
                  (SELECT count(*) FROM block_list_item WHERE list_id = $2)::int AS items,
                  (SELECT count(*) FROM saved_search WHERE owner_user_id = $1)::int AS searches`,
          [dora.id, list.id],
        )
      )[0];
    expect(await count()).toEqual({ lists: 1, items: 1, searches: 1 });
    await db.query('DELETE FROM app_user WHERE id = $1', [dora.id]);
    expect(await count()).toEqual({ lists: 0, items: 0, searches: 0 });
  });
});
