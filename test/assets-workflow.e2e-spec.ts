import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';
import {
  curriculumBody,
  curriculumWith,
  infrastructureBody,
  moduleBody,
  practiceBody,
} from './harness/fixtures';

describe('asset publishing workflow (e2e)', () => {
  let t: TestApp;
  let editor: TestUser;
  let ppsId: string;
  let moduleId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ppsId = await t.ppsId('House of Digital');
    editor = await t.user('pps-editor', [ppsId]);
    moduleId = (await t.publish(editor, moduleBody(ppsId))).id;
  });
  afterAll(() => t.close());

  /** Publishes version 1 of a fresh draft; the response carries the next ETag. */
  function publishFirst(draft: { id: string; revision: number }) {
    return t
      .http()
      .post(`/api/v1/assets/${draft.id}/publish`)
      .set(bearer(editor))
      .set('If-Match', `"${draft.revision}"`)
      .send({})
      .expect(200);
  }

  async function create(body: Record<string, unknown>) {
    const response = await t
      .http()
      .post('/api/v1/assets')
      .set(bearer(editor))
      .send(body)
      .expect(201);
    return response.body as { id: string; revision: number; title: string };
  }

  it.each([
    ['module', moduleBody],
    // A curriculum is published with a module: one of the same PPS, published first.
    ['curriculum', (pps: string) => curriculumWith(pps, [moduleId])],
    ['infrastructure', infrastructureBody],
    ['practice', practiceBody],
  ])('creates and publishes a %s', async (kind, body) => {
    const draft = await create(body(ppsId));
    expect(draft).toMatchObject({
      kind,
      status: 'draft',
      version: { number: 1, state: 'draft' },
      hasDraft: true,
    });
    const published = await publishFirst(draft);
    expect(published.body).toMatchObject({
      status: 'published',
      publishedVersion: 1,
      hasDraft: false,
    });
    const anonymous = await t.http().get(`/api/v1/assets/${draft.id}`).expect(200);
    expect(anonymous.body[kind]).toBeDefined();
  });

  it('converts study load to hours (1 ECTS = 28 hours)', async () => {
    const draft = await create(moduleBody(ppsId));
    const response = await t
      .http()
      .get(`/api/v1/assets/${draft.id}`)
      .set(bearer(editor))
      .expect(200);
    expect(response.body.module.studyLoad).toEqual({ value: 2, unit: 'ects', hours: 56 });
  });

  it('derives the NLQF level of a curriculum', async () => {
    const draft = await create(curriculumBody(ppsId));
    const response = await t
      .http()
      .get(`/api/v1/assets/${draft.id}`)
      .set(bearer(editor))
      .expect(200);
    expect(response.body.curriculum.nlqfLevel).toBe(4);
  });

  it('hides drafts from anonymous readers, teachers and other editors', async () => {
    const draft = await create(moduleBody(ppsId));
    await t.http().get(`/api/v1/assets/${draft.id}`).expect(404);
    const teacher = await t.user('teacher');
    await t.http().get(`/api/v1/assets/${draft.id}`).set(bearer(teacher)).expect(404);
    const otherEditor = await t.user('pps-editor', [await t.ppsId('Techport mbo')]);
    await t.http().get(`/api/v1/assets/${draft.id}`).set(bearer(otherEditor)).expect(404);
    const llo = await t.user('llo-office');
    await t.http().get(`/api/v1/assets/${draft.id}`).set(bearer(llo)).expect(200);
  });

  it('keeps a published version immutable: an edit opens version 2, publishing it needs a change note', async () => {
    const draft = await create(moduleBody(ppsId));
    const v1 = await publishFirst(draft);
    const originalTitle = v1.body.title;

    const edited = await t
      .http()
      .patch(`/api/v1/assets/${draft.id}`)
      .set(bearer(editor))
      .set('If-Match', v1.headers.etag)
      .send({ title: 'Hydrauliek voor monteurs, herziene editie' })
      .expect(200);
    expect(edited.body).toMatchObject({
      version: { number: 2, state: 'draft' },
      publishedVersion: 1,
      hasDraft: true,
      latestVersion: 2,
    });
    expect(edited.body.module.learningOutcomes).toHaveLength(1);

    const publicView = await t.http().get(`/api/v1/assets/${draft.id}`).expect(200);
    expect(publicView.body).toMatchObject({
      title: originalTitle,
      version: { number: 1 },
      hasDraft: false,
      latestVersion: 1,
    });

    const editedAgain = await t
      .http()
      .patch(`/api/v1/assets/${draft.id}`)
      .set(bearer(editor))
      .set('If-Match', edited.headers.etag)
      .send({ keywords: ['hydrauliek'] })
      .expect(200);
    expect(editedAgain.body.version.number).toBe(2);

    const missingNote = await t
      .http()
      .post(`/api/v1/assets/${draft.id}/publish`)
      .set(bearer(editor))
      .set('If-Match', editedAgain.headers.etag)
      .send({})
      .expect(400);
    expect(missingNote.body.errors).toEqual([
      {
        field: 'changeNote',
        message: 'is required when publishing a new version',
        code: 'changeNoteRequired',
      },
    ]);

    const v2 = await t
      .http()
      .post(`/api/v1/assets/${draft.id}/publish`)
      .set(bearer(editor))
      .set('If-Match', editedAgain.headers.etag)
      .send({ changeNote: 'Titel en trefwoorden herzien' })
      .expect(200);
    expect(v2.body).toMatchObject({
      publishedVersion: 2,
      version: { number: 2, state: 'published', changeNote: 'Titel en trefwoorden herzien' },
    });

    const history = await t.http().get(`/api/v1/assets/${draft.id}/versions`).expect(200);
    expect(history.body.items.map((item: { number: number }) => item.number)).toEqual([2, 1]);
    const old = await t.http().get(`/api/v1/assets/${draft.id}/versions/1`).expect(200);
    expect(old.body).toMatchObject({
      title: originalTitle,
      version: { number: 1, state: 'published' },
    });
    await t.http().get(`/api/v1/assets/${draft.id}/versions/3`).expect(404);
  });

  it('shows a pending draft version only to those who may read drafts', async () => {
    const draft = await create(moduleBody(ppsId));
    const v1 = await publishFirst(draft);
    await t
      .http()
      .patch(`/api/v1/assets/${draft.id}`)
      .set(bearer(editor))
      .set('If-Match', v1.headers.etag)
      .send({ summary: 'Een nieuwe samenvatting van deze module.' })
      .expect(200);
    await t.http().get(`/api/v1/assets/${draft.id}/versions/2`).expect(404);
    await t.http().get(`/api/v1/assets/${draft.id}/versions/2`).set(bearer(editor)).expect(200);
    const publicHistory = await t.http().get(`/api/v1/assets/${draft.id}/versions`).expect(200);
    expect(publicHistory.body.totalItems).toBe(1);
  });

  it('refuses to publish when there is nothing new', async () => {
    const draft = await create(moduleBody(ppsId));
    const v1 = await publishFirst(draft);
    const again = await t
      .http()
      .post(`/api/v1/assets/${draft.id}/publish`)
      .set(bearer(editor))
      .set('If-Match', v1.headers.etag)
      .send({ changeNote: 'nogmaals' })
      .expect(409);
    expect(again.body.code).toBe('nothing-to-publish');
  });

  it('archives with a successor and then refuses edits', async () => {
    const successor = await create(moduleBody(ppsId));
    await publishFirst(successor);
    const old = await create(moduleBody(ppsId));
    const v1 = await publishFirst(old);

    const selfSuccessor = await t
      .http()
      .post(`/api/v1/assets/${old.id}/archive`)
      .set(bearer(editor))
      .set('If-Match', v1.headers.etag)
      .send({ successorId: old.id })
      .expect(400);
    expect(selfSuccessor.body.errors[0].field).toBe('successorId');

    const archived = await t
      .http()
      .post(`/api/v1/assets/${old.id}/archive`)
      .set(bearer(editor))
      .set('If-Match', v1.headers.etag)
      .send({ successorId: successor.id })
      .expect(200);
    expect(archived.body).toMatchObject({ status: 'archived', successorId: successor.id });
    const edit = await t
      .http()
      .patch(`/api/v1/assets/${old.id}`)
      .set(bearer(editor))
      .set('If-Match', archived.headers.etag)
      .send({ title: 'Nieuwe titel' })
      .expect(409);
    expect(edit.body.code).toBe('asset-archived');
    await t.http().get(`/api/v1/assets/${old.id}`).expect(200);
  });

  it('refuses to archive a draft that was never published', async () => {
    const draft = await create(moduleBody(ppsId));
    const response = await t
      .http()
      .post(`/api/v1/assets/${draft.id}/archive`)
      .set(bearer(editor))
      .set('If-Match', `"${draft.revision}"`)
      .send({})
      .expect(409);
    expect(response.body.code).toBe('not-published');
  });

  it('discards a pending draft and keeps the published version', async () => {
    const draft = await create(moduleBody(ppsId));
    const v1 = await publishFirst(draft);
    const edited = await t
      .http()
      .patch(`/api/v1/assets/${draft.id}`)
      .set(bearer(editor))
      .set('If-Match', v1.headers.etag)
      .send({ title: 'Verworpen wijziging' })
      .expect(200);
    await t
      .http()
      .delete(`/api/v1/assets/${draft.id}/draft`)
      .set(bearer(editor))
      .set('If-Match', edited.headers.etag)
      .expect(204);
    const after = await t.http().get(`/api/v1/assets/${draft.id}`).set(bearer(editor)).expect(200);
    expect(after.body).toMatchObject({ title: v1.body.title, hasDraft: false, latestVersion: 1 });
  });

  it('removes a never-published asset when its draft is discarded', async () => {
    const draft = await create(moduleBody(ppsId));
    await t
      .http()
      .delete(`/api/v1/assets/${draft.id}/draft`)
      .set(bearer(editor))
      .set('If-Match', `"${draft.revision}"`)
      .expect(204);
    await t.http().get(`/api/v1/assets/${draft.id}`).set(bearer(editor)).expect(404);
  });

  it('links a curriculum to its modules and checks the kind of what it links', async () => {
    const module = await create(moduleBody(ppsId));
    const practice = await create(practiceBody(ppsId));
    const linked = await create(
      curriculumBody(ppsId, { curriculum: { creboCodes: ['25604'], moduleIds: [module.id] } }),
    );
    expect(
      (linked as unknown as { curriculum: { moduleIds: string[] } }).curriculum.moduleIds,
    ).toEqual([module.id]);
    const wrong = await t
      .http()
      .post('/api/v1/assets')
      .set(bearer(editor))
      .send(
        curriculumBody(ppsId, { curriculum: { creboCodes: ['25604'], moduleIds: [practice.id] } }),
      )
      .expect(400);
    expect(wrong.body.errors).toEqual([
      {
        field: 'curriculum.moduleIds.0',
        message: 'must be a module, not a practice',
        code: 'wrongKind',
        values: { expected: 'module', kind: 'practice' },
      },
    ]);
  });

  describe('listing', () => {
    it('filters by kind, PPS, status, lead institution, province and updated-since', async () => {
      const own = await create(infrastructureBody(ppsId));
      const byKindAndPps = await t
        .http()
        .get(`/api/v1/assets?kind=infrastructure&ppsId=${ppsId}&status=draft,published`)
        .set(bearer(editor))
        .expect(200);
      expect(byKindAndPps.body.items.map((item: { id: string }) => item.id)).toContain(own.id);
      expect(
        byKindAndPps.body.items.every(
          (item: { kind: string; pps: { id: string } }) =>
            item.kind === 'infrastructure' && item.pps.id === ppsId,
        ),
      ).toBe(true);

      const anonymousDrafts = await t
        .http()
        .get(`/api/v1/assets?status=draft&ppsId=${ppsId}`)
        .expect(200);
      expect(anonymousDrafts.body.totalItems).toBe(0);

      const pps = await t.http().get(`/api/v1/pps/${ppsId}`).expect(200);
      const byLead = await t
        .http()
        .get(`/api/v1/assets?leadInstitution=${pps.body.leadInstitution.id}&pageSize=100`)
        .set(bearer(editor))
        .expect(200);
      expect(
        byLead.body.items.every(
          (item: { pps: { leadInstitution: { id: string } } }) =>
            item.pps.leadInstitution.id === pps.body.leadInstitution.id,
        ),
      ).toBe(true);

      const flevoland = await t
        .http()
        .get('/api/v1/assets?province=flevoland&pageSize=100')
        .set(bearer(editor))
        .expect(200);
      expect(flevoland.body.items.some((item: { id: string }) => item.id === own.id)).toBe(false);

      const future = await t
        .http()
        .get('/api/v1/assets?updatedSince=2999-01-01T00:00:00Z')
        .expect(200);
      expect(future.body.totalItems).toBe(0);
    });

    it('walks pages newest first without gaps or repeats, counting only what the reader may see', async () => {
      await create(moduleBody(ppsId)); // a draft: its PPS's editors see it, others do not
      const walk = async (headers: Record<string, string>) => {
        const whole = await t.http().get('/api/v1/assets?pageSize=100').set(headers).expect(200);
        const seen: { id: string; updatedAt: string }[] = [];
        for (let pageNumber = 1; pageNumber <= Math.ceil(whole.body.totalItems / 3); pageNumber++) {
          const page = await t
            .http()
            .get(`/api/v1/assets?pageSize=3&pageNumber=${pageNumber}`)
            .set(headers)
            .expect(200);
          expect(page.body.totalItems).toBe(whole.body.totalItems);
          seen.push(...page.body.items);
        }
        return { whole: whole.body, seen };
      };
      for (const headers of [bearer(editor), {}]) {
        const { whole, seen } = await walk(headers);
        expect(whole.totalItems).toBeLessThanOrEqual(100);
        expect(seen.map((item) => item.id)).toEqual(
          whole.items.map((item: { id: string }) => item.id),
        );
        const times = seen.map((item) => Date.parse(item.updatedAt));
        expect(times).toEqual([...times].sort((a, b) => b - a));
      }
      const asEditor = (await walk(bearer(editor))).whole;
      const anonymous = (await walk({})).whole;
      expect(asEditor.totalItems).toBeGreaterThan(anonymous.totalItems);
      expect(anonymous.items.every((item: { status: string }) => item.status !== 'draft')).toBe(
        true,
      );
    });

    it('pages with capped limits', async () => {
      const page = await t
        .http()
        .get('/api/v1/assets?pageSize=2&pageNumber=1')
        .set(bearer(editor))
        .expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      expect(page.body).toMatchObject({ pageNumber: 1, pageSize: 2 });
      const tooBig = await t.http().get('/api/v1/assets?pageSize=101').expect(400);
      expect(tooBig.body.errors[0].field).toBe('pageSize');
    });
  });
});
