import { INestApplicationContext } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  DeadLettersService,
  JobAttempt,
  JobData,
  JobEngine,
  JobEndReason,
  JobHandler,
  JobQueueName,
  JobRunner,
  LeaseLostError,
} from '@bouwsteen/jobs';
import { principalFor } from '../harness/actors';
import { ServiceContext, createServiceContext } from '../harness/service-context';

/** A queue of the tests' own (pg-boss makes a table per queue; the migration makes ours). */
const QUEUE = 'test_jobs' as JobQueueName;

interface TestJob extends JobData {
  n: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 20_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/**
 * The job runner on real PostgreSQL and pg-boss: claims with leases, retries with backoff,
 * dead letters, fencing of a stalled attempt, and a dead worker's job taken over.
 */
describe('job runner (integration)', () => {
  let ctx: ServiceContext;
  let db: DataSource;
  const workers: INestApplicationContext[] = [];

  beforeAll(async () => {
    ctx = await createServiceContext();
    db = ctx.api.get(DataSource);
    await db.query(
      `SELECT pgboss.create_queue($1, '{"policy": "standard", "deadLetter": "dead_letter"}')`,
      [QUEUE],
    );
    await db.query(`CREATE TABLE job_probe (job_id uuid, n integer)`);
  });
  afterAll(() => ctx.close());

  /** A worker (its own context, like its own process) running `handler` on the test queue. */
  async function workerWith(
    handler: Omit<JobHandler<TestJob>, 'queue'>,
    env: Record<string, string> = {},
  ): Promise<INestApplicationContext> {
    const worker = await ctx.worker(env);
    worker.get(JobRunner).register({ ...handler, queue: QUEUE });
    await worker.get(JobRunner).start();
    workers.push(worker);
    return worker;
  }

  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.close();
    await db.query(`DELETE FROM pgboss.job WHERE name = $1`, [QUEUE]);
  });

  const send = (n: number): Promise<string> =>
    db.transaction(async (manager) => {
      await ctx.api.get(JobEngine).send<TestJob>(manager, QUEUE, { kind: QUEUE as never, n });
      const [row] = await manager.query(
        `SELECT id FROM pgboss.job WHERE name = $1 AND data->>'n' = $2`,
        [QUEUE, String(n)],
      );
      return row.id as string;
    });
  const stateOf = async (id: string): Promise<string | undefined> =>
    (await db.query(`SELECT state FROM pgboss.job WHERE name = $1 AND id = $2`, [QUEUE, id]))[0]
      ?.state;
  const leases = async (): Promise<number> =>
    (await db.query(`SELECT count(*)::int AS n FROM job_lease WHERE queue = $1`, [QUEUE]))[0].n;
  const fenced = (attempt: JobAttempt<TestJob>, n: number) =>
    db.transaction(async (manager: EntityManager) => {
      await attempt.fence(manager);
      await manager.query(`INSERT INTO job_probe VALUES ($1, $2)`, [attempt.id, n]);
    });
  const settings = { retryLimit: 2, retryDelaySeconds: 1, backoff: true, expireInSeconds: 600 };

