import { curriculumBody, moduleBody } from './harness/fixtures';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

/** A draft someone may not read does not exist for them, whichever way they ask. */
describe('drafts stay invisible (e2e)', () => {
  let t: TestApp;
  let owner: TestUser;
  let other: TestUser;
  let teacher: TestUser;
  let ownerPps: string;
  let otherPps: string;
  let draftId: string;
  const unknownId = '00000000-0000-4000-8000-000000000000';

  beforeAll(async () => {
    t = await createTestApp();
    ownerPps = await t.ppsId('Techport mbo');
    otherPps = await t.ppsId('House of Logistics');
    owner = await t.user('pps-editor', [ownerPps]);
    other = await t.user('pps-editor', [otherPps]);
    teacher = await t.user('teacher');
    draftId = (
      await t
        .http()
        .post('/api/v1/assets')
        .set(bearer(owner))
        .send(moduleBody(ownerPps))
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  it('answers following an unreadable draft exactly like an unknown id', async () => {
    const draft = await t
      .http()
      .put(`/api/v1/me/follows/assets/${draftId}`)
      .set(bearer(teacher))
      .expect(404);
    const unknown = await t
      .http()
      .put(`/api/v1/me/follows/assets/${unknownId}`)
      .set(bearer(teacher))
      .expect(404);
    expect(draft.body.code).toBe(unknown.body.code);
    expect(draft.body.title).toBe(unknown.body.title);
    // Its own editors may follow it.
    await t.http().put(`/api/v1/me/follows/assets/${draftId}`).set(bearer(owner)).expect(204);
  });

  it('refuses a reference to another PPS’s draft as an unknown asset', async () => {
    const response = await t
      .http()
      .post('/api/v1/assets')
      .set(bearer(other))
      .send(
        curriculumBody(otherPps, {
          curriculum: { creboCodes: ['25923'], learningPaths: ['bbl'], moduleIds: [draftId] },
        }),
      )
      .expect(400);
    expect(response.body.errors).toEqual([
      {
        field: 'curriculum.moduleIds.0',
        message: `unknown asset ${draftId}`,
        code: 'unknownAsset',
        values: { id: draftId },
      },
    ]);
    // The owner may build with its own drafts.
    await t
      .http()
      .post('/api/v1/assets')
      .set(bearer(owner))
      .send(
        curriculumBody(ownerPps, {
          curriculum: { creboCodes: ['25923'], learningPaths: ['bbl'], moduleIds: [draftId] },
        }),
      )
      .expect(201);
  });

  it('pages the follow list', async () => {
    const user = await t.user('teacher');
    for (let i = 0; i < 3; i++) {
      const asset = await t.publish(owner, moduleBody(ownerPps));
      await t.http().put(`/api/v1/me/follows/assets/${asset.id}`).set(bearer(user)).expect(204);
    }
    const page = await t
      .http()
      .get('/api/v1/me/follows?pageSize=2&pageNumber=2')
      .set(bearer(user))
      .expect(200);
    expect(page.body).toMatchObject({ pageNumber: 2, pageSize: 2, totalItems: 3, totalPages: 2 });
    expect(page.body.items).toHaveLength(1);
  });
});
