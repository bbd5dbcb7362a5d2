import { fieldId } from '../libs/web/src/forms/field-errors';
import { html } from './harness/html';
import { reportOf, runImport } from './harness/imports';
import { PageBrowser } from './harness/page-browser';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';
import {
  curriculumBody,
  infrastructureBody,
  moduleBody,
  practiceBody,
  unique,
} from './harness/fixtures';

/** What each kind needs before it is published and a draft may leave out (issue 24). */
const SHARED = ['summary', 'keywords', 'sectors', 'levels', 'license', 'contacts'] as const;
const NEEDS = {
  module: [
    ...SHARED,
    'module.moduleType',
    'module.learningOutcomes',
    'module.studyLoad',
    'module.audiences',
    'module.learningMode',
    'module.deliveryModes',
    'module.certification',
  ],
  curriculum: [...SHARED, 'curriculum.moduleIds'],
  infrastructure: [...SHARED, 'infrastructure.model', 'infrastructure.natures'],
  practice: [...SHARED, 'practice.problem', 'practice.approach'],
} as const;

const BODIES: Record<string, (pps: string, moduleId: string) => Record<string, unknown>> = {
  module: (pps) => moduleBody(pps),
  curriculum: (pps, moduleId) =>
    curriculumBody(pps, {
      curriculum: { ...(curriculumBody(pps).curriculum as object), moduleIds: [moduleId] },
    }),
  infrastructure: (pps) => infrastructureBody(pps),
  practice: (pps) => practiceBody(pps),
};