  it('runs a job once and completes it, leaving no lease; two at a time at most', async () => {
    let running = 0;
    let most = 0;
    const ran: number[] = [];
    await workerWith({
      concurrency: 2,
      settings,
      run: async (attempt) => {
        running++;
        most = Math.max(most, running);
        await sleep(200);
        await fenced(attempt, attempt.data.n);
        ran.push(attempt.data.n);
        running--;
      },
    });
    const ids = await Promise.all([1, 2, 3, 4, 5].map(send));
    for (const id of ids)
      await until('completed', async () => (await stateOf(id)) === 'completed' || undefined);
    expect(ran.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    expect(await leases()).toBe(0);
  });

  it('retries a failing job with growing waits, then gives it up to the dead letters', async () => {
    const attempts: { at: number; attempt: number; isLast: boolean }[] = [];
    const givenUp: string[] = [];
    await workerWith({
      concurrency: 1,
      settings,
      run: async (attempt) => {
        attempts.push({ at: Date.now(), attempt: attempt.attempt, isLast: attempt.isLast });
        throw new Error('receiver said no');
      },
      interrupted: async (_manager, id, _data, final) => {
        if (final) givenUp.push(id);
      },
    });
    const id = await send(10);
    await until('failed', async () => ((await stateOf(id)) === 'failed' ? true : undefined));
    expect(attempts.map((a) => [a.attempt, a.isLast])).toEqual([
      [0, false],
      [1, false],
      [2, true],
    ]);
    // Backoff: at least 1 s before the first retry, at least 2 s before the second.
    expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(1000);
    expect(attempts[2].at - attempts[1].at).toBeGreaterThanOrEqual(2000);
    expect(givenUp).toEqual([id]);
    const admin = await principalFor(ctx.api, 'admin');
    const page = await ctx.api
      .get(DeadLettersService)
      .list(admin, { pageNumber: 1, pageSize: 20, offset: 0 } as never);
    const letter = page.items.find((item) => item.detail === 'receiver said no');
    expect(letter).toMatchObject({ reason: JobEndReason.Failed });
    await ctx.api.get(DeadLettersService).remove(admin, letter!.id);
    const teacher = await principalFor(ctx.api, 'teacher');
    await expect(
      ctx.api.get(DeadLettersService).list(teacher, { pageNumber: 1, pageSize: 20 } as never),
    ).rejects.toThrow(/admins/);
  });

  it('fences a stalled attempt: once another holds the job, it writes nothing and cannot end it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let outcome: unknown;
    let aborted = false;
    await workerWith(
      {
        concurrency: 1,
        settings,
        run: async (attempt) => {
          await gate;
          aborted = attempt.signal.aborted;
          try {
            await fenced(attempt, 20);
            outcome = 'written';
          } catch (error) {
            outcome = error;
          }
        },
      },
      { JOB_LEASE_SECONDS: '3' },
    );
    const id = await send(20);
    await until('claimed', async () => ((await leases()) === 1 ? true : undefined));
    // As when the attempt stalled past its lease and the next attempt took the job over.
    await db.query(`UPDATE job_lease SET attempt = attempt + 1 WHERE job_id = $1`, [id]);
    await sleep(1500); // a renewal finds the lease gone and aborts the attempt
    release();
    await until('attempt ended', async () => (outcome === undefined ? undefined : true));
    expect(aborted).toBe(true);
    expect(outcome).toBeInstanceOf(LeaseLostError);
    expect(await db.query(`SELECT * FROM job_probe WHERE n = 20`)).toEqual([]);
    await sleep(300);
    // Still the other attempt's: neither completed nor failed by the stale one.
    expect(await stateOf(id)).toBe('active');
    expect(await leases()).toBe(1);
  });

  it('takes over the job of a worker that died, within seconds of its lease running out', async () => {
    const id = await send(30);
    // A worker claims the job and dies at once: its lease is never renewed.
    await db.transaction(async (manager) => {
      const [job] = await ctx.api.get(JobEngine).fetch<TestJob>(manager, QUEUE, 1);
      expect(job.id).toBe(id);
      await manager.query(
        `INSERT INTO job_lease (job_id, queue, attempt, worker, lease_until)
         VALUES ($1, $2, 0, 'dead-worker', now() + interval '2 seconds')`,
        [id, QUEUE],
      );
    });
    const diedAt = Date.now();
    const runs: number[] = [];
    const interruptions: boolean[] = [];
    await workerWith(
      {
        concurrency: 1,
        settings,
        run: async (attempt) => {
          runs.push(attempt.attempt);
          await fenced(attempt, 30);
        },
        interrupted: async (_manager, _id, _data, final) => {
          interruptions.push(final);
        },
      },
      { JOB_LEASE_SECONDS: '3' },
    );
    await until('completed', async () => ((await stateOf(id)) === 'completed' ? true : undefined));
    // Lease 2 s, a reaper look every 0.75 s, a backoff of 1–2 s, a poll of 0.1 s.
    expect(Date.now() - diedAt).toBeLessThan(8000);
    expect(runs).toEqual([1]);
    expect(interruptions).toEqual([false]);
    expect(await db.query(`SELECT n FROM job_probe WHERE n = 30`)).toEqual([{ n: 30 }]);
  });
});
