/**
 * npm run bench:search -- [--size 100000] [--duration 10] [--writers 8] [--samples 50]
 *
 * Loads a synthetic corpus through the normal write path (service, outbox, worker) and measures
 * every figure beside its floor in the same run: the same documents bulk-loaded straight into a
 * separate index, and the same search requests sent straight to Meilisearch. Meilisearch, the API
 * and the worker run pinned to CPU 1; this process (the load generator) to CPU 0.
 */
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import autocannon from 'autocannon';
import { plainToInstance } from 'class-transformer';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { AssetsModule, AssetsService, CreateAssetDto } from '@bouwsteen/assets';
import { MeiliSearch } from 'meilisearch';
import { AuthModule, UsersService } from '@bouwsteen/auth';
import { CommonModule, projectPath } from '@bouwsteen/common';
import { ConfigModule } from '@bouwsteen/config';
import { DatabaseModule, dropDatabase, ensureDatabase, runMigrations } from '@bouwsteen/database';
import {
  ReindexService,
  SearchDocumentsRepository,
  SearchIndex,
  SearchIndexModule,
  searchKeyFor,
  SearchModule,
  SearchQueryDto,
  SearchService,
  createMeiliClient,
  freePort,
  startMeili,
} from '@bouwsteen/search';
import { SeedModule, SeedService } from '@bouwsteen/seed';
import { mulberry32, syntheticAsset } from './synthetic-corpus';
import { PpsFacts, syntheticDocument } from './synthetic-documents';

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
  ],
})
class BenchModule {}

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '10' },
    writers: { type: 'string', default: '8' },
    samples: { type: 'string', default: '50' },
    'api-cpu': { type: 'string', default: '0' },
    /** Only the API's hop: documents straight into both indexes, no write path, lag or rebuild. */
    'hop-only': { type: 'boolean', default: false },
  },
});
const HOP_ONLY = Boolean(args['hop-only']);
const SIZE = Number(args.size);
const DURATION = Number(args.duration);
const WRITERS = Number(args.writers);
const SAMPLES = Number(args.samples);
/** Where the API runs: beside the load generator (0, default) or beside Meilisearch (1). */
const API_CPU = args['api-cpu'] === '1' ? '1' : '0';

const QUERIES: Record<string, Record<string, string>> = {
  text: { q: 'veilig werken robotica' },
  typo: { q: 'warmtpompen onderhoud' },
  facets: {
    q: 'storingzoeken',
    kind: 'module',
    level: 'mbo-3',
    deliveryMode: 'online',
    facets: 'kind,level,province,deliveryMode,sector',
  },
  geo: { kind: 'infrastructure', lat: '52.37', lng: '4.89', radiusKm: '25', sort: 'distance' },
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return round(Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024);
}

