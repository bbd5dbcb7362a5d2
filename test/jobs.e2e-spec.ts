import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished as streamFinished } from 'node:stream/promises';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { zipBomb } from './fixtures/xlsx-builder';
import { PageBrowser } from './harness/page-browser';
import { curriculumWith, moduleBody } from './harness/fixtures';
import { ImportJob, finished } from './harness/imports';
import { Started, alive, ensureBuilt, run, waitFor } from './harness/processes';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

const JSONL = 'application/x-ndjson';

/** A JSON Lines file of `count` modules; every tenth row has no code of its own. */
function modules(ppsId: string, prefix: string, count: number): string {
  return Array.from({ length: count }, (_, index) => {
    const body = moduleBody(ppsId, { title: `${prefix} ${index}` });
    return JSON.stringify(index % 10 === 9 ? body : { ...body, sourceId: `${prefix}-${index}` });
  }).join('\n');
}

/**
 * Modules with, every fifth row, a curriculum built of the module just above it (as a file that
 * lists each curriculum under its module does): the curricula wait for the next batch.
 */
function mixed(ppsId: string, prefix: string, count: number): string {
  const rows = modules(ppsId, prefix, count).split('\n');
  return rows
    .map((row, index) =>
      index % 5 === 4
        ? JSON.stringify({
            ...curriculumWith(ppsId, [`${prefix}-${index - 1}`], { title: `${prefix} ${index}` }),
            sourceId: `${prefix}-${index}`,
          })
        : row,
    )
    .join('\n');
}

/**
 * Imports as jobs of the worker processes: the API only takes the file in. A worker killed
 * outright, a PPS's turn beside another's, the bound on a PPS's line, cancelling a running
 * import, and an upload cut off midway.
 */
