import { stringify } from 'qs';
import { fieldId } from '../libs/web/src/forms/field-errors';
import { moduleBody, practiceBody } from './harness/fixtures';
import { html } from './harness/html';
import { PageBrowser } from './harness/page-browser';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

/**
 * Clearing a field: a draft may be without what publishing needs, so `null` in a PATCH (or an
 * emptied form field) clears it; what a draft needs to be saved (the title) stays required; a
 * published block refuses to lose what publishing needs, at the field, in Dutch, never a 500.
 */
describe('clearing fields of drafts and published blocks (e2e)', () => {
  let t: TestApp;
  let editor: TestUser;
  let ppsId: string;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    ppsId = await t.ppsId('Techport mbo');
    editor = await t.user('pps-editor', [ppsId]);
  });
  afterAll(() => t.close());

  const read = async (id: string) =>
    (await t.http().get(`/api/v1/assets/${id}`).set(bearer(editor)).expect(200)).body;

  const patch = (id: string, revision: string, body: Record<string, unknown>) =>
    t.http().patch(`/api/v1/assets/${id}`).set(bearer(editor)).set('If-Match', revision).send(body);

  describe('through the API', () => {
    it('clears a draft’s summary, licence and its kind’s fields with null; the publish check asks for them again', async () => {
      const body = moduleBody(ppsId);
      const draft = await t.http().post('/api/v1/assets').set(bearer(editor)).send(body);
      expect(draft.status).toBe(201);
      const cleared = await patch(draft.body.id, `"${draft.body.revision}"`, {
        summary: null,
        license: null,
        module: { ...(body.module as object), studyLoad: null, moduleType: null },
      });
      expect(cleared.status).toBe(200);
      const after = await read(draft.body.id);
      expect(after).not.toHaveProperty('summary');
      expect(after).not.toHaveProperty('license');
      expect(after.module).not.toHaveProperty('studyLoad');
      expect(after.module).not.toHaveProperty('moduleType');
      expect(after.module.audiences).toEqual(['worker']);
      const check = await t
        .http()
        .get(`/api/v1/assets/${draft.body.id}/publish-check`)
        .set(bearer(editor))
        .expect(200);
      expect(check.body.missing).toEqual([
        'summary',
        'license',
        'module.moduleType',
        'module.studyLoad',
      ]);
    });

    it('clears a good practice’s problem with null', async () => {
      const draft = await t
        .http()
        .post('/api/v1/assets')
        .set(bearer(editor))
        .send(practiceBody(ppsId))
        .expect(201);
      const section = (await read(draft.body.id)).practice;
      await patch(draft.body.id, `"${draft.body.revision}"`, {
        practice: { ...section, problem: null },
      }).expect(200);
      expect((await read(draft.body.id)).practice).not.toHaveProperty('problem');
    });

    it('keeps the title required: null is a 400 naming it', async () => {
      const draft = await t
        .http()
        .post('/api/v1/assets')
        .set(bearer(editor))
        .send(moduleBody(ppsId))
        .expect(201);
      const refused = await patch(draft.body.id, `"${draft.body.revision}"`, { title: null });
      expect(refused.status).toBe(400);
      expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual(['title']);
    });

    it('refuses to clear what publishing needs on a published block: 400 at the field, nothing changed', async () => {
      const published = await t.publish(editor, moduleBody(ppsId));
      for (const body of [
        { summary: null },
        { license: null },
        { module: { ...(moduleBody(ppsId).module as object), studyLoad: null } },
      ]) {
        const field = Object.keys(body)[0] === 'module' ? 'module.studyLoad' : Object.keys(body)[0];
        const refused = await patch(published.id, published.etag, body);
        expect({ field, status: refused.status }).toEqual({ field, status: 400 });
        expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(refused.body.errors).toEqual([
          expect.objectContaining({ field, code: 'keptWhilePublished' }),
        ]);
      }
      const after = await read(published.id);
      expect(after).toMatchObject({ hasDraft: false, status: 'published' });
      expect(after.summary).toEqual(expect.any(String));
      // Editing other fields of the published block still opens its next version.
      await patch(published.id, published.etag, { description: null }).expect(200);
    });
  });

  describe('on the form', () => {
    let browser: PageBrowser;

    beforeAll(async () => {
      browser = new PageBrowser(t);
      expect((await browser.signIn(editor)).status).toBe(303);
    });

    /** The edit form of `id` as the browser posts it, with `summary` as typed. */
    async function postForm(id: string, summary: string) {
      await browser.get(`/mijn-pps/bouwstenen/${id}`);
      const block = await read(id);
      return browser.post(
        `/mijn-pps/bouwstenen/${id}`,
        stringify(
          {
            _formulier: browser.token,
            revisie: String(block.revision),
            title: block.title,
            summary,
            license: block.license,
            levels: block.levels,
            sectors: block.sectors,
            module: { ...block.module, studyLoad: { value: '2', unit: 'ects' } },
          },
          { arrayFormat: 'brackets', encodeValuesOnly: true },
        ),
      );
    }

    it('saves an emptied summary of a draft as empty', async () => {
      const draft = await t
        .http()
        .post('/api/v1/assets')
        .set(bearer(editor))
        .send(moduleBody(ppsId))
        .expect(201);
      const saved = await postForm(draft.body.id, '');
      expect(saved.status).toBe(303);
      expect(await read(draft.body.id)).not.toHaveProperty('summary');
    });

    it('shows the form again with a Dutch message at the summary of a published block', async () => {
      const published = await t.publish(editor, moduleBody(ppsId));
      const refused = await postForm(published.id, '');
      expect(refused.status).toBe(400);
      expect(html(refused).querySelector(`#${fieldId('summary')}-fout`)?.text).toContain(
        'Deze bouwsteen is gepubliceerd en kan niet zonder dit veld',
      );
      expect((await read(published.id)).hasDraft).toBe(false);
    });
  });
});
