import { randomBytes } from 'node:crypto';
import { getPriority } from 'node:os';
import { Started, ensureBuilt, run, waitFor } from './harness/processes';

/**
 * The worker as its own process (as Docker and `npm run start:worker` run it) gives way to the
 * API and Meilisearch: it lowers its own CPU priority to WORKER_NICE.
 */
describe('worker process priority (process level)', () => {
  const started: Started[] = [];

  beforeAll(() => ensureBuilt());
  afterAll(async () => {
    for (const worker of started) {
      worker.child.kill('SIGTERM');
      await worker.exited;
    }
  });

  async function startWorker(extra: Record<string, string>): Promise<number> {
    const worker = run('node', ['dist/apps/worker/src/main.js'], {
      NODE_ENV: 'development',
      DATABASE_URL: process.env.DATABASE_URL!,
      MEILI_URL: process.env.MEILI_URL!,
      MEILI_MASTER_KEY: process.env.MEILI_MASTER_KEY!,
      MEILI_INDEX_PREFIX: `worker_${randomBytes(4).toString('hex')}`,
      JWT_SECRET: randomBytes(32).toString('hex'),
      ...extra,
    });
    started.push(worker);
    await waitFor(
      'the worker to start',
      () => {
        if (worker.child.exitCode !== null)
          throw new Error(`the worker exited early:\n${worker.output()}`);
        return worker.output().includes('relay and webhook dispatcher started');
      },
      30_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${worker.output()}`);
    });
    return worker.child.pid!;
  }

  it('runs at niceness 10 by default, and at what WORKER_NICE says', async () => {
    // It only ever lowers its priority: started from an already niced shell, it stays there.
    const ours = getPriority();
    expect(getPriority(await startWorker({}))).toBe(Math.max(10, ours));
    expect(getPriority(await startWorker({ WORKER_NICE: '15' }))).toBe(Math.max(15, ours));
  });

  it('refuses a niceness outside 0–19 at boot', async () => {
    const worker = run('node', ['dist/apps/worker/src/main.js'], {
      NODE_ENV: 'development',
      DATABASE_URL: process.env.DATABASE_URL!,
      MEILI_URL: process.env.MEILI_URL!,
      JWT_SECRET: randomBytes(32).toString('hex'),
      WORKER_NICE: '-5',
    });
    expect(await worker.exited).not.toBe(0);
    expect(worker.output()).toMatch(/Invalid configuration:\s+- WORKER_NICE/);
  });
});
