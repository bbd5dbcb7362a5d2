import { DataSource } from 'typeorm';
import { curriculumBody, moduleBody } from './harness/fixtures';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

/**
 * Every read inside a write transaction uses that transaction's connection: with a pool of 4,
 * a burst of 12 edits (each validating references, licenses and successors) all complete.
 */
describe('one transaction, one connection (e2e, pool of 4)', () => {
  let t: TestApp;
  let editor: TestUser;
  let ppsId: string;

  beforeAll(async () => {
    t = await createTestApp({
      isolated: true,
      env: { DATABASE_POOL_SIZE: '4', DATABASE_CONNECT_TIMEOUT_MS: '4000' },
    });
    ppsId = await t.ppsId('Techport mbo');
    editor = await t.user('pps-editor', [ppsId]);
  });
  afterAll(() => t.close());

  it('completes 12 concurrent edits, archives and derivative license changes', async () => {
    const modules: { id: string; etag: string }[] = [];
    for (let i = 0; i < 4; i++) modules.push(await t.publish(editor, moduleBody(ppsId)));
    const curricula = [];
    for (let i = 0; i < 4; i++)
      curricula.push(
        await t.publish(
          editor,
          curriculumBody(ppsId, {
            curriculum: {
              creboCodes: ['25923'],
              learningPaths: ['bbl'],
              moduleIds: modules.map((module) => module.id),
            },
          }),
        ),
      );
    const derived = [];
    for (let i = 0; i < 4; i++) {
      const created = await t
        .http()
        .post(`/api/v1/assets/${modules[i].id}/derive`)
        .set(bearer(editor))
        .send({ ppsId })
        .expect(201);
      derived.push({ id: created.body.id, etag: `"${created.body.revision}"` });
    }
    const started = Date.now();
    const requests = [
      ...curricula.map((curriculum) =>
        t
          .http()
          .patch(`/api/v1/assets/${curriculum.id}`)
          .set(bearer(editor))
          .set('If-Match', curriculum.etag)
          .send({ summary: 'Bijgewerkt in een drukke minuut.' }),
      ),
      ...derived.map((draft) =>
        t
          .http()
          .patch(`/api/v1/assets/${draft.id}`)
          .set(bearer(editor))
          .set('If-Match', draft.etag)
          .send({ license: 'CC-BY-SA-4.0', title: 'Afgeleide met dezelfde licentie' }),
      ),
      ...modules.map((module, index) =>
        t
          .http()
          .post(`/api/v1/assets/${module.id}/archive`)
          .set(bearer(editor))
          .set('If-Match', module.etag)
          .send({ successorId: modules[(index + 1) % modules.length].id }),
      ),
    ];
    const statuses = (await Promise.all(requests)).map((response) => response.status);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(200));
    // Archiving names a successor that may itself be archived by the time it is checked.
    expect(statuses.slice(8).filter((status) => status !== 200 && status !== 400)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it('runs every pooled connection without JIT (short queries; compiling cost more than running)', async () => {
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => t.app.get(DataSource).query(`SHOW jit`)),
    );
    expect(answers.map(([row]) => row.jit)).toEqual(['off', 'off', 'off', 'off']);
  });
});
