import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ImportFormat } from './readers';

export type ImportStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** What a job has counted so far (its progress and totals). */
export interface Totals {
  rowsRead: number;
  bytesRead: number;
  created: number;
  updated: number;
  unchanged: number;
  published: number;
  failed: number;
  similar: number;
}

export interface ImportJobRow extends Totals {
  id: string;
  ppsId: string;
  createdBy: string;
  format: ImportFormat;
  fileName: string | null;
  dryRun: boolean;
  publish: boolean;
  checkSimilar: boolean;
  status: ImportStatus;
  cancelRequested: boolean;
  bytesTotal: number;
  reportLines: number;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface ReportLine {
  severity: 'error' | 'warning' | 'similar';
  row: string | null;
  sourceId: string | null;
  field: string | null;
  message: string;
  value: string | null;
  assetId: string | null;
  similarAssetId: string | null;
}

const COLUMNS = `id, pps_id AS "ppsId", created_by AS "createdBy", format, file_name AS "fileName",
  dry_run AS "dryRun", publish, check_similar AS "checkSimilar", status, cancel_requested AS "cancelRequested",
  bytes_total::float8 AS "bytesTotal", bytes_read::float8 AS "bytesRead", rows_read AS "rowsRead",
  created, updated, unchanged, published, failed, similar_found AS "similar", report_lines AS "reportLines", error,
  created_at AS "createdAt", started_at AS "startedAt", finished_at AS "finishedAt"`;

/**
 * Import jobs and their reports: this library's tables, queried only here. (An UPDATE …
 * RETURNING answers [rows, count] through TypeORM's query(), hence the destructuring.)
 */
@Injectable()
export class ImportJobsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(job: {
    ppsId: string;
    createdBy: string;
    format: ImportFormat;
    fileName: string | null;
    dryRun: boolean;
    publish: boolean;
    checkSimilar: boolean;
    bytesTotal: number;
  }): Promise<ImportJobRow> {
    const [row] = await this.db.query(
      `INSERT INTO import_job
         (pps_id, created_by, format, file_name, dry_run, publish, check_similar, bytes_total)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [
        job.ppsId,
        job.createdBy,
        job.format,
        job.fileName,
        job.dryRun,
        job.publish,
        job.checkSimilar,
        job.bytesTotal,
      ],
    );
    return row;
  }

  async find(id: string): Promise<ImportJobRow | null> {
    const [row] = await this.db.query(`SELECT ${COLUMNS} FROM import_job WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** Imports a reader may see: their own, and all of the PPS they edit (all for admins). */
  async list(
    scope: { all: boolean; userId: string; ppsIds: string[] },
    ppsId: string | undefined,
    offset: number,
    limit: number,
  ): Promise<[ImportJobRow[], number]> {
    const where = `($1 OR created_by = $2 OR pps_id = ANY($3::uuid[]))
      AND ($4::uuid IS NULL OR pps_id = $4)`;
    const parameters = [scope.all, scope.userId, scope.ppsIds, ppsId ?? null];
    const [rows, [count]] = await Promise.all([
      this.db.query(
        `SELECT ${COLUMNS} FROM import_job WHERE ${where}
         ORDER BY created_at DESC, id LIMIT $5 OFFSET $6`,
        [...parameters, limit, offset],
      ),
      this.db.query(`SELECT count(*)::int AS count FROM import_job WHERE ${where}`, parameters),
    ]);
    return [rows, count.count];
  }

  /** Takes a queued job for this runner; false when another took it or it was cancelled. */
  async start(id: string): Promise<boolean> {
    const [rows] = await this.db.query(
      `UPDATE import_job SET status = 'running', started_at = now(), heartbeat_at = now()
       WHERE id = $1 AND status = 'queued' RETURNING id`,
      [id],
    );
    return rows.length === 1;
  }

  /** Progress so far; answers whether someone asked to cancel. */
  async progress(id: string, totals: Totals): Promise<boolean> {
    const [[row]] = await this.db.query(
      `UPDATE import_job SET rows_read = $2, bytes_read = $3, created = $4, updated = $5,
         unchanged = $6, published = $7, failed = $8, similar_found = $9, heartbeat_at = now()
       WHERE id = $1 RETURNING cancel_requested AS "cancelRequested"`,
      [
        id,
        totals.rowsRead,
        totals.bytesRead,
        totals.created,
        totals.updated,
        totals.unchanged,
        totals.published,
        totals.failed,
        totals.similar,
      ],
    );
    return Boolean(row?.cancelRequested);
  }

  async finish(
    id: string,
    status: 'done' | 'failed' | 'cancelled',
    totals: Totals,
    error: string | null,
  ): Promise<void> {
    await this.progress(id, totals);
    await this.db.query(
      `UPDATE import_job SET status = $2, error = $3, finished_at = now() WHERE id = $1`,
      [id, status, error],
    );
  }

  /** A queued job is cancelled at once; a running one is asked to stop after its batch. */
  async requestCancel(id: string): Promise<boolean> {
    const [rows] = await this.db.query(
      `UPDATE import_job SET cancel_requested = true,
         status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END,
         finished_at = CASE WHEN status = 'queued' THEN now() ELSE finished_at END
       WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
      [id],
    );
    return rows.length === 1;
  }

  /** Jobs whose runner stopped (the process ended) are failed, not left running forever. */
  async failAbandoned(staleSeconds: number): Promise<number> {
    const [rows] = await this.db.query(
      `UPDATE import_job SET status = 'failed', finished_at = now(),
         error = 'De import is onderbroken (de server werd herstart); start hem opnieuw.'
       WHERE (status = 'running' AND heartbeat_at < now() - make_interval(secs => $1))
       RETURNING id`,
      [staleSeconds],
    );
    return rows.length;
  }

  async queued(): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM import_job WHERE status = 'queued' ORDER BY created_at`,
    );
    return rows.map((row) => row.id);
  }

  async failQueued(id: string, error: string): Promise<void> {
    await this.db.query(
      `UPDATE import_job SET status = 'failed', error = $2, finished_at = now()
       WHERE id = $1 AND status = 'queued'`,
      [id, error],
    );
  }

  /** Appends report lines, numbered on from the job's count, up to `cap` lines in all. */
  async addReportLines(id: string, lines: ReportLine[], cap: number): Promise<void> {
    if (lines.length === 0) return;
    await this.db.transaction(async (manager) => {
      const [job] = await manager.query(
        `SELECT report_lines FROM import_job WHERE id = $1 FOR UPDATE`,
        [id],
      );
      const room = Math.max(0, cap - job.report_lines);
      const kept = lines.slice(0, room);
      if (kept.length > 0)
        await manager.query(
          `INSERT INTO import_report_line
             (job_id, seq, severity, row_label, source_id, field, message, value, asset_id, similar_asset_id)
           SELECT $1, $2 + n, severity, row_label, source_id, field, message, value, asset_id, similar_asset_id
           FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::uuid[], $10::uuid[])
             WITH ORDINALITY AS t(severity, row_label, source_id, field, message, value, asset_id, similar_asset_id, n)`,
          [
            id,
            job.report_lines,
            kept.map((line) => line.severity),
            kept.map((line) => line.row),
            kept.map((line) => line.sourceId),
            kept.map((line) => line.field),
            kept.map((line) => line.message),
            kept.map((line) => line.value),
            kept.map((line) => line.assetId),
            kept.map((line) => line.similarAssetId),
          ],
        );
      await manager.query(`UPDATE import_job SET report_lines = report_lines + $2 WHERE id = $1`, [
        id,
        lines.length,
      ]);
    });
  }

  async reportPage(id: string, offset: number, limit: number): Promise<ReportLine[]> {
    return this.db.query(
      `SELECT severity, row_label AS "row", source_id AS "sourceId", field, message, value,
              asset_id AS "assetId", similar_asset_id AS "similarAssetId"
       FROM import_report_line WHERE job_id = $1 ORDER BY seq OFFSET $2 LIMIT $3`,
      [id, offset, limit],
    );
  }

  async storedLines(id: string): Promise<number> {
    const [row] = await this.db.query(
      `SELECT count(*)::int AS count FROM import_report_line WHERE job_id = $1`,
      [id],
    );
    return row.count;
  }
}
