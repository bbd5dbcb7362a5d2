/**
 * npm run bench:search -- [--size 100000] [--duration 10] [--samples 50]
 *
 * Loads a synthetic corpus through the normal write path (service, outbox, worker) and measures
 * every figure beside its floor in the same run: the same documents bulk-loaded straight into a
 * separate index, and the same search requests sent straight to Meilisearch. Meilisearch, the API
 * and the worker run pinned to CPU 1; this process (the load generator) to CPU 0.
 */
import { INestApplicationContext } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { AssetsService, CreateAssetDto } from '@bouwsteen/assets';
import {
  ReindexService,
  SearchDocument,
  SearchDocumentsRepository,
  SearchIndex,
  SearchQueryDto,
  SearchService,
} from '@bouwsteen/search';
import { LanguageCost, measureSimilar, measureTermsField } from './language-cost';
import { loadThroughImport } from './import-load';
import { Stack, bulkLoad, machine, saveReport, startStack } from './stack';
import { mulberry32, syntheticAsset } from './synthetic-corpus';
import { PpsFacts, syntheticDocument } from './synthetic-documents';
import {
  Timing,
  cannon,
  interleaved,
  peakRssMb,
  percentile,
  round,
  sequential,
  sleep,
} from './timing';

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '10' },
    samples: { type: 'string', default: '50' },
    'api-cpu': { type: 'string', default: '0' },
    /** Only the API's hop: documents straight into both indexes, no write path, lag or rebuild. */
    'hop-only': { type: 'boolean', default: false },
  },
});
const HOP_ONLY = Boolean(args['hop-only']);
const SIZE = Number(args.size);
const DURATION = Number(args.duration);
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