describe('imports as background jobs (e2e, worker processes)', () => {
  let t: TestApp;
  let db: DataSource;
  let lead: TestUser;
  let otherLead: TestUser;
  let ppsId: string;
  let otherPps: string;
  const workers: Started[] = [];

  beforeAll(async () => {
    ensureBuilt();
    t = await createTestApp({ isolated: true, env: { IMPORT_MAX_JOBS_PER_PPS: '2' } });
    db = t.app.get(DataSource);
    ppsId = await t.ppsId('Techport mbo');
    otherPps = await t.ppsId('House of Logistics');
    lead = await t.user('pps-editor', [ppsId]);
    otherLead = await t.user('pps-editor', [otherPps]);
  });
  afterEach(async () => {
    for (const worker of workers.splice(0)) {
      worker.child.kill('SIGTERM');
      await worker.exited;
    }
  });
  afterAll(() => t.close());

  /** A worker process, as `npm run start:worker` starts it (with its heap cap). */
  async function startWorker(): Promise<Started> {
    const worker = run('node', ['--max-old-space-size=640', 'dist/apps/worker/src/main.js'], {
      ...t.workerEnv(),
      LOG_LEVEL: 'warn',
      JOB_LEASE_SECONDS: '5',
    });
    workers.push(worker);
    await waitFor(
      'the worker to start',
      () => worker.output().includes('jobs started'),
      30_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}:\n${worker.output()}`);
    });
    return worker;
  }

  const upload = (user: TestUser, pps: string, body: string, query = '', checkSimilar = false) =>
    t
      .http()
      .post(`/api/v1/imports?ppsId=${pps}&checkSimilar=${checkSimilar}${query}`)
      .set(bearer(user))
      .set('Content-Type', JSONL)
      .send(body);
  const job = async (user: TestUser, id: string): Promise<ImportJob> =>
    (await t.http().get(`/api/v1/imports/${id}`).set(bearer(user)).expect(200)).body;

  it('finishes an import whose worker was killed outright, in another worker, every row once', async () => {
    const first = await startWorker();
    const started = await upload(lead, ppsId, mixed(ppsId, 'Kill', 30_000)).expect(202);
    await waitFor(
      'the import to be under way',
      async () => (await job(lead, started.body.id)).totals.created >= 3000,
      60_000,
    );
    first.child.kill('SIGKILL');
    await first.exited;
    const killedAt = Date.now();
    const createdAtKill = (await job(lead, started.body.id)).totals.created;
    await startWorker();
    // Taken up by the other worker within 30 s of the kill (its lease ends in seconds): rows go
    // on being written. How long the remaining 27,000 rows then take is the machine's speed
    // (with two test files at a time on two cores, more than 30 s), so it is not timed here.
    await waitFor(
      'another worker to take the import up',
      async () => (await job(lead, started.body.id)).totals.created > createdAtKill,
      30_000,
    );
    expect(Date.now() - killedAt).toBeLessThan(30_000);
    const done = await finished(t, lead, started.body.id, 120_000);
    expect(done).toMatchObject({ status: 'done', error: null });
    expect(done.totals).toMatchObject({ created: 30_000, failed: 0 });
    const [counted] = await db.query(
      `SELECT count(*)::int AS blocks, count(DISTINCT v.title)::int AS titles
         FROM asset a JOIN asset_version v ON v.asset_id = a.id
        WHERE a.pps_id = $1 AND v.title LIKE 'Kill %'`,
      [ppsId],
    );
    expect(counted).toEqual({ blocks: 30_000, titles: 30_000 });
    // Each curriculum is built of the module above it, though the two went in different batches.
    const [linked] = await db.query(
      `SELECT count(*)::int AS curricula,
              count(*) FILTER (WHERE m.source_id = 'Kill-' || (substr(c.source_id, 6)::int - 1))::int AS linked
         FROM asset c
         JOIN asset_version v ON v.asset_id = c.id AND v.number = c.latest_version
         JOIN asset m ON m.id = ANY(v.component_ids)
        WHERE c.pps_id = $1 AND c.kind = 'curriculum' AND c.source_id LIKE 'Kill-%'`,
      [ppsId],
    );
    expect(linked).toEqual({ curricula: 6_000, linked: 6_000 });
    // The second attempt resumed where the first left off (it did not start over).
    const [{ attempt, checkpoint }] = await db.query(
      `SELECT attempt, checkpoint FROM import_job WHERE id = $1`,
      [done.id],
    );
    expect({ attempt, checkpoint }).toEqual({ attempt: 1, checkpoint: null });
    // The file went with the job; the lease with the attempt. (This job's: another job may hold
    // a lease of its own at this moment.)
    expect(await db.query(`SELECT 1 FROM import_file_chunk WHERE job_id = $1`, [done.id])).toEqual(
      [],
    );
    expect(await db.query(`SELECT 1 FROM job_lease WHERE job_id = $1`, [done.id])).toEqual([]);
  }, 240_000);

  it("runs another PPS's small import beside one PPS's big ones, and bounds a PPS's line", async () => {
    await startWorker();
    const big = await upload(lead, ppsId, modules(ppsId, 'Groot', 12_000)).expect(202);
    const second = await upload(lead, ppsId, modules(ppsId, 'Tweede', 10)).expect(202);
    // A third of the same PPS would pass IMPORT_MAX_JOBS_PER_PPS (2): refused, nothing kept.
    const third = await upload(lead, ppsId, modules(ppsId, 'Derde', 10)).expect(429);
    expect(third.headers['retry-after']).toBe('60');
    expect(third.body.code).toBe('import-too-many-waiting');
    await waitFor(
      'the big import to run',
      async () => (await job(lead, big.body.id)).status === 'running',
      30_000,
    );
    const asked = Date.now();
    const small = await upload(otherLead, otherPps, modules(otherPps, 'Klein', 1), '&dryRun=true');
    const smallDone = await finished(t, otherLead, small.body.id);
    expect(smallDone.status).toBe('done');
    expect(Date.now() - asked).toBeLessThan(5000);
    // Meanwhile the PPS's own second import waits its turn behind its first.
    expect((await job(lead, big.body.id)).status).toBe('running');
    expect((await job(lead, second.body.id)).status).toBe('queued');
    expect((await finished(t, lead, big.body.id)).status).toBe('done');
    expect((await finished(t, lead, second.body.id)).status).toBe('done');
  }, 180_000);

  it('cancels an import while it runs, and hands the turn on', async () => {
    await startWorker();
    // With "dit bestaat al" on: the rows it wrote are not checked after a cancel.
    const running = await upload(lead, ppsId, modules(ppsId, 'Stop', 12_000), '', true).expect(202);
    const next = await upload(lead, ppsId, modules(ppsId, 'Daarna', 5)).expect(202);
    await waitFor(
      'rows to be written',
      async () => (await job(lead, running.body.id)).totals.created > 0,
      30_000,
    );
    const asked = Date.now();
    await t.http().post(`/api/v1/imports/${running.body.id}/cancel`).set(bearer(lead)).expect(202);
    const cancelled = await finished(t, lead, running.body.id);
    expect(Date.now() - asked).toBeLessThan(5000);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.totals.created).toBeGreaterThan(0);
    expect(cancelled.totals.created).toBeLessThan(12_000);
    expect(cancelled.similarCheck).toEqual({ status: 'done', rowsLeft: 0 });
    expect((await finished(t, lead, next.body.id)).totals.created).toBe(5);
  }, 120_000);

  it('ends a job whose workers keep dying after IMPORT_MAX_ATTEMPTS, so it cannot crash them in a loop', async () => {
    const started = await upload(lead, ppsId, modules(ppsId, 'Steeds', 20_000)).expect(202);
    for (let attempt = 1; attempt <= 3; attempt++) {
      const worker = await startWorker();
      await waitFor(
        `attempt ${attempt} to write rows`,
        async () => {
          const [row] = await db.query(
            `SELECT attempt, status, created FROM import_job WHERE id = $1`,
            [started.body.id],
          );
          // Each attempt resumes and writes rows of its own before it is killed.
          return (
            row.status === 'running' && row.attempt === attempt - 1 && row.created >= attempt * 2000
          );
        },
        60_000,
      );
      worker.child.kill('SIGKILL'); // as an out-of-memory kill would, mid-file
      await worker.exited;
      workers.splice(workers.indexOf(worker), 1);
    }
    const survivor = await startWorker();
    const failed = await finished(t, lead, started.body.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/^De import is 3 keer onderbroken/);
    // What the attempts wrote stays; no worker takes the job up again.
    expect(failed.totals.created).toBeGreaterThanOrEqual(6000);
    expect(failed.totals.created).toBeLessThan(20_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(alive(survivor.child.pid!)).toBe(true);
    expect((await job(lead, started.body.id)).status).toBe('failed');
    expect(
      await db.query(`SELECT 1 FROM import_file_chunk WHERE job_id = $1`, [failed.id]),
    ).toEqual([]);
  }, 180_000);

  it("fails the issue's zip bomb and a 150 MB cell with Dutch reasons; the worker stays up under 400 MB", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bouwsteen-jobs-'));
    try {
      const worker = await startWorker();
      const bomb = join(dir, 'bom.xlsx');
      await zipBomb(bomb, 16_384);
      const bombJob = await t
        .http()
        .post(`/api/v1/imports?ppsId=${ppsId}`)
        .set(bearer(lead))
        .attach('file', readFileSync(bomb), 'bom.xlsx')
        .expect(202);
      const cell = join(dir, 'cel.csv');
      const out = createWriteStream(cell);
      out.write('kind,title\r\nmodule,"');
      const chunk = 'x'.repeat(1 << 20);
      for (let n = 0; n < 150; n++)
        if (!out.write(chunk))
          await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      out.end('"\r\n');
      await streamFinished(out);
      const cellJob = await t
        .http()
        .post(`/api/v1/imports?ppsId=${otherPps}`)
        .set(bearer(otherLead))
        .set('Content-Type', 'text/csv')
        .send(readFileSync(cell))
        .expect(202);
      const bombEnd = await finished(t, lead, bombJob.body.id);
      const cellEnd = await finished(t, otherLead, cellJob.body.id);
      expect(bombEnd).toMatchObject({ status: 'failed' });
      expect(bombEnd.error).toMatch(
        /^Het bestand is niet ingelezen: het bestand pakt uit tot meer dan/,
      );
      expect(cellEnd).toMatchObject({ status: 'failed' });
      expect(cellEnd.error).toMatch(/^Het bestand is niet ingelezen: /);
      // The same worker goes on, and never held more than 400 MB.
      const after = await upload(lead, ppsId, modules(ppsId, 'Daarna-bom', 3)).expect(202);
      expect((await finished(t, lead, after.body.id)).totals.created).toBe(3);
      expect(alive(worker.child.pid!)).toBe(true);
      const status = readFileSync(`/proc/${worker.child.pid}/status`, 'utf8');
      const peakMb = Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
      expect(peakMb).toBeLessThan(400);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it("says on the import page why a PPS's full line refuses a file, with Retry-After", async () => {
    // No worker runs: two waiting imports fill the line (IMPORT_MAX_JOBS_PER_PPS is 2 here).
    const waiting = [
      (await upload(otherLead, otherPps, modules(otherPps, 'Vol', 3)).expect(202)).body.id,
      (await upload(otherLead, otherPps, modules(otherPps, 'Voller', 3)).expect(202)).body.id,
    ];
    const browser = new PageBrowser(t);
    expect((await browser.signIn(otherLead)).status).toBe(303);
    await browser.get(`/mijn-pps/importeren?pps=${otherPps}`);
    const file = Buffer.from(
      '--grens\r\nContent-Disposition: form-data; name="file"; filename="derde.jsonl"\r\n' +
        `Content-Type: application/x-ndjson\r\n\r\n${modules(otherPps, 'Derde', 1)}\r\n--grens--\r\n`,
    );
    const page = await browser.postBytes(
      `/mijn-pps/importeren?pps=${otherPps}&_formulier=${encodeURIComponent(browser.token)}`,
      file,
      'multipart/form-data; boundary=grens',
    );
    expect(page.status).toBe(429);
    expect(page.headers['retry-after']).toBe('60');
    expect(page.text).toContain('Voor deze PPS staan al zoveel imports klaar');
    for (const id of waiting)
      await t.http().post(`/api/v1/imports/${id}/cancel`).set(bearer(otherLead)).expect(202);
  });

  it('lists the dead letters to admins only, under /api/v1', async () => {
    const admin = await t.user('admin');
    const list = await t.http().get('/api/v1/jobs/dead-letters').set(bearer(admin)).expect(200);
    expect(list.body).toMatchObject({ pageNumber: 1, items: expect.any(Array) });
    await t.http().get('/api/v1/jobs/dead-letters').set(bearer(lead)).expect(403);
    await t.http().get('/api/v1/jobs/dead-letters').expect(401);
    const gone = await t
      .http()
      .delete('/api/v1/jobs/dead-letters/00000000-0000-4000-8000-000000000000')
      .set(bearer(admin))
      .expect(404);
    expect(gone.body.code).toBe('job-dead-letter-not-found');
  });

  it('keeps nothing of an upload that was cut off midway', async () => {
    const before = await db.query(`SELECT count(*)::int AS n FROM import_job`);
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const part = modules(ppsId, 'Afgebroken', 2000);
    await new Promise<void>((resolve) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/v1/imports?ppsId=${ppsId}`,
        headers: {
          authorization: `Bearer ${lead.token}`,
          'content-type': JSONL,
          'content-length': String(Buffer.byteLength(part) * 2),
        },
      });
      req.on('error', () => resolve());
      req.write(part, () => setTimeout(() => (req.destroy(), resolve()), 300));
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await db.query(`SELECT count(*)::int AS n FROM import_job`)).toEqual(before);
    const [chunks] = await db.query(
      `SELECT count(*)::int AS n FROM import_file_chunk c
        WHERE NOT EXISTS (SELECT 1 FROM import_job j WHERE j.id = c.job_id)`,
    );
    expect(chunks.n).toBe(0);
  });
});
