import { DataSource } from 'typeorm';
import { moduleBody } from './harness/fixtures';
import { ImportJob, csv, finished, runImport } from './harness/imports';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

const JSONL = 'application/x-ndjson';

/**
 * "Nu echt importeren": after a dry run, the real import of the same file without sending it
 * again — once, by who may import into the PPS, while the file is kept.
 */
describe('importing a dry run’s file for real (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let lead: TestUser;
  let otherLead: TestUser;
  let teacher: TestUser;
  let ppsId: string;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    await t.startWorker();
    db = t.app.get(DataSource);
    ppsId = await t.ppsId('Techport mbo');
    lead = await t.user('pps-editor', [ppsId]);
    otherLead = await t.user('pps-editor', [await t.ppsId('House of Logistics')]);
    teacher = await t.user('teacher', [ppsId]);
  });
  afterAll(() => t.close());

  /** A JSON Lines file of `count` good modules with codes starting with `prefix`. */
  const modules = (prefix: string, count = 2) =>
    Array.from({ length: count }, (_, index) =>
      JSON.stringify({ ...moduleBody(ppsId), sourceId: `${prefix}-${index}` }),
    ).join('\n');
  const run = (user: TestUser | undefined, id: string, query = '') =>
    t.http().post(`/api/v1/imports/${id}/run${query}`).set(bearer(user));
  const chunksOf = async (id: string): Promise<number> =>
    (await db.query(`SELECT count(*)::int AS n FROM import_file_chunk WHERE job_id = $1`, [id]))[0]
      .n;
  const dryRun = (file: string) =>
    runImport(t, lead, ppsId, file, { type: JSONL, dryRun: true }) as Promise<
      ImportJob & { fileKeptUntil: string | null }
    >;

  it('imports the dry run’s file for real, once, without sending it again', async () => {
    const dry = await dryRun(modules('RUN'));
    expect(dry).toMatchObject({ status: 'done', totals: expect.objectContaining({ created: 2 }) });
    expect(Date.parse(dry.fileKeptUntil!)).toBeGreaterThan(Date.now() + 23 * 3600_000);
    expect(await chunksOf(dry.id)).toBeGreaterThan(0);

    const started = await run(lead, dry.id).expect(202);
    expect(started.body).toMatchObject({ dryRun: false, publish: false, dryRunId: dry.id });
    const real = await finished(t, lead, started.body.id);
    expect(real).toMatchObject({ status: 'done', error: null });
    expect(real.totals).toMatchObject({ created: 2, failed: 0 });
    const after = (await t.http().get(`/api/v1/imports/${dry.id}`).set(bearer(lead)).expect(200))
      .body;
    expect(after).toMatchObject({ realImportId: real.id, fileKeptUntil: null });
    // The file moved on with the real import, and went with its end.
    expect(await chunksOf(dry.id)).toBe(0);
    expect(await chunksOf(real.id)).toBe(0);
    // A second click answers the import the first one started.
    expect((await run(lead, dry.id).expect(202)).body.id).toBe(real.id);
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM import_job WHERE from_dry_run = $1`,
      [dry.id],
    );
    expect(n).toBe(1);
  });

  it('starts one import when two clicks arrive at once, and publishes when asked', async () => {
    const dry = await dryRun(modules('RACE', 3));
    const [first, second, third] = await Promise.all([
      run(lead, dry.id, '?publish=true'),
      run(lead, dry.id, '?publish=true'),
      run(lead, dry.id, '?publish=true'),
    ]);
    expect([first.status, second.status, third.status]).toEqual([202, 202, 202]);
    expect(new Set([first.body.id, second.body.id, third.body.id]).size).toBe(1);
    const real = await finished(t, lead, first.body.id);
    expect(real.totals).toMatchObject({ created: 3, published: 3, failed: 0 });
  });

  it('lets only who may import into the PPS start it', async () => {
    const dry = await dryRun(modules('WHO'));
    await run(undefined, dry.id).expect(401);
    await run(teacher, dry.id).expect(403);
    // Another PPS's lead does not even see the dry run.
    const foreign = await run(otherLead, dry.id).expect(404);
    expect(foreign.headers['content-type']).toContain('application/problem+json');
    // Someone who started it and no longer edits the PPS may read it, not import into it.
    const former = await t.user('pps-editor', [ppsId]);
    const theirs = await runImport(t, former, ppsId, modules('FORMER'), {
      type: JSONL,
      dryRun: true,
    });
    await db.query(`DELETE FROM pps_membership WHERE user_id = $1`, [former.id]);
    await t.http().get(`/api/v1/imports/${theirs.id}`).set(bearer(former)).expect(200);
    expect((await run(former, theirs.id).expect(403)).body.status).toBe(403);
    expect(await chunksOf(dry.id)).toBeGreaterThan(0);
  });

  it('says when the file is no longer kept (410), or the import is no finished dry run (409)', async () => {
    const dry = await dryRun(modules('GONE'));
    await db.query(
      `UPDATE import_job SET file_kept_until = now() - interval '1 minute' WHERE id = $1`,
      [dry.id],
    );
    const gone = await run(lead, dry.id).expect(410);
    expect(gone.body).toMatchObject({ code: 'import-file-gone', status: 410 });
    // The next import that ends takes the expired file away.
    expect(await chunksOf(dry.id)).toBeGreaterThan(0);
    const real = await runImport(t, lead, ppsId, modules('NEXT', 1), { type: JSONL });
    expect(await chunksOf(dry.id)).toBe(0);
    expect((await run(lead, real.id).expect(409)).body.code).toBe('import-not-runnable');
    // A dry run that could not read its file keeps nothing: there is nothing to import.
    const failed = await runImport(t, lead, ppsId, csv(['Soort', 'Titl'], [['Module', 'x']]), {
      dryRun: true,
    });
    expect(failed.status).toBe('failed');
    expect(await chunksOf(failed.id)).toBe(0);
    expect((await run(lead, failed.id).expect(409)).body.code).toBe('import-not-runnable');
    await run(lead, '00000000-0000-4000-8000-000000000001').expect(404);
    await run(lead, 'geen-id').expect(400);
  });

  it('keeps the files of a PPS’s newest dry runs only (IMPORT_MAX_JOBS_PER_PPS)', async () => {
    const pps = await t.ppsId('Lelytalent');
    const owner = await t.user('pps-editor', [pps]);
    const jobs: ImportJob[] = [];
    for (let index = 0; index < 6; index++)
      jobs.push(
        await runImport(
          t,
          owner,
          pps,
          JSON.stringify({ ...moduleBody(pps), sourceId: `KEEP-${index}` }),
          { type: JSONL, dryRun: true },
        ),
      );
    expect(await chunksOf(jobs[0].id)).toBe(0);
    for (const job of jobs.slice(1)) expect(await chunksOf(job.id)).toBeGreaterThan(0);
    expect((await run(owner, jobs[0].id).expect(410)).body.code).toBe('import-file-gone');
    await run(owner, jobs[5].id).expect(202);
  });
});