async function main(): Promise<void> {
  const stack = await startStack(API_CPU);
  const { app, client } = stack;
  const results: Record<string, unknown> = {};
  try {
    const directName = `${stack.liveIndex}_direct`;
    const live = app.get(SearchIndex);
    const assets = app.get(AssetsService);
    const { publisher, ppsIds } = stack;
    const random = mulberry32(42);
    const corpus = Array.from({ length: SIZE }, (_, n) => syntheticAsset(n, ppsIds, random));
    const queries = () => measureQueries(app, stack, directName, results);
    const language = async (documents: SearchDocument[]) => {
      const similar = await measureSimilar(stack, corpus, DURATION);
      console.log('  similar', similar);
      const bodies: Record<string, object> = {};
      for (const name of ['text', 'typo']) {
        const { q, ...rest } = await app
          .get(SearchService)
          .params(
            Object.assign(new SearchQueryDto(), QUERIES[name], { pageNumber: 1, pageSize: 20 }),
          );
        bodies[name] = { q: q ?? '', ...rest };
      }
      const termsField = await measureTermsField(stack, documents, directName, bodies, DURATION);
      console.log('  terms field', termsField);
      results.language = { similar, termsField } satisfies LanguageCost;
    };
    if (HOP_ONLY) {
      const documents = await hopOnlyLoad(stack, live, directName, corpus);
      await queries();
      await language(documents);
      results.apiPeakRssMb = peakRssMb(stack.apiPid);
      results.meiliPeakRssMb = peakRssMb(stack.meiliPid);
    } else {
      // 1. Bulk load through the write path for volume: the catalogue import (JSON Lines per
      // PPS, publish=true) → PostgreSQL + outbox → worker → Meilisearch.
      console.log(`Loading ${SIZE} assets through the import…`);
      const { importSeconds: writeSeconds, searchableSeconds: writePathSeconds } =
        await loadThroughImport(stack, corpus, { checkSimilar: false });
      console.log(
        `\n  searchable after ${round(writePathSeconds)} s (PostgreSQL writes done after ${round(writeSeconds)} s)`,
      );

      // 2. The floor: the same documents, bulk-loaded straight into a separate index.
      const documents = [];
      for await (const batch of app.get(SearchDocumentsRepository).allDocuments(10_000))
        documents.push(...batch);
      const directSeconds = await bulkLoad(stack, directName, documents);
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
      // The curricula among the samples are built of one module (publishing needs one).
      const builder = await assets.create(
        publisher,
        syntheticAsset(SIZE + SAMPLES, ppsIds, mulberry32(11), { kind: 'module' }),
        { source: 'import' },
      );
      await assets.publish(publisher, builder.id, builder.revision, {});
      for (let i = 0; i < SAMPLES; i++) {
        const created = await assets.create(
          publisher,
          syntheticAsset(SIZE + i, ppsIds, random, { moduleIds: [builder.id] }),
          { source: 'import' },
        );
        const start = performance.now();
        await assets.publish(publisher, created.id, created.revision, {});
        await visible(stack.liveIndex, created.id);
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
      await language(documents);
      results.apiPeakRssMb = peakRssMb(stack.apiPid);

      // 5. Full reindex (build beside, swap) against the direct bulk load of the same documents.
      const reindexStart = performance.now();
      await app.get(ReindexService).rebuild(() => undefined, 10_000);
      const reindexSeconds = (performance.now() - reindexStart) / 1000;
      results.reindex = {
        seconds: round(reindexSeconds),
        directBulkSeconds: round(directSeconds),
        ratio: round(reindexSeconds / directSeconds, 2),
      };
      results.meiliPeakRssMb = peakRssMb(stack.meiliPid);
    }
  } finally {
    await stack.stop();
  }

  const report = {
    date: new Date().toISOString(),
    machine: machine(),
    settings: {
      size: SIZE,
      durationSeconds: DURATION,
      samples: SAMPLES,
      maxIndexingMemory: '512MiB',
      pinning: `load generator cpu0; meilisearch and worker cpu1; api cpu${API_CPU}`,
      mode: HOP_ONLY ? 'hop-only (documents straight into both indexes)' : 'full',
    },
    ...results,
  };
  const file = saveReport(`search${HOP_ONLY ? '-hop' : ''}-${SIZE}`, report);
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
  stack: Stack,
  directName: string,
  results: Record<string, unknown>,
): Promise<void> {
  const { meiliUrl, searchKey, apiPort: port } = stack;
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
    const pair = { api: apiUrl, direct: directOptions };
    await interleaved([pair], 3);
    const c1 = await interleaved([pair], DURATION);
    const row = {
      apiC1: c1.api,
      directC1: c1.direct,
      apiC16: await cannon({ url: apiUrl, connections: 16 }, DURATION),
      directC16: await cannon({ ...directOptions, connections: 16 }, DURATION),
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
    apiLive: await sequential(`http://127.0.0.1:${port}/health/live`, {}, DURATION),
    meiliHealth: await sequential(`${meiliUrl}/health`, {}, DURATION),
  };
  console.log('  baseline', results.baseline);
}

type Cannon = Timing;
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
  language?: LanguageCost;
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
  const language = report.language;
  if (language) {
    const { api, direct } = language.similar;
    console.log(
      `| similar (POST /similar, ${language.similar.candidateQueries} candidate queries) p50 / p99 | ${api.p50} / ${api.p99} ms | ${direct.p50} / ${direct.p99} ms | +${round(api.p50 - direct.p50, 2)} / +${round(api.p99 - direct.p99, 2)} ms | |`,
    );
    const { withTerms, withoutTerms, queries } = language.termsField;
    console.log(
      `| index with \`terms\` / without: bulk load | ${withTerms.bulkSeconds} s | ${withoutTerms.bulkSeconds} s | ${round(withTerms.bulkSeconds / withoutTerms.bulkSeconds, 2)}× | |`,
    );
    console.log(
      `| index with \`terms\` / without: database | ${withTerms.databaseMb} MB | ${withoutTerms.databaseMb} MB | ${round(withTerms.databaseMb / withoutTerms.databaseMb, 2)}× | |`,
    );
    for (const [name, q] of Object.entries(queries))
      console.log(
        `| ${name} direct p50 with \`terms\` / without | ${q.withTermsP50} ms | ${q.withoutTermsP50} ms | +${round(q.withTermsP50 - q.withoutTermsP50, 2)} ms | |`,
      );
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

/** Documents of the synthetic corpus straight into the live and the direct index (no write path). */
async function hopOnlyLoad(
  stack: Stack,
  live: SearchIndex,
  directName: string,
  corpus: CreateAssetDto[],
): Promise<SearchDocument[]> {
  const pps: PpsFacts[] = await stack.app.get(DataSource).query(
    `SELECT p.id, p.name, p.provinces, o.id AS "leadId", o.name AS "leadName"
     FROM pps p JOIN organisation o ON o.id = p.lead_organisation_id`,
  );
  const byId = new Map(pps.map((row) => [row.id, row]));
  const documents = corpus.map((asset) => syntheticDocument(asset, byId.get(asset.ppsId)!));
  const started = performance.now();
  for (const name of [live.name, directName]) await bulkLoad(stack, name, documents);
  console.log(
    `  ${documents.length} documents into both indexes in ${round((performance.now() - started) / 1000)} s`,
  );
  return documents;
}
