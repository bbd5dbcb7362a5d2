import type { Response } from 'superagent';
import { TestApp, TestUser, bearer } from './test-app';

export interface ImportJob {
  id: string;
  status: string;
  totals: Record<string, number>;
  progress: { percent: number; rowsRead: number };
  similarCheck: { status: 'off' | 'waiting' | 'done'; rowsLeft: number };
  reportLines: number;
  error: string | null;
}

export interface ReportLine {
  severity: string;
  row: string | null;
  sourceId: string | null;
  field: string | null;
  message: string;
  value: string | null;
  assetId: string | null;
  similarAssetId: string | null;
}

/** Uploads a file as the body and waits until its job has ended. */
export async function runImport(
  t: TestApp,
  user: TestUser,
  ppsId: string,
  body: string | Buffer,
  options: { type?: string; dryRun?: boolean; publish?: boolean } = {},
): Promise<ImportJob> {
  const started = await t
    .http()
    .post(
      `/api/v1/imports?ppsId=${ppsId}&dryRun=${options.dryRun ?? false}&publish=${options.publish ?? false}`,
    )
    .set(bearer(user))
    .set('Content-Type', options.type ?? 'text/csv')
    .send(body)
    .expect(202);
  return finished(t, user, started.body.id);
}

/**
 * Waits until the job has ended and, unless `importOnly`, its "dit bestaat al" (which runs after
 * the rows are written) has checked every new row.
 */
export async function finished(
  t: TestApp,
  user: TestUser,
  id: string,
  timeoutMs = 60_000,
  importOnly = false,
): Promise<ImportJob> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await t.http().get(`/api/v1/imports/${id}`).set(bearer(user)).expect(200);
    const ended = !['queued', 'running'].includes(job.body.status);
    if (ended && (importOnly || job.body.similarCheck.status !== 'waiting')) return job.body;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${job.body.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function reportOf(t: TestApp, user: TestUser, id: string): Promise<ReportLine[]> {
  const lines: ReportLine[] = [];
  for (let page = 1; ; page++) {
    const response = await t
      .http()
      .get(`/api/v1/imports/${id}/report?pageNumber=${page}&pageSize=100`)
      .set(bearer(user))
      .expect(200);
    lines.push(...response.body.items);
    if (lines.length >= response.body.totalItems || response.body.items.length === 0) return lines;
  }
}

/** A CSV text from a header and rows (cells quoted as RFC 4180 wants). */
export function csv(header: string[], rows: (string | number)[][]): string {
  const cell = (value: string | number) => {
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** A supertest parser that keeps a binary body (a workbook, an export) as bytes. */
export function asBytes(
  response: Response,
  callback: (error: Error | null, body: Buffer) => void,
): void {
  const stream = response as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}