async function waitHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer`);
}

function pinned(cpu: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn('taskset', ['-c', cpu, process.execPath, script], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function cannon(
  options: autocannon.Options,
): Promise<{ p50: number; p99: number; rps: number; errors: number }> {
  const result = await autocannon({ ...options, duration: DURATION });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: round(result.requests.average),
    errors: result.non2xx + result.errors,
  };
}

async function main(): Promise<void> {
  execFileSync('taskset', ['-cp', '0', String(process.pid)]);
  const runId = Date.now().toString(36);
  const databaseUrl = `postgres://postgres@127.0.0.1:5432/bouwsteen_bench_${runId}`;
  const masterKey = randomBytes(16).toString('hex');
  const meili = await startMeili({ masterKey, cpus: '1' });
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: masterKey,
    MEILI_INDEX_PREFIX: `bench_${runId}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    OUTBOX_BATCH_SIZE: '5000',
    OUTBOX_POLL_MS: '200',
  };
  Object.assign(process.env, env);
  await ensureDatabase(databaseUrl);
  await runMigrations(databaseUrl);
  const app = await NestFactory.createApplicationContext(BenchModule, {
    logger: ['error', 'warn'],
  });
  const children: ChildProcess[] = [];
  const results: Record<string, unknown> = {};
  try {
    await app.get(SeedService).seedReferenceData();
    const publisher = await app
      .get(UsersService)
      .serviceAccount('bench@bouwsteen.invalid', 'Benchmark');
    const ppsIds: string[] = (await app.get(DataSource).query('SELECT id FROM pps')).map(
      (row: { id: string }) => row.id,
    );

    const port = await freePort();
    const worker = pinned(
      API_CPU === '0' ? '1' : API_CPU,
      projectPath('dist/apps/worker/src/main.js'),
      env,
    );
    // As in production: the API gets the search-only key, never the master key.
    const { MEILI_MASTER_KEY: _master, ...apiEnv } = env;
    const api = pinned(API_CPU, projectPath('dist/apps/api/src/main.js'), {
      ...apiEnv,
      MEILI_SEARCH_KEY: searchKeyFor(masterKey, env.MEILI_INDEX_PREFIX),
      PORT: String(port),
    });
    children.push(worker, api);
    await waitHttp(`http://127.0.0.1:${port}/health/live`);
    const client = createMeiliClient({ url: meili.url, apiKey: masterKey });
    const live = app.get(SearchIndex);
    const directName = `${live.name}_direct`;

    const assets = app.get(AssetsService);
    const random = mulberry32(42);
    const corpus = Array.from({ length: SIZE }, (_, n) => syntheticAsset(n, ppsIds, random));
    await waitHttp(`http://127.0.0.1:${port}/health/ready`);
    const queries = () =>
      measureQueries(
        app,
        client,
        meili.url,
        searchKeyFor(masterKey, env.MEILI_INDEX_PREFIX),
        directName,
        port,
        results,
      );
    if (HOP_ONLY) {
      await hopOnlyLoad(app, client, live, directName, corpus);
      await queries();
      results.apiPeakRssMb = peakRssMb(api.pid!);
      results.meiliPeakRssMb = peakRssMb(meili.pid);
    } else {
      // 1. Bulk load through the write path: service → PostgreSQL + outbox → worker → Meilisearch.
      console.log(`Loading ${SIZE} assets through the write path with ${WRITERS} writers…`);
      let next = 0;
      const loadStart = performance.now();
      await Promise.all(
        Array.from({ length: WRITERS }, async () => {
          while (next < corpus.length) {
            const created = await assets.create(publisher, corpus[next++], { source: 'import' });
            await assets.publish(publisher, created.id, created.revision, {});
            if (next % 5000 === 0) process.stdout.write(`\r  written ${next}`);
          }
        }),
      );
      const writeSeconds = (performance.now() - loadStart) / 1000;
      while (
        (
          await client
            .index(live.name)
            .getStats()
            .catch(() => ({ numberOfDocuments: 0 }))
        ).numberOfDocuments < SIZE
      )
        await sleep(200);
      const writePathSeconds = (performance.now() - loadStart) / 1000;
      console.log(
        `\n  searchable after ${round(writePathSeconds)} s (PostgreSQL writes done after ${round(writeSeconds)} s)`,
      );

      // 2. The floor: the same documents, bulk-loaded straight into a separate index.
      const documents = [];
      for await (const batch of app.get(SearchDocumentsRepository).allDocuments(10_000))
        documents.push(...batch);
      await live.ensure(directName);
      const directStart = performance.now();
      const tasks = [];
      for (let start = 0; start < documents.length; start += 10_000) {
        tasks.push(
          client
            .index(directName)
            .addDocuments(documents.slice(start, start + 10_000), { primaryKey: 'id' }),
        );
      }
      await client.tasks.waitForTasks(await Promise.all(tasks), {
        timeout: 3_600_000,
        interval: 100,
      });
      const directSeconds = (performance.now() - directStart) / 1000;
      console.log(`  direct bulk load ${round(directSeconds)} s`);
      results.bulkLoad = {
        documents: SIZE,
        writePathSeconds: round(writePathSeconds),
        writePathDocsPerSecond: round(SIZE / writePathSeconds),
        postgresWriteSeconds: round(writeSeconds),
        directSeconds: round(directSeconds),
        directDocsPerSecond: round(SIZE / directSeconds),
        ratio: round(writePathSeconds / directSeconds, 2),
      };

      // 3. Publish → searchable lag against Meilisearch's own single-document task time.
      const lags: number[] = [];
      const floors: number[] = [];
      // A document can be fetched exactly when its indexing task has committed, i.e. when it is searchable.
      const visible = async (index: string, id: string) => {
        for (;;) {
          try {
            await client.index(index).getDocument(id, { fields: ['id'] });
            return;
          } catch {
            await sleep(5);
          }
        }
      };
      for (let i = 0; i < SAMPLES; i++) {
        const created = await assets.create(publisher, syntheticAsset(SIZE + i, ppsIds, random), {
          source: 'import',
        });
        const start = performance.now();
        await assets.publish(publisher, created.id, created.revision, {});
        await visible(live.name, created.id);
        lags.push(performance.now() - start);
        const [document] = await app.get(SearchDocumentsRepository).documents([created.id]);
        const floorStart = performance.now();
        await client
          .index(directName)
          .addDocuments([{ ...document, id: `${document.id}` }], { primaryKey: 'id' });
        await visible(directName, document.id);
        floors.push(performance.now() - floorStart);
      }
      results.publishLag = {
        samples: SAMPLES,
        apiP50Ms: round(percentile(lags, 50)),
        apiP95Ms: round(percentile(lags, 95)),
        directTaskP50Ms: round(percentile(floors, 50)),
        directTaskP95Ms: round(percentile(floors, 95)),
      };
      console.log('  lag', results.publishLag);

      // 4. Query latency and throughput: API vs the identical request straight to Meilisearch.
      await queries();
      results.apiPeakRssMb = peakRssMb(api.pid!);

      // 5. Full reindex (build beside, swap) against the direct bulk load of the same documents.
      const reindexStart = performance.now();
      await app.get(ReindexService).rebuild(() => undefined, 10_000);
      const reindexSeconds = (performance.now() - reindexStart) / 1000;
      results.reindex = {
        seconds: round(reindexSeconds),
        directBulkSeconds: round(directSeconds),
        ratio: round(reindexSeconds / directSeconds, 2),
      };
      results.meiliPeakRssMb = peakRssMb(meili.pid);
    }
  } finally {
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
    await dropDatabase(databaseUrl);
  }

  const report = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGb: round(totalmem() / 2 ** 30),
      node: process.version,
      meilisearch: '1.21.0',
    },
    settings: {
      size: SIZE,
      writers: WRITERS,
      durationSeconds: DURATION,
      samples: SAMPLES,
      maxIndexingMemory: '512MiB',
      pinning: `load generator cpu0; meilisearch and worker cpu1; api cpu${API_CPU}`,
      mode: HOP_ONLY ? 'hop-only (documents straight into both indexes)' : 'full',
    },
    ...results,
  };
  mkdirSync(projectPath('bench', 'results'), { recursive: true });
  const file = projectPath(
    'bench',
    'results',
    `search${HOP_ONLY ? '-hop' : ''}-${SIZE}-${report.date.slice(0, 19).replace(/:/g, '')}.json`,
  );
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  writeFileSync(
    projectPath('bench', 'results', `search${HOP_ONLY ? '-hop' : ''}-${SIZE}-latest.json`),
    JSON.stringify(report, null, 2) + '\n',
  );
  printTable(report as unknown as Report);
  console.log(`\nSaved ${file}`);
}

