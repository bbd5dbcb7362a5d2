/**
 * The system under benchmark, as in production: PostgreSQL, a bundled Meilisearch, the worker
 * and the API as separate processes (the API with the search-only key), plus an application
 * context in this process for loading data and building floors. Meilisearch and the worker run
 * on CPU 1, this process (the load generator) on CPU 0, the API on the CPU asked for.
 */
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { MeiliSearch } from 'meilisearch';
import { DataSource } from 'typeorm';
import { AssetsModule } from '@bouwsteen/assets';
import { AuthModule, Principal, UsersService } from '@bouwsteen/auth';
import { CommonModule, projectPath } from '@bouwsteen/common';
import { ConfigModule } from '@bouwsteen/config';
import { DatabaseModule, dropDatabase, ensureDatabase, runMigrations } from '@bouwsteen/database';
import { JobsModule } from '@bouwsteen/jobs';
import {
  SearchIndex,
  SearchIndexModule,
  SearchModule,
  createMeiliClient,
  freePort,
  searchKeyFor,
  startMeili,
} from '@bouwsteen/search';
import { SeedModule, SeedService } from '@bouwsteen/seed';
import { niceOf, round, waitHttp } from './timing';

@Module({
  imports: [
    ConfigModule,
    CommonModule,
    DatabaseModule,
    AuthModule,
    SeedModule,
    AssetsModule,
    SearchModule,
    SearchIndexModule,
    // Sends jobs as the API does (bench:mail asks for the digest), never runs them.
    JobsModule,
  ],
})
class BenchModule {}

export interface Stack {
  app: INestApplicationContext;
  /** Master-key client, for the direct floor's index and its documents. */
  client: MeiliSearch;
  meiliUrl: string;
  meiliPid: number;
  /** The niceness Meilisearch actually runs at (a negative one asked for needs privilege). */
  meiliNice: number;
  /** The key the API searches with: a floor request carries the same key. */
  searchKey: string;
  liveIndex: string;
  apiPort: number;
  apiPid: number;
  workerPid: number;
  /** The worker that runs the background jobs: a second process when the workers are split. */
  jobsWorkerPid: number;
  publisher: Principal;
  ppsIds: string[];
  stop(): Promise<void>;
}

/** The heap cap `npm run start:worker` and compose give the worker. */
const WORKER_HEAP_MB = 640;

/** BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") go to the API and worker: profiling. */
function pinned(
  cpu: string,
  script: string,
  env: NodeJS.ProcessEnv,
  launchArgs: string[] = [],
): ChildProcess {
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  return spawn('taskset', ['-c', cpu, process.execPath, ...launchArgs, ...nodeArgs, script], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/**
 * `workerCpus`: where the worker runs; by default beside Meilisearch (CPU 1, or 0 when the API
 * is there). The import benchmark lets it use both cores, as an unpinned deployment would.
 */
export async function startStack(
  apiCpu: '0' | '1',
  workerCpus?: string,
  meiliNice?: number,
  /** One worker for the search relay and one for the jobs (WORKER_TASKS), as a deployment may. */
  splitWorkers = false,
): Promise<Stack> {
  execFileSync('taskset', ['-cp', '0', String(process.pid)]);
  const runId = Date.now().toString(36);
  const databaseUrl = `postgres://postgres@127.0.0.1:5432/bouwsteen_bench_${runId}`;
  const masterKey = randomBytes(16).toString('hex');
  const meili = await startMeili({ masterKey, cpus: '1', nice: meiliNice });
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    // Production refuses a localhost identity; nothing is harvested or linked in a benchmark.
    PUBLIC_BASE_URL: 'https://bouwsteen.bench.invalid',
    OAI_REPOSITORY_IDENTIFIER: 'bouwsteen.bench.invalid',
    OAI_ADMIN_EMAIL: 'beheer@bouwsteen.bench.invalid',
    DATABASE_URL: databaseUrl,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: masterKey,
    MEILI_INDEX_PREFIX: `bench_${runId}`,
    // This process searches too (floors, sample ids), with the key the API gets.
    MEILI_SEARCH_KEY: searchKeyFor(masterKey, `bench_${runId}`),
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    OUTBOX_POLL_MS: '200',
  };
  Object.assign(process.env, env);
  await ensureDatabase(databaseUrl);
  await runMigrations(databaseUrl);
  const app = await NestFactory.createApplicationContext(BenchModule, {
    logger: ['error', 'warn'],
  });
  const children: ChildProcess[] = [];
  const stop = async () => {
    // The worker and the API stop before their database is dropped.
    await Promise.all(
      children.map(
        (child) =>
          new Promise((resolve) => {
            if (child.exitCode !== null) return resolve(undefined);
            child.once('exit', resolve);
            child.kill('SIGTERM');
          }),
      ),
    );
    await app.close();
    await meili.stop();
    // BENCH_KEEP_DATABASE=1 leaves the loaded database for a look at its queries afterwards.
    if (process.env.BENCH_KEEP_DATABASE === '1') console.log(`Database kept: ${databaseUrl}`);
    else await dropDatabase(databaseUrl);
  };
  try {
    await app.get(SeedService).seedReferenceData();
    const publisher = await app
      .get(UsersService)
      .serviceAccount('bench@bouwsteen.invalid', 'Benchmark');
    const ppsIds: string[] = (await app.get(DataSource).query('SELECT id FROM pps')).map(
      (row: { id: string }) => row.id,
    );
    const apiPort = await freePort();
    const searchKey = env.MEILI_SEARCH_KEY;
    children.push(
      // Launched as `npm run start:worker` and compose launch it (heap cap included).
      ...(splitWorkers ? ['search', 'jobs'] : ['search,jobs']).map((tasks) =>
        pinned(
          workerCpus ?? (apiCpu === '0' ? '1' : apiCpu),
          projectPath('dist/apps/worker/src/main.js'),
          { ...env, WORKER_TASKS: tasks },
          [`--max-old-space-size=${process.env.BENCH_WORKER_HEAP_MB ?? WORKER_HEAP_MB}`],
        ),
      ),
    );
    // As in production: the API gets the search-only key, never the master key.
    const { MEILI_MASTER_KEY: _master, ...apiEnv } = env;
    // Launched as the Dockerfile and `npm run start:api` launch it (heap cap included).
    const api = pinned(
      apiCpu,
      projectPath('dist/apps/api/src/main.js'),
      { ...apiEnv, PORT: String(apiPort) },
      ['--max-old-space-size=320'],
    );
    children.push(api);
    await waitHttp(`http://127.0.0.1:${apiPort}/health/ready`);
    return {
      app,
      client: createMeiliClient({ url: meili.url, apiKey: masterKey }),
      meiliUrl: meili.url,
      meiliPid: meili.pid,
      meiliNice: niceOf(meili.pid),
      searchKey,
      liveIndex: app.get(SearchIndex).name,
      apiPort,
      apiPid: api.pid!,
      workerPid: children[0].pid!,
      jobsWorkerPid: children[splitWorkers ? 1 : 0].pid!,
      publisher,
      ppsIds,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Documents into an index with the live index's settings, in batches; seconds taken. */
export async function bulkLoad(
  stack: Stack,
  index: string,
  documents: object[],
  batch = 10_000,
): Promise<number> {
  await stack.app.get(SearchIndex).ensure(index);
  const started = performance.now();
  // One upload after the other (each returns once Meilisearch has stored it, long before it is
  // indexed), so they still queue up together; ten at once sometimes had a connection closed
  // under them (EPIPE).
  const tasks = [];
  for (let start = 0; start < documents.length; start += batch)
    tasks.push(
      await stack.client
        .index(index)
        .addDocuments(documents.slice(start, start + batch), { primaryKey: 'id' }),
    );
  await stack.client.tasks.waitForTasks(tasks, {
    timeout: 3_600_000,
    interval: 100,
  });
  return (performance.now() - started) / 1000;
}

/** One indexing round: when it started (s after `since`), its documents, how long it took (s). */
export interface Round {
  at: number;
  documents: number;
  seconds: number;
}

/**
 * What Meilisearch did for one index since `since`: how many batches, how long it was busy
 * indexing them, the largest batch, and each round — to tell a slow feed from slow indexing.
 */
export async function indexingWork(
  stack: Stack,
  index: string,
  since: Date,
): Promise<{
  batches: number;
  busySeconds: number;
  largestBatch: number;
  documents: number;
  rounds: Round[];
}> {
  const rounds: Round[] = [];
  let from: number | null = null;
  do {
    const page = await stack.client.batches.getBatches({
      indexUids: [index],
      afterStartedAt: since.toISOString(),
      limit: 1000,
      ...(from === null ? {} : { from }),
    });
    for (const batch of page.results) {
      if (!batch.finishedAt) continue;
      const started = Date.parse(batch.startedAt);
      rounds.push({
        at: round((started - since.getTime()) / 1000),
        documents: Number(batch.details.receivedDocuments ?? 0),
        seconds: round((Date.parse(batch.finishedAt) - started) / 1000),
      });
    }
    from = page.next;
  } while (from !== null);
  rounds.sort((a, b) => a.at - b.at);
  return {
    batches: rounds.length,
    busySeconds: round(rounds.reduce((sum, each) => sum + each.seconds, 0)),
    largestBatch: Math.max(0, ...rounds.map((each) => each.documents)),
    documents: rounds.reduce((sum, each) => sum + each.documents, 0),
    rounds,
  };
}

export function machine(): Record<string, unknown> {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGb: round(totalmem() / 2 ** 30),
    node: process.version,
    meilisearch: '1.21.0',
  };
}

/**
 * Writes a run's report as bench/results/<name>-latest.json, replacing the previous run's (git
 * keeps the history; the report carries its own date); returns the file's path.
 */
export function saveReport(name: string, report: { date: string }): string {
  mkdirSync(projectPath('bench', 'results'), { recursive: true });
  const file = projectPath('bench', 'results', `${name}-latest.json`);
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  return file;
}

/** What a run leaves on disk: the PostgreSQL database, Meilisearch's store and each index's share. */
export async function storage(stack: Stack): Promise<{
  postgresqlMb: number;
  meilisearchMb: number;
  meilisearchUsedMb: number;
  indexes: Record<string, { documents: number; rawDocumentsMb?: number }>;
}> {
  const [{ bytes }] = await stack.app
    .get(DataSource)
    .query(`SELECT pg_database_size(current_database())::float8 AS bytes`);
  const stats = (await stack.client.getStats()) as {
    databaseSize: number;
    usedDatabaseSize?: number;
    indexes: Record<string, { numberOfDocuments: number; rawDocumentDbSize?: number }>;
  };
  const mb = (value: number) => round(value / 1024 / 1024);
  return {
    postgresqlMb: mb(bytes),
    meilisearchMb: mb(stats.databaseSize),
    meilisearchUsedMb: mb(stats.usedDatabaseSize ?? stats.databaseSize),
    indexes: Object.fromEntries(
      Object.entries(stats.indexes).map(([name, index]) => [
        name,
        {
          documents: index.numberOfDocuments,
          ...(index.rawDocumentDbSize === undefined
            ? {}
            : { rawDocumentsMb: mb(index.rawDocumentDbSize) }),
        },
      ]),
    ),
  };
}
