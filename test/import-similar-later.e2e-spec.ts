import { DataSource } from 'typeorm';
import { TransactionRunner } from '@bouwsteen/database';
import { ImportJobsRepository, ImportSimilarRowsRepository } from '@bouwsteen/imports';
import { COBOT_MODULE, COBOT_REWRITE, comparedModule, moduleBody } from './harness/fixtures';
import { ImportJob, finished, reportOf } from './harness/imports';
import { Started, ensureBuilt, run, waitFor } from './harness/processes';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

const JSONL = 'application/x-ndjson';

describe('"dit bestaat al" after the import, when workers die or the report is full (e2e, worker processes)', () => {
  let t: TestApp;
  let db: DataSource;
  let lead: TestUser;
  let otherLead: TestUser;
  let ppsId: string;
  let otherPps: string;
  const workers: Started[] = [];

  const copy = (pps: string, code: string) => ({
    ...comparedModule(pps, COBOT_REWRITE),
    sourceId: code,
  });

  beforeAll(async () => {
    ensureBuilt();
    t = await createTestApp({ isolated: true });
    db = t.app.get(DataSource);
    ppsId = await t.ppsId('PPS TechPack Flevoland');
    otherPps = await t.ppsId('Techport mbo');
    lead = await t.user('pps-editor', [ppsId]);
    otherLead = await t.user('pps-editor', [otherPps]);
  }, 120_000);
  afterEach(async () => {
    for (const worker of workers.splice(0)) {
      worker.child.kill('SIGTERM');
      await worker.exited;
    }
  });
  afterAll(() => t.close());

  async function startWorker(env: Record<string, string> = {}): Promise<Started> {
    const worker = run('node', ['--max-old-space-size=640', 'dist/apps/worker/src/main.js'], {
      ...t.workerEnv(),
      LOG_LEVEL: 'warn',
      JOB_LEASE_SECONDS: '5',
      IMPORT_BATCH_ROWS: '50',
      ...env,
    });
    workers.push(worker);
    await waitFor('the worker to start', () => worker.output().includes('jobs started'), 30_000);
    return worker;
  }
  const upload = (user: TestUser, pps: string, body: string) =>
    t
      .http()
      .post(`/api/v1/imports?ppsId=${pps}&checkSimilar=true`)
      .set(bearer(user))
      .set('Content-Type', JSONL)
      .send(body);
  const job = async (user: TestUser, id: string): Promise<ImportJob> =>
    (await t.http().get(`/api/v1/imports/${id}`).set(bearer(user)).expect(200)).body;

  it('checks every created row although the worker died between writing a batch and recording its check input', async () => {
    const first = await startWorker();
    await t.publish(otherLead, comparedModule(otherPps, COBOT_MODULE));
    await t.indexed();
    // Hold the table: the first batch writes its rows, then its check input waits.
    const lock = db.createQueryRunner();
    await lock.connect();
    await lock.startTransaction();
    await lock.query(`LOCK TABLE import_similar_row IN EXCLUSIVE MODE`);
    const file = Array.from({ length: 200 }, (_, i) =>
      JSON.stringify(copy(ppsId, `LOST-${i}`)),
    ).join('\n');
    const started = await upload(lead, ppsId, file).expect(202);
    await waitFor(
      'the first batch to wait on import_similar_row',
      async () =>
        (
          await db.query(
            `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO import_similar_row%'`,
          )
        ).length > 0,
      60_000,
    );
    first.child.kill('SIGKILL');
    await first.exited;
    await lock.rollbackTransaction();
    await lock.release();
    await startWorker();
    const done = await finished(t, lead, started.body.id, 120_000);
    const findings = (await reportOf(t, lead, started.body.id)).filter(
      (l) => l.severity === 'similar',
    );
    const checkedRows = new Set(findings.map((l) => l.sourceId));
    expect(done.totals.created).toBe(200);
    expect(checkedRows.size).toBe(200);
  }, 240_000);

  it('drops the check of a requeued import cancelled while it waits, rather than wait for ever', async () => {
    const first = await startWorker();
    const file = Array.from({ length: 3000 }, (_, i) =>
      JSON.stringify({ ...moduleBody(ppsId, { title: `Annuleer ${i}` }), sourceId: `CAN-${i}` }),
    ).join('\n');
    const started = await upload(lead, ppsId, file).expect(202);
    const id = started.body.id;
    await waitFor(
      'rows waiting for their check',
      async () => {
        const j = await job(lead, id);
        return j.status === 'running' && j.similarCheck.rowsLeft >= 100;
      },
      60_000,
    );
    first.child.kill('SIGKILL');
    await first.exited;
    await startWorker();
    let cancelled: ImportJob | undefined;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const j = await job(lead, id);
      if (j.status === 'queued') {
        const r = await t.http().post(`/api/v1/imports/${id}/cancel`).set(bearer(lead));
        cancelled = r.body;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(cancelled?.status).toBe('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    const after = await job(lead, id);
    const [{ rows }] = await db.query(
      `SELECT count(*)::int AS rows FROM import_similar_row WHERE job_id = $1`,
      [id],
    );
    expect(after.similarCheck.status).not.toBe('waiting');
    expect(rows).toBe(0);
  }, 240_000);

  it("finds no draft of another PPS, and keeps the findings when the import's problems fill IMPORT_MAX_REPORT_LINES", async () => {
    await startWorker({ IMPORT_MAX_REPORT_LINES: '100', IMPORT_BATCH_ROWS: '1000' });
    const weld = (pps: string, code: string) => ({
      ...comparedModule(pps, {
        title: 'Lassen voor beginners in de werkplaats',
        summary: 'Basistechnieken van het booglassen en MIG-lassen in de werkplaats voor starters.',
        keywords: ['lassen', 'booglassen', 'mig'],
        outcomes: ['Last een hoeknaad met een beklede elektrode'],
      }),
      sourceId: code,
    });
    // Another PPS's drafts (imported, not published) with the very same text.
    const drafts = await t
      .http()
      .post(`/api/v1/imports?ppsId=${otherPps}&checkSimilar=false&publish=false`)
      .set(bearer(otherLead))
      .set('Content-Type', JSONL)
      .send(
        Array.from({ length: 5 }, (_, i) => JSON.stringify(weld(otherPps, `DRAFT-${i}`))).join(
          '\n',
        ),
      )
      .expect(202);
    await finished(t, otherLead, drafts.body.id, 60_000);
    await t.indexed();
    const mine = await upload(
      lead,
      ppsId,
      Array.from({ length: 5 }, (_, i) => JSON.stringify(weld(ppsId, `WELD-${i}`))).join('\n'),
    ).expect(202);
    const mineDone = await finished(t, lead, mine.body.id, 60_000);
    const leaked = (await reportOf(t, lead, mine.body.id)).filter((l) => l.severity === 'similar');
    expect(leaked.length).toBe(0);
    expect(mineDone.totals.similar).toBe(0);

    await t.publish(otherLead, comparedModule(otherPps, COBOT_MODULE));
    await t.indexed();
    // 20 rows with a finding first in the file, then 150 rows that fail (no title).
    const rows = [
      ...Array.from({ length: 20 }, (_, i) => JSON.stringify(copy(ppsId, `CAP-${i}`))),
      ...Array.from({ length: 150 }, (_, i) =>
        JSON.stringify({ ...moduleBody(ppsId), title: '', sourceId: `BAD-${i}` }),
      ),
    ].join('\n');
    const capped = await upload(lead, ppsId, rows).expect(202);
    const cappedDone = await finished(t, lead, capped.body.id, 120_000);
    expect(cappedDone.totals).toMatchObject({ created: 20, similar: 20 });
    const lines = await reportOf(t, lead, capped.body.id);
    // The import's problems fill its 100 lines; the findings have room of their own.
    expect(lines.filter((l) => l.severity !== 'similar')).toHaveLength(100);
    expect(lines.filter((l) => l.severity === 'similar').length).toBeGreaterThanOrEqual(20);
  }, 300_000);

  it('strikes a row off once when two checks of one import meet (an attempt taken over): one gets its findings', async () => {
    const jobs = t.app.get(ImportJobsRepository);
    const rows = t.app.get(ImportSimilarRowsRepository);
    const tx = t.app.get(TransactionRunner);
    const job = await tx.run((manager) =>
      jobs.create(manager, {
        ppsId,
        createdBy: lead.id,
        format: 'jsonl',
        fileName: 'twee.jsonl',
        dryRun: false,
        publish: false,
        checkSimilar: true,
      }),
    );
    const query = {
      title: 'x',
      summary: '',
      learningOutcomes: [],
      keywords: [],
      levels: [],
      creboCodes: [],
    };
    await tx.run((manager) =>
      rows.add(
        manager,
        job.id,
        Array.from({ length: 40 }, (_, i) => ({
          position: i + 1,
          row: `regel ${i + 1}`,
          sourceId: null,
          assetId: null,
          title: 'x',
          query,
        })),
      ),
    );
    const positions = Array.from({ length: 40 }, (_, i) => i + 1);
    const [first, second] = await Promise.all(
      [positions, [...positions].reverse()].map((order) =>
        tx.run((manager) => rows.strike(manager, job.id, order)),
      ),
    );
    expect([...first.removed, ...second.removed].sort((a, b) => a - b)).toEqual(positions);
    expect(first.removed.filter((position) => second.removed.includes(position))).toEqual([]);
    expect((await jobs.find(job.id))!.similarLeft).toBe(0);
  });
});
