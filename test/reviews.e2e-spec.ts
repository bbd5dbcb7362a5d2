import { moduleBody } from './harness/fixtures';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

const REVIEW = {
  use: 'used',
  level: 3,
  pathway: 'bol',
  setting: 'school',
  usability: 4,
  quality: 5,
  adaptability: 3,
  body: 'Goed bruikbaar in leerjaar 2; de opdrachten heb ik iets ingekort.',
};

describe('reviews as records (e2e)', () => {
  let t: TestApp;
  let owner: TestUser;
  let otherEditor: TestUser;
  let ownerPps: string;
  let asset: { id: string; etag: string };

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    ownerPps = await t.ppsId('GreenTechNHN');
    owner = await t.user('pps-editor', [ownerPps]);
    otherEditor = await t.user('pps-editor', [await t.ppsId('Plant & Business')]);
    asset = await t.publish(owner, moduleBody(ownerPps));
  });
  afterAll(() => t.close());

  const reviews = (id = asset.id) => `/api/v1/assets/${id}/reviews`;
  const put = (user: TestUser, body: object, id = asset.id) =>
    t
      .http()
      .put(`${reviews(id)}/mine`)
      .set(bearer(user))
      .send(body);

  it('writes, edits at its revision and withdraws one review per person', async () => {
    const teacher = await t.user('teacher');
    const created = await put(teacher, REVIEW).expect(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({ ...REVIEW, revision: 1, reply: null, hidden: false });
    expect(created.body).not.toHaveProperty('authorId');

    // A second one without If-Match is refused: one per person.
    const again = await put(teacher, REVIEW).expect(409);
    expect(again.body.type).toContain('review-exists');
    expect(again.headers['content-type']).toContain('application/problem+json');

    const edited = await put(teacher, { ...REVIEW, quality: 2 })
      .set('If-Match', created.headers.etag)
      .expect(200);
    expect(edited.body).toMatchObject({ quality: 2, revision: 2 });
    await put(teacher, REVIEW).set('If-Match', created.headers.etag).expect(412);

    const mine = await t.http().get(`${reviews()}/mine`).set(bearer(teacher)).expect(200);
    expect(mine.headers.etag).toBe('"2"');

    await t.http().delete(`${reviews()}/mine`).set(bearer(teacher)).expect(204);
    await t.http().get(`${reviews()}/mine`).set(bearer(teacher)).expect(404);
    await t.http().delete(`${reviews()}/mine`).set(bearer(teacher)).expect(404);
    // Withdrawn, a new one may be written.
    await put(teacher, REVIEW).expect(201);
  });

  it('keeps one review when the same person posts their first twice at once', async () => {
    const teacher = await t.user('teacher');
    const answers = await Promise.all(Array.from({ length: 10 }, () => put(teacher, REVIEW)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([
      201, 409, 409, 409, 409, 409, 409, 409, 409, 409,
    ]);
    const list = await t.http().get(`${reviews()}?pageSize=100`).expect(200);
    const ids = new Set(answers.filter((a) => a.status === 201).map((a) => a.body.id));
    expect(list.body.items.filter((item: { id: string }) => ids.has(item.id))).toHaveLength(1);
  });

  it('refuses roles that do not teach, the own PPS, anonymous callers and bad input', async () => {
    const llo = await t.user('llo-office');
    const admin = await t.user('admin');
    expect((await put(llo, REVIEW).expect(403)).body.status).toBe(403);
    await put(admin, REVIEW).expect(403);
    const own = await put(owner, REVIEW).expect(403);
    expect(own.body.type).toContain('review-own-pps');
    await t.http().put(`${reviews()}/mine`).send(REVIEW).expect(401);

    const teacher = await t.user('teacher');
    const bad = await put(teacher, {
      ...REVIEW,
      level: 5,
      usability: 0,
      pathway: 'deeltijd',
      body: 'x'.repeat(2001),
    }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body',
      'level',
      'pathway',
      'usability',
    ]);
    await put(teacher, { ...REVIEW, body: 'Met een \u0007 erin' }).expect(400);
    await put(teacher, REVIEW).set('If-Match', '*').expect(400);
    await t.http().get('/api/v1/assets/not-a-uuid/reviews').expect(400);
  });

  it('reviews only published blocks, and no archived one', async () => {
    const teacher = await t.user('teacher');
    const draft = await t
      .http()
      .post('/api/v1/assets')
      .set(bearer(owner))
      .send(moduleBody(ownerPps))
      .expect(201);
    await put(teacher, REVIEW, draft.body.id).expect(404);
    await t.http().get(reviews(draft.body.id)).expect(404);

    const old = await t.publish(owner, moduleBody(ownerPps));
    await t
      .http()
      .post(`/api/v1/assets/${old.id}/archive`)
      .set(bearer(owner))
      .set('If-Match', old.etag)
      .send({})
      .expect(200);
    const archived = await put(teacher, REVIEW, old.id).expect(409);
    expect(archived.body.type).toContain('review-asset-archived');
  });

  it('adds reviews up overall and per context, "used" ones also in the reports', async () => {
    const block = await t.publish(owner, moduleBody(ownerPps));
    const empty = await t.http().get(reviews(block.id)).expect(200);
    expect(empty.body).toMatchObject({ totalItems: 0, items: [] });
    expect(empty.body.summary).toMatchObject({ total: 0, averages: null });

    const before = (await t.http().get(`/api/v1/reports/pps/${ownerPps}`).expect(200)).body;
    await put(await t.user('teacher'), REVIEW, block.id).expect(201);
    await put(await t.user('teacher'), { ...REVIEW, usability: 2 }, block.id).expect(201);
    await put(otherEditor, { ...REVIEW, use: 'read', level: 2 }, block.id).expect(201);
    const list = await t
      .http()
      .get(`${reviews(block.id)}?pageSize=2`)
      .expect(200);
    expect(list.body).toMatchObject({ totalItems: 3, totalPages: 2, pageSize: 2 });
    expect(list.body.items).toHaveLength(2);
    expect(list.body.summary).toMatchObject({
      total: 3,
      used: 2,
      read: 1,
      averages: { usability: 3.3, quality: 5, adaptability: 3 },
      byLevel: [
        { value: 3, count: 2 },
        { value: 2, count: 1 },
      ],
    });
    await t
      .http()
      .get(`${reviews(block.id)}?pageSize=101`)
      .expect(400);

    const after = (await t.http().get(`/api/v1/reports/pps/${ownerPps}`).expect(200)).body;
    expect(after.headline.declaredUse).toBe(before.headline.declaredUse + 2);
    // The report page says it under the reuse figure (and says nothing while there are none).
    const html = (await t.http().get(`/rapportages/pps/${ownerPps}`).expect(200)).text;
    expect(html).toContain(`en ${after.headline.declaredUse} keer gebruik verklaard in reviews`);
  });

  it('lets the owning PPS reply once, anyone signed in report, and the PPS hide a reported one', async () => {
    const block = await t.publish(owner, moduleBody(ownerPps));
    const author = await t.user('teacher');
    const review = (await put(author, REVIEW, block.id).expect(201)).body;
    const base = `${reviews(block.id)}/${review.id}`;

    // The owner was told, in the app.
    const inbox = await t.http().get('/api/v1/me/notifications').set(bearer(owner)).expect(200);
    expect(inbox.body.items).toContainEqual(
      expect.objectContaining({ type: 'review', assetId: block.id }),
    );

    await t
      .http()
      .put(`${base}/reply`)
      .set(bearer(otherEditor))
      .send({ body: 'Niet van ons.' })
      .expect(403);
    // A reply of white space alone says nothing: refused at the field, as the page's form does.
    for (const body of ['   ', ' \n\t ', '\u00a0\u3000']) {
      const blank = await t
        .http()
        .put(`${base}/reply`)
        .set(bearer(owner))
        .send({ body })
        .expect(400);
      expect(blank.headers['content-type']).toContain('application/problem+json');
      expect(blank.body.errors).toEqual([
        expect.objectContaining({ field: 'body', code: 'hasText' }),
      ]);
    }
    const replied = await t
      .http()
      .put(`${base}/reply`)
      .set(bearer(owner))
      .send({ body: 'Dank u!' })
      .expect(200);
    expect(replied.body.reply.body).toBe('Dank u!');
    const second = await t
      .http()
      .put(`${base}/reply`)
      .set(bearer(owner))
      .send({ body: 'Nog iets.' })
      .expect(409);
    expect(second.body.type).toContain('review-already-replied');

    // Hiding needs a report first.
    expect(
      (await t.http().put(`${base}/hidden`).set(bearer(owner)).expect(409)).body.type,
    ).toContain('review-not-reported');
    const reporter = await t.user('llo-office');
    await t.http().post(`${base}/reports`).send({ reason: 'Spam' }).expect(401);
    await t.http().post(`${base}/reports`).set(bearer(reporter)).send({ reason: '' }).expect(400);
    const blankReason = await t
      .http()
      .post(`${base}/reports`)
      .set(bearer(reporter))
      .send({ reason: '  \n ' })
      .expect(400);
    expect(blankReason.body.errors).toEqual([
      expect.objectContaining({ field: 'reason', code: 'hasText' }),
    ]);
    await t
      .http()
      .post(`${base}/reports`)
      .set(bearer(reporter))
      .send({ reason: 'Bevat de naam van een student.' })
      .expect(204);
    await t
      .http()
      .post(`${base}/reports`)
      .set(bearer(reporter))
      .send({ reason: 'Nogmaals' })
      .expect(409);

    const reports = await t
      .http()
      .get(`/api/v1/pps/${ownerPps}/review-reports`)
      .set(bearer(owner))
      .expect(200);
    expect(reports.body.items[0]).toMatchObject({
      reviewId: review.id,
      assetId: block.id,
      reason: 'Bevat de naam van een student.',
      reviewHidden: false,
    });
    await t
      .http()
      .get(`/api/v1/pps/${ownerPps}/review-reports`)
      .set(bearer(otherEditor))
      .expect(403);

    await t.http().put(`${base}/hidden`).set(bearer(otherEditor)).expect(403);
    await t.http().put(`${base}/hidden`).set(bearer(owner)).expect(204);
    const list = await t.http().get(reviews(block.id)).expect(200);
    expect(list.body.summary.total).toBe(0);
    // Its author still sees it, marked hidden.
    const mine = await t
      .http()
      .get(`${reviews(block.id)}/mine`)
      .set(bearer(author))
      .expect(200);
    expect(mine.body.hidden).toBe(true);
    await t.http().delete(`${base}/hidden`).set(bearer(owner)).expect(204);
    expect((await t.http().get(reviews(block.id)).expect(200)).body.summary.total).toBe(1);
  });

  it("refuses reports from the block's own PPS, and hides only on a report by someone else", async () => {
    const block = await t.publish(owner, moduleBody(ownerPps));
    const review = (await put(await t.user('teacher'), REVIEW, block.id).expect(201)).body;
    const base = `${reviews(block.id)}/${review.id}`;
    const report = (user: TestUser, reason = 'Klopt niet.') =>
      t.http().post(`${base}/reports`).set(bearer(user)).send({ reason });

    // Its lead, and a teacher who is a member of that PPS, are refused: 403 with the code.
    const refused = await report(owner).expect(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'review-report-own-pps' });
    expect(refused.body.type).toContain('review-report-own-pps');
    await report(await t.user('teacher', [ownerPps])).expect(403);
    // So the PPS has no report to hide it on.
    const nothing = await t.http().put(`${base}/hidden`).set(bearer(owner)).expect(409);
    expect(nothing.body.code).toBe('review-not-reported');

    // Someone who reported it and joined the PPS later does not open the way either.
    const joiner = await t.user('teacher');
    await report(joiner).expect(204);
    const admin = await t.user('admin');
    await t
      .http()
      .patch(`/api/v1/users/${joiner.id}`)
      .set(await t.userEtag(joiner.id))
      .set(bearer(admin))
      .send({ ppsIds: [ownerPps] })
      .expect(200);
    await t.http().put(`${base}/hidden`).set(bearer(owner)).expect(409);
    // Nor does an admin's own report let that admin hide it: another reader's does.
    await report(admin).expect(204);
    await t.http().put(`${base}/hidden`).set(bearer(admin)).expect(409);
    await report(otherEditor).expect(204);
    await t.http().put(`${base}/hidden`).set(bearer(owner)).expect(204);
    expect((await t.http().get(reviews(block.id)).expect(200)).body.summary.total).toBe(0);
  });
});