/**
 * Query latency and throughput: the API beside the identical request straight to Meilisearch.
 * At concurrency 1 each request is timed on its own over a keep-alive connection (sub-millisecond
 * resolution); at 16, autocannon measures throughput.
 */
async function measureQueries(
  app: INestApplicationContext,
  client: MeiliSearch,
  meiliUrl: string,
  searchKey: string,
  directName: string,
  port: number,
  results: Record<string, unknown>,
): Promise<void> {
  const service = app.get(SearchService);
  const queries: Record<string, unknown> = {};
  for (const [name, params] of Object.entries(QUERIES)) {
    const query = plainToInstance(SearchQueryDto, { ...params, pageSize: '20' });
    const body = await service.params(
      Object.assign(new SearchQueryDto(), query, { pageNumber: 1, pageSize: 20 }),
    );
    const { q, ...rest } = body;
    const directBody = JSON.stringify({ q: q ?? '', ...rest });
    const apiUrl = `http://127.0.0.1:${port}/api/v1/search?${new URLSearchParams({ ...params, pageSize: '20' })}`;
    const directUrl = `${meiliUrl}/indexes/${directName}/search`;
    const directOptions = {
      url: directUrl,
      method: 'POST' as const,
      body: directBody,
      // The key the API searches with: the floor is the identical request, key included.
      headers: { authorization: `Bearer ${searchKey}`, 'content-type': 'application/json' },
    };
    const apiBytes = Buffer.byteLength(await (await fetch(apiUrl)).text());
    const directBytes = Buffer.byteLength(
      await (
        await fetch(directUrl, {
          method: 'POST',
          body: directBody,
          headers: directOptions.headers,
        })
      ).text(),
    );
    // Warm up both paths (JIT, connections, Meilisearch's caches), then time them alternately,
    // request by request, so both see the same machine at the same moments.
    const direct = { method: 'POST', body: directBody, headers: directOptions.headers };
    await interleaved(apiUrl, directUrl, direct, 3);
    const c1 = await interleaved(apiUrl, directUrl, direct, DURATION);
    const row = {
      apiC1: c1.api,
      directC1: c1.direct,
      apiC16: await cannon({ url: apiUrl, connections: 16 }),
      directC16: await cannon({ ...directOptions, connections: 16 }),
      apiBytes,
      directBytes,
    };
    queries[name] = row;
    console.log(
      `  ${name}: api c1 p50 ${row.apiC1.p50} ms vs direct ${row.directC1.p50} ms; c16 ${row.apiC16.rps} vs ${row.directC16.rps} req/s`,
    );
  }
  results.queries = queries;
  // The fixed cost of a request through the API (routing, guards, logging), beside Meilisearch's
  // own cheapest route: what is left of the hop once a search is subtracted from it.
  await sequential(`http://127.0.0.1:${port}/health/live`, {}, 2);
  results.baseline = {
    apiLive: await sequential(`http://127.0.0.1:${port}/health/live`, {}),
    meiliHealth: await sequential(`${meiliUrl}/health`, {}),
  };
  console.log('  baseline', results.baseline);
}

