import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import { CreateAssetDto } from '@bouwsteen/assets';
import { apiToken } from './api-token';
import { Stack } from './stack';
import { round, sleep } from './timing';

export interface ImportLoad {
  files: number;
  megabytes: number;
  uploadSeconds: number;
  /** Until every import job ended (all rows in PostgreSQL). */
  importSeconds: number;
  /** Until the live index holds `expectedDocuments`. */
  searchableSeconds: number;
  /** With the similarity check: until it had checked every new row (it runs after the import). */
  checkedSeconds?: number;
  totals: Record<string, number>;
}

/**
 * The bulk-load write path: the corpus as JSON Lines files, one per PPS (as PPS leads would
 * send them), uploaded to the API's import with publish=true; timed until every job has ended
 * and until the live index holds `expectedDocuments`. `during` runs while the jobs run.
 */
export async function loadThroughImport(
  stack: Stack,
  corpus: CreateAssetDto[],
  options: {
    checkSimilar: boolean;
    expectedDocuments?: number;
    during?: () => Promise<unknown>;
    /** Prefix of the rows' sourceId, so a second load makes new blocks. */
    codePrefix?: string;
  },
): Promise<ImportLoad> {
  const dir = mkdtempSync(join(tmpdir(), 'bouwsteen-bench-import-'));
  try {
    const token = await apiToken(stack);
    const api = `http://127.0.0.1:${stack.apiPort}`;
    const headers = { Authorization: `Bearer ${token}` };
    const byPps = new Map<string, string[]>();
    // A curriculum is published with a module: it names the latest module of its own file by
    // that row's code (a spreadsheet's way); one that comes before any module waits for one.
    const lastModule = new Map<string, string>();
    const waiting = new Map<string, Record<string, unknown>[]>();
    corpus.forEach(({ ppsId, ...asset }, n) => {
      const lines = byPps.get(ppsId) ?? [];
      const row: Record<string, unknown> = {
        sourceId: `${options.codePrefix ?? 'SYN'}-${n}`,
        ...asset,
      };
      const write = (entry: Record<string, unknown>, moduleCode: string) =>
        lines.push(
          JSON.stringify(
            entry.kind === 'curriculum'
              ? {
                  ...entry,
                  curriculum: { ...(entry.curriculum as object), moduleIds: [moduleCode] },
                }
              : entry,
          ),
        );
      if (row.kind === 'curriculum') {
        const moduleCode = lastModule.get(ppsId);
        if (moduleCode) write(row, moduleCode);
        else waiting.set(ppsId, [...(waiting.get(ppsId) ?? []), row]);
      } else {
        lines.push(JSON.stringify(row));
        if (row.kind === 'module') {
          lastModule.set(ppsId, row.sourceId as string);
          for (const curriculum of waiting.get(ppsId) ?? [])
            write(curriculum, row.sourceId as string);
          waiting.delete(ppsId);
        }
      }
      byPps.set(ppsId, lines);
    });
    if (waiting.size > 0)
      throw new Error('a PPS file has curricula but no module to build them of');
    const files = [...byPps].map(([ppsId, lines], index) => {
      const path = join(dir, `pps-${index}.jsonl`);
      writeFileSync(path, lines.join('\n') + '\n');
      return { ppsId, path };
    });
    byPps.clear();
    const bytes = files.reduce((sum, file) => sum + statSync(file.path).size, 0);
    const started = performance.now();
    const jobs: string[] = [];
    for (const file of files) {
      const { status, body } = await upload(
        `${api}/api/v1/imports?ppsId=${file.ppsId}&publish=true&checkSimilar=${options.checkSimilar}`,
        { ...headers, 'Content-Type': 'application/x-ndjson' },
        file.path,
      );
      if (status !== 202) throw new Error(`upload: ${status} ${body}`);
      jobs.push((JSON.parse(body) as { id: string }).id);
    }
    const uploadSeconds = (performance.now() - started) / 1000;
    const during = options.during?.();
    const totals: Record<string, number> = {};
    for (const id of jobs) {
      for (;;) {
        const job = (await (await fetch(`${api}/api/v1/imports/${id}`, { headers })).json()) as {
          status: string;
          totals: Record<string, number>;
        };
        if (!['queued', 'running'].includes(job.status)) {
          if (job.status !== 'done') throw new Error(`import ${id} ended ${job.status}`);
          for (const [key, value] of Object.entries(job.totals))
            totals[key] = (totals[key] ?? 0) + value;
          break;
        }
        await sleep(200);
      }
    }
    const importSeconds = (performance.now() - started) / 1000;
    await during;
    const expected = options.expectedDocuments ?? corpus.length;
    const index = stack.client.index(stack.liveIndex);
    while ((await index.getStats()).numberOfDocuments < expected) await sleep(100);
    const searchableSeconds = (performance.now() - started) / 1000;
    if (totals.created !== corpus.length)
      throw new Error(`not every row was imported: ${JSON.stringify(totals)}`);
    let checkedSeconds: number | undefined;
    if (options.checkSimilar) {
      totals.similar = 0;
      for (const id of jobs)
        for (;;) {
          const job = (await (await fetch(`${api}/api/v1/imports/${id}`, { headers })).json()) as {
            totals: Record<string, number>;
            similarCheck: { status: string };
          };
          if (job.similarCheck.status !== 'waiting') {
            totals.similar += job.totals.similar;
            break;
          }
          await sleep(200);
        }
      checkedSeconds = round((performance.now() - started) / 1000);
    }
    return {
      files: files.length,
      megabytes: round(bytes / 2 ** 20),
      uploadSeconds: round(uploadSeconds),
      importSeconds: round(importSeconds),
      searchableSeconds: round(searchableSeconds),
      checkedSeconds,
      totals,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A file streamed as a request body with node's own streams: a client on another machine costs
 * this box nothing, so the load generator should cost it as little as it can.
 */
function upload(
  url: string,
  headers: Record<string, string>,
  path: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method: 'POST', headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    createReadStream(path).on('error', reject).pipe(outgoing);
  });
}
