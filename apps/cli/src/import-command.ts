import { SingleBar } from 'cli-progress';
import { createReadStream, createWriteStream, readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * `import` and `export` talk to a running API like any client: the API decides who may do
 * what (a PPS lead imports into their own PPS only), and the file streams to it. The token
 * comes from BOUWSTEEN_TOKEN or a 0600 file named by BOUWSTEEN_TOKEN_FILE, never from the
 * command line (it would show in `ps` and shell history).
 */
interface Connection {
  url: string;
  token: string;
}

const TYPES: Record<string, string> = {
  '.csv': 'text/csv',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.jsonl': 'application/x-ndjson',
  '.ndjson': 'application/x-ndjson',
};

interface Job {
  id: string;
  status: string;
  error: string | null;
  progress: { percent: number; rowsRead: number };
  totals: Record<string, number>;
  reportLines: number;
}

interface Line {
  severity: string;
  row: string | null;
  field: string | null;
  message: string;
  value: string | null;
}

export function connection(): Connection {
  const url = (
    process.env.BOUWSTEEN_API_URL || `http://127.0.0.1:${process.env.PORT || 3000}`
  ).replace(/\/$/, '');
  let token = process.env.BOUWSTEEN_TOKEN ?? '';
  const file = process.env.BOUWSTEEN_TOKEN_FILE;
  if (!token && file) {
    const mode = statSync(file).mode & 0o777;
    if (mode & 0o077)
      throw new Error(
        `${file} may be read by others (mode ${mode.toString(8)}); run: chmod 600 ${file}`,
      );
    token = readFileSync(file, 'utf8').trim();
  }
  if (!token)
    throw new Error(
      'Set BOUWSTEEN_TOKEN (a personal API token, see POST /api/v1/me/tokens) or BOUWSTEEN_TOKEN_FILE',
    );
  return { url, token };
}

export async function importFile(
  path: string,
  options: {
    pps: string;
    publish: boolean;
    dryRun: boolean;
    quiet: boolean;
    checkSimilar: boolean;
  },
): Promise<number> {
  const api = connection();
  const type = TYPES[extname(path).toLowerCase()];
  if (!type) throw new Error(`${path}: use a .csv, .xlsx or .jsonl file`);
  const size = statSync(path).size;
  const query = new URLSearchParams({
    ppsId: options.pps,
    publish: String(options.publish),
    dryRun: String(options.dryRun),
    checkSimilar: String(options.checkSimilar),
  });
  const started = await call<Job>(api, `/api/v1/imports?${query}`, {
    method: 'POST',
    headers: { 'Content-Type': type, 'Content-Length': String(size) },
    body: Readable.toWeb(createReadStream(path)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const bar = new SingleBar({
    format: `${options.dryRun ? 'Proefimport' : 'Import'} [{bar}] {percentage}% | {rows} rijen | {status}`,
    stream: process.stderr,
    noTTYOutput: !options.quiet,
    notTTYSchedule: 5000,
  });
  if (!options.quiet) bar.start(100, 0, { rows: 0, status: started.status });
  let job = started;
  while (job.status === 'queued' || job.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 500));
    job = await call<Job>(api, `/api/v1/imports/${job.id}`);
    if (!options.quiet)
      bar.update(job.progress.percent, { rows: job.progress.rowsRead, status: job.status });
  }
  if (!options.quiet) bar.stop();
  const t = job.totals;
  console.log(
    `${statusText(job.status)}${options.dryRun ? ' (proefimport: er is niets veranderd)' : ''}\n` +
      `  nieuw ${t.created}, bijgewerkt ${t.updated}, ongewijzigd ${t.unchanged}, ` +
      `gepubliceerd ${t.published}, niet ingelezen ${t.failed}, lijkt op bestaand ${t.similar}`,
  );
  if (job.error) console.log(`  ${job.error}`);
  await printReport(api, job);
  if (job.status !== 'done') return 1;
  return t.failed > 0 ? 3 : 0;
}

export async function exportFile(options: {
  pps?: string;
  kind?: string;
  format: string;
  out?: string;
}): Promise<number> {
  const api = connection();
  const query = new URLSearchParams({ format: options.format });
  if (options.pps) query.set('ppsId', options.pps);
  if (options.kind) query.set('kind', options.kind);
  const response = await fetch(`${api.url}/api/v1/exports?${query}`, {
    headers: { Authorization: `Bearer ${api.token}` },
  });
  if (!response.ok || !response.body) throw new Error(await problem(response));
  await pipeline(
    Readable.fromWeb(response.body as import('node:stream/web').ReadableStream),
    options.out ? createWriteStream(options.out, { mode: 0o600 }) : process.stdout,
  );
  return 0;
}

async function printReport(api: Connection, job: Job): Promise<void> {
  if (job.reportLines === 0) return;
  const shown = 50;
  const page = await call<{ items: Line[]; totalItems: number }>(
    api,
    `/api/v1/imports/${job.id}/report?pageSize=${shown}`,
  );
  console.log('\nVerslag:');
  for (const line of page.items) {
    const where = [line.row, line.field].filter(Boolean).join(', ');
    const value = line.value ? ` (gevonden: "${line.value.slice(0, 60)}")` : '';
    console.log(
      `  ${SEVERITY[line.severity] ?? line.severity} ${where ? `${where}: ` : ''}${line.message}${value}`,
    );
  }
  if (job.reportLines > page.items.length)
    console.log(
      `  … en nog ${job.reportLines - page.items.length} regels: ${api.url}/api/v1/imports/${job.id}/report`,
    );
}

const SEVERITY: Record<string, string> = { error: 'fout  ', warning: 'let op', similar: 'lijkt ' };

function statusText(status: string): string {
  return (
    ({ done: 'Klaar.', failed: 'Mislukt.', cancelled: 'Geannuleerd.' } as Record<string, string>)[
      status
    ] ?? status
  );
}

async function call<T>(api: Connection, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${api.url}${path}`, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${api.token}` },
  });
  if (!response.ok) throw new Error(await problem(response));
  return (await response.json()) as T;
}

async function problem(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { title?: string; detail?: string };
    return `${response.status} ${body.title ?? ''}: ${body.detail ?? text}`;
  } catch {
    return `${response.status}: ${text.slice(0, 200)}`;
  }
}