type Cannon = { p50: number; p99: number; rps: number; errors: number };
interface Report {
  bulkLoad?: Record<string, number>;
  publishLag?: Record<string, number>;
  queries: Record<
    string,
    {
      apiC1: Cannon;
      directC1: Cannon;
      apiC16: Cannon;
      directC16: Cannon;
      apiBytes: number;
      directBytes: number;
    }
  >;
  apiPeakRssMb: number;
  meiliPeakRssMb: number;
  reindex?: Record<string, number>;
}

function printTable(report: Report): void {
  console.log('\n| measure | API / write path | direct floor | gap or ratio | target |');
  console.log('| --- | --- | --- | --- | --- |');
  const b = report.bulkLoad;
  if (b)
    console.log(
      `| bulk load ${b.documents} docs | ${b.writePathSeconds} s (${b.writePathDocsPerSecond}/s) | ${b.directSeconds} s (${b.directDocsPerSecond}/s) | ${b.ratio}× | |`,
    );
  const l = report.publishLag;
  if (l)
    console.log(
      `| publish → searchable p50 / p95 | ${l.apiP50Ms} / ${l.apiP95Ms} ms | ${l.directTaskP50Ms} / ${l.directTaskP95Ms} ms | +${round(l.apiP95Ms - l.directTaskP95Ms)} ms p95 | |`,
    );
  for (const [name, q] of Object.entries(report.queries)) {
    const p50 = round(q.apiC1.p50 - q.directC1.p50, 2);
    const p99 = round(q.apiC1.p99 - q.directC1.p99, 2);
    console.log(
      `| ${name} c=1 p50 / p99 | ${q.apiC1.p50} / ${q.apiC1.p99} ms | ${q.directC1.p50} / ${q.directC1.p99} ms | +${p50} / +${p99} ms | +2 / +5 ms: ${p50 <= 2 && p99 <= 5 ? 'met' : 'missed'} |`,
    );
    console.log(
      `| ${name} c=16 req/s (p50 / p99) | ${q.apiC16.rps} (${q.apiC16.p50} / ${q.apiC16.p99} ms) | ${q.directC16.rps} (${q.directC16.p50} / ${q.directC16.p99} ms) | ${round(q.apiC16.rps / q.directC16.rps, 2)}× | |`,
    );
    console.log(`| ${name} response size | ${q.apiBytes} B | ${q.directBytes} B | | |`);
  }
  if (report.reindex)
    console.log(
      `| full reindex | ${report.reindex.seconds} s | ${report.reindex.directBulkSeconds} s | ${report.reindex.ratio}× | |`,
    );
  console.log(
    `| peak RSS | API ${report.apiPeakRssMb} MB | Meilisearch ${report.meiliPeakRssMb} MB | | |`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });
const keepAliveDirect = new Agent({ keepAlive: true, maxSockets: 1 });

type Timing = { p50: number; p99: number; rps: number; errors: number };
type Options = { method?: string; body?: string; headers?: Record<string, string> };

/** One request over a kept-alive connection; its duration in milliseconds, or -1 when not 200. */
function timed(url: string, options: Options, agent: Agent): Promise<number> {
  const started = performance.now();
  return new Promise<number>((resolve, reject) => {
    const outgoing = httpRequest(url, { ...options, agent }, (response) => {
      response.resume();
      response.on('end', () =>
        resolve(response.statusCode === 200 ? performance.now() - started : -1),
      );
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

function summary(times: number[], seconds: number): Timing {
  const ok = times.filter((time) => time >= 0);
  return {
    p50: round(percentile(ok, 50), 2),
    p99: round(percentile(ok, 99), 2),
    rps: round(times.length / seconds),
    errors: times.length - ok.length,
  };
}

/** Sequential requests for `seconds` on one kept-alive connection, each timed. */
async function sequential(url: string, options: Options, seconds = DURATION): Promise<Timing> {
  const times: number[] = [];
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) times.push(await timed(url, options, keepAlive));
  return summary(times, seconds);
}

/** The API and Meilisearch timed alternately at concurrency 1 for `seconds` each. */
async function interleaved(
  apiUrl: string,
  directUrl: string,
  direct: Options,
  seconds: number,
): Promise<{ api: Timing; direct: Timing }> {
  const api: number[] = [];
  const floor: number[] = [];
  const end = performance.now() + 2 * seconds * 1000;
  while (performance.now() < end) {
    api.push(await timed(apiUrl, {}, keepAlive));
    floor.push(await timed(directUrl, direct, keepAliveDirect));
  }
  return { api: summary(api, seconds), direct: summary(floor, seconds) };
}

/** Documents of the synthetic corpus straight into the live and the direct index (no write path). */
async function hopOnlyLoad(
  app: INestApplicationContext,
  client: MeiliSearch,
  live: SearchIndex,
  directName: string,
  corpus: CreateAssetDto[],
): Promise<void> {
  const pps: PpsFacts[] = await app.get(DataSource).query(
    `SELECT p.id, p.name, p.provinces, o.id AS "leadId", o.name AS "leadName"
     FROM pps p JOIN organisation o ON o.id = p.lead_organisation_id`,
  );
  const byId = new Map(pps.map((row) => [row.id, row]));
  const documents = corpus.map((asset) => syntheticDocument(asset, byId.get(asset.ppsId)!));
  await live.ensure(directName);
  const started = performance.now();
  for (const name of [live.name, directName]) {
    const tasks = [];
    for (let start = 0; start < documents.length; start += 10_000)
      tasks.push(
        client
          .index(name)
          .addDocuments(documents.slice(start, start + 10_000), { primaryKey: 'id' }),
      );
    await client.tasks.waitForTasks(await Promise.all(tasks), {
      timeout: 3_600_000,
      interval: 250,
    });
  }
  console.log(
    `  ${documents.length} documents into both indexes in ${round((performance.now() - started) / 1000)} s`,
  );
}