describe('draft and publish are different bars (e2e)', () => {
  let t: TestApp;
  let editor: TestUser;
  let ppsId: string;
  /** A curriculum is built of modules: publishing one needs at least one. */
  let moduleId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ppsId = await t.ppsId('House of Digital');
    editor = await t.user('pps-editor', [ppsId]);
    moduleId = (await t.publish(editor, moduleBody(ppsId))).id;
  });
  afterAll(() => t.close());

  /** A draft as POST /assets makes it. */
  const draftOf = (body: Record<string, unknown>) =>
    t.http().post('/api/v1/assets').set(bearer(editor)).send(body).expect(201);
  /** POST …/publish at `revision`, to be expected by the caller. */
  const publishAt = (id: string, revision: number | string) =>
    t
      .http()
      .post(`/api/v1/assets/${id}/publish`)
      .set(bearer(editor))
      .set('If-Match', typeof revision === 'number' ? `"${revision}"` : revision)
      .send({});
  const checkOf = (id: string) =>
    t.http().get(`/api/v1/assets/${id}/publish-check`).set(bearer(editor)).expect(200);

  it.each(Object.keys(NEEDS) as (keyof typeof NEEDS)[])(
    'saves a %s draft with only a title, names every missing answer, and publishes once they are there',
    async (kind) => {
      const draft = await draftOf({ kind, ppsId, title: unique(`Alleen een titel (${kind})`) });
      expect(draft.body).toMatchObject({ status: 'draft', hasDraft: true });
      expect(draft.body.summary).toBeUndefined();

      const check = await checkOf(draft.body.id);
      expect(check.body).toEqual({
        hasDraft: true,
        version: 1,
        complete: false,
        missing: [...NEEDS[kind]],
        problems: NEEDS[kind].map((field) =>
          expect.objectContaining({ field, code: 'neededToPublish' }),
        ),
      });

      const refused = await publishAt(draft.body.id, draft.body.revision).expect(400);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body.errors).toEqual(
        NEEDS[kind].map((field) => ({
          field,
          message: 'is needed to publish',
          code: 'neededToPublish',
        })),
      );
      // Nothing changed: still a draft, nothing to harvest.
      await t.http().get(`/api/v1/assets/${draft.body.id}`).expect(404);

      const { kind: _kind, ppsId: _pps, title: _title, ...rest } = BODIES[kind](ppsId, moduleId);
      const completed = await t
        .http()
        .patch(`/api/v1/assets/${draft.body.id}`)
        .set(bearer(editor))
        .set('If-Match', `"${draft.body.revision}"`)
        .send(rest)
        .expect(200);
      const done = await checkOf(draft.body.id);
      expect(done.body).toEqual({
        hasDraft: true,
        version: 1,
        complete: true,
        missing: [],
        problems: [],
      });
      await publishAt(draft.body.id, completed.body.revision).expect(200);
    },
  );

  it('checks the published version when there is no draft: nothing to publish, and complete', async () => {
    const published = await t.publish(editor, moduleBody(ppsId));
    const check = await checkOf(published.id);
    expect(check.body).toEqual({
      hasDraft: false,
      version: 1,
      complete: true,
      missing: [],
      problems: [],
    });
    // A change opens version 2 as a draft: that is what the check looks at then.
    const edited = await t
      .http()
      .patch(`/api/v1/assets/${published.id}`)
      .set(bearer(editor))
      .set('If-Match', published.etag)
      .send({ title: unique('Herziene titel') })
      .expect(200);
    expect(edited.body.hasDraft).toBe(true);
    const draftCheck = await checkOf(published.id);
    expect(draftCheck.body).toEqual({
      hasDraft: true,
      version: 2,
      complete: true,
      missing: [],
      problems: [],
    });
  });

  it('takes text that shows nothing (fillers, marks, soft hyphens) for missing', async () => {
    // (Invisible format characters such as U+2062 are refused outright: form-edges covers them.)
    const blank = '\u3164\u200e\u00ad\u2800\u034f'.repeat(3);
    const draft = await draftOf(
      moduleBody(ppsId, {
        summary: blank,
        module: {
          ...(moduleBody(ppsId).module as object),
          learningOutcomes: [{ text: '\u3164\u3164\u3164\u3164' }],
        },
      }),
    );
    const refused = await publishAt(draft.body.id, draft.body.revision).expect(400);
    expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'summary',
      'module.learningOutcomes',
    ]);
  });

  it('only editors of the PPS may ask what a draft still needs', async () => {
    const other = await t.user('pps-editor', [await t.ppsId('Techport mbo')]);
    const draft = await draftOf({
      kind: 'practice',
      ppsId,
      title: unique('Concept van een ander'),
    });
    await t
      .http()
      .get(`/api/v1/assets/${draft.body.id}/publish-check`)
      .set(bearer(other))
      .expect(404);
    await t.http().get(`/api/v1/assets/${draft.body.id}/publish-check`).expect(401);
  });

  it('saves a physical environment without a location as a draft, and asks for one when publishing', async () => {
    const body = infrastructureBody(ppsId);
    const draft = await draftOf({
      ...body,
      infrastructure: { model: 'central', natures: ['physical'] },
    });
    const refused = await publishAt(draft.body.id, draft.body.revision).expect(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'infrastructure.locations', code: 'physicalNeedsLocation' }),
    ]);
    const check = await checkOf(draft.body.id);
    expect(check.body.missing).toEqual(['infrastructure.locations']);
  });

  it('publishes a curriculum only with modules a reader can open: not a draft, not an archived one', async () => {
    const draftModule = await draftOf(moduleBody(ppsId));
    const curriculum = await draftOf(BODIES.curriculum(ppsId, draftModule.body.id));
    const publish = (revision: number) => publishAt(curriculum.body.id, revision);
    const refused = await publish(curriculum.body.revision).expect(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'curriculum.moduleIds.0', code: 'referenceNotPublished' }),
    ]);
    const check = await checkOf(curriculum.body.id);
    expect(check.body).toMatchObject({ complete: false, missing: [] });
    expect(check.body.problems).toEqual(refused.body.errors);
    // The check page says why, at the list the editor shows the modules in.
    const browser = new PageBrowser(t);
    expect((await browser.signIn(editor)).status).toBe(303);
    const page = html(await browser.get(`/mijn-pps/bouwstenen/${curriculum.body.id}/publiceren`));
    const reason = page.querySelector('#ontbreekt-titel')?.parentNode?.querySelector('li');
    expect(reason?.querySelector('a')?.getAttribute('href')).toBe(
      `/mijn-pps/bouwstenen/${curriculum.body.id}#${fieldId('curriculum.moduleIds')}`,
    );
    expect(reason?.text).toContain('nog een concept');
    const buttons = page.querySelectorAll('main button').map((button) => button.text.trim());
    expect(buttons.filter((text) => /publiceren$/i.test(text))).toEqual([]);
    // Nothing public names the draft module.
    await t.http().get(`/api/v1/assets/${curriculum.body.id}`).expect(404);

    // Published, then archived: a new curriculum may not be built on it either.
    const published = await publishAt(draftModule.body.id, draftModule.body.revision).expect(200);
    await t
      .http()
      .post(`/api/v1/assets/${draftModule.body.id}/archive`)
      .set(bearer(editor))
      .set('If-Match', published.headers.etag)
      .send({})
      .expect(200);
    const archived = await publish(curriculum.body.revision).expect(400);
    expect(archived.body.errors).toEqual([
      expect.objectContaining({ field: 'curriculum.moduleIds.0', code: 'referenceArchived' }),
    ]);

    // With a published module in its place it publishes.
    const fixed = await t
      .http()
      .patch(`/api/v1/assets/${curriculum.body.id}`)
      .set(bearer(editor))
      .set('If-Match', `"${curriculum.body.revision}"`)
      .send({ curriculum: { ...(BODIES.curriculum(ppsId, moduleId).curriculum as object) } })
      .expect(200);
    const done = await publish(fixed.body.revision).expect(200);
    expect(done.body.curriculum.moduleIds).toEqual([moduleId]);
  });

  it('takes a contact of only a role for none: it reaches nobody', async () => {
    const draft = await draftOf(practiceBody(ppsId, { contacts: [{ role: 'Projectleider' }] }));
    const refused = await publishAt(draft.body.id, draft.body.revision).expect(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'contacts', code: 'contactNeedsWho' }),
    ]);
    const reachable = await t
      .http()
      .patch(`/api/v1/assets/${draft.body.id}`)
      .set(bearer(editor))
      .set('If-Match', `"${draft.body.revision}"`)
      .send({ contacts: [{ role: 'Projectleider', email: 'stage@example.nl' }] })
      .expect(200);
    await publishAt(draft.body.id, reachable.body.revision).expect(200);
  });

  it('refuses a reference to a draft discarded since, and never tells another PPS that an id is its draft', async () => {
    const gone = await draftOf(moduleBody(ppsId));
    const curriculum = await draftOf(BODIES.curriculum(ppsId, gone.body.id));
    await t
      .http()
      .delete(`/api/v1/assets/${gone.body.id}/draft`)
      .set(bearer(editor))
      .set('If-Match', `"${gone.body.revision}"`)
      .expect(204);
    const refused = await publishAt(curriculum.body.id, curriculum.body.revision).expect(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'curriculum.moduleIds.0', code: 'unknownAsset' }),
    ]);
    expect((await checkOf(curriculum.body.id)).body.complete).toBe(false);

    // Another PPS's draft and an id nobody has read the same in a publishing import.
    await t.startWorker();
    const otherPps = await t.ppsId('Techport mbo');
    const other = await t.user('pps-editor', [otherPps]);
    const hidden = await t
      .http()
      .post('/api/v1/assets')
      .set(bearer(other))
      .send(moduleBody(otherPps))
      .expect(201);
    const rows = [hidden.body.id, '00000000-0000-4000-8000-000000000009'].map((id, n) =>
      JSON.stringify({
        ...BODIES.curriculum(ppsId, id),
        ppsId: undefined,
        sourceId: `VERBORGEN-${n}`,
      }),
    );
    for (const dryRun of [true, false]) {
      const job = await runImport(t, editor, ppsId, rows.join('\n'), {
        type: 'application/x-ndjson',
        publish: true,
        dryRun,
      });
      const lines = (await reportOf(t, editor, job.id)).filter((line) => line.severity === 'error');
      const byRow = lines.map((line) => [line.sourceId, line.message]);
      expect(byRow).toHaveLength(2);
      expect(byRow[0][1]).toBe(byRow[1][1]);
    }
  });
});
