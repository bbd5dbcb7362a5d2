import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ImportFormat } from './readers';

export type ImportStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** What a job has counted so far (its progress and totals). */
export interface Totals extends Progress, Counts {}

/** How far into the file the reader got. */
export interface Progress {
  rowsRead: number;
  bytesRead: number;
}

/** What became of the rows. */
export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
  published: number;
  failed: number;
  similar: number;
}

/**
 * Where an interrupted import resumes: written with the rows it covers, in one transaction.
 * Rows 1…position have been dealt with, except `waiting` (set aside for codes further down).
 */
export interface Checkpoint {
  position: number;
  waiting: number[];
  /** The whole file was read; what is left are the waiting rows' rounds. */
  rounds: boolean;
  /** The last round wrote nothing: no row may wait any longer. */
  stuck: boolean;
  /** Rows past `position` already dealt with (a batch written row by row, interrupted). */
  done: number[];
  /** Notes about the file (not a row) written so far: a resumed attempt meets them again. */
  notices: number;
}

export interface ImportJobRow extends Totals {
  id: string;
  ppsId: string;
  /** NULL once the account that started it is deleted. */
  createdBy: string | null;
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
  attempt: number;
  checkpoint: Checkpoint | null;
  /** A finished dry run's file is kept until then, for the real import of it. */
  fileKeptUntil: Date | null;
  /** The dry run this import's file came from. */
  dryRunId: string | null;
  /** The import a dry run's file went on to (one at most). */
  realImportId: string | null;
  /** New rows whose "dit bestaat al" is still to be checked (after the rows are written). */
  similarLeft: number;
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
  /** Where in the file it belongs (the row's place, or the row a note follows): the report's order. Not shown. */
  position?: number | null;
}

/** An import_job row as ImportJobRow (in a query of `import_job` unaliased). */
export const COLUMNS = `id, pps_id AS "ppsId", created_by AS "createdBy", format, file_name AS "fileName",
  dry_run AS "dryRun", publish, check_similar AS "checkSimilar", status, cancel_requested AS "cancelRequested",
  bytes_total::float8 AS "bytesTotal", bytes_read::float8 AS "bytesRead", rows_read AS "rowsRead",
  created, updated, unchanged, published, failed, similar_found AS "similar", report_lines AS "reportLines", error,
  created_at AS "createdAt", started_at AS "startedAt", finished_at AS "finishedAt",
  attempt, checkpoint, file_kept_until AS "fileKeptUntil", from_dry_run AS "dryRunId",
  (SELECT run.id FROM import_job run WHERE run.from_dry_run = import_job.id) AS "realImportId",
  similar_left AS "similarLeft"`;

/** A job in one of these has ended (its similarity check may still be going on). */
export const ENDED: readonly ImportStatus[] = ['done', 'failed', 'cancelled'];
const FINAL = `status IN (${ENDED.map((status) => `'${status}'`).join(', ')})`;

/**
 * Import jobs, their files' turn and their reports: this library's tables, queried only here.
 * (An UPDATE … RETURNING answers [rows, count] through TypeORM's query(), hence the
 * destructuring.)
 */
@Injectable()
export class ImportJobsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(
    manager: EntityManager,
    job: Pick<
      ImportJobRow,
      'ppsId' | 'createdBy' | 'format' | 'fileName' | 'dryRun' | 'publish' | 'checkSimilar'
    > & { dryRunId?: string },
  ): Promise<ImportJobRow> {
    const [row] = await manager.query(
      `INSERT INTO import_job (pps_id, created_by, format, file_name, dry_run, publish,
         check_similar, bytes_total, from_dry_run)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8) RETURNING ${COLUMNS}`,
      [
        job.ppsId,
        job.createdBy,
        job.format,
        job.fileName,
        job.dryRun,
        job.publish,
        job.checkSimilar,
        job.dryRunId ?? null,
      ],
    );
    return row;
  }

  async setSize(manager: EntityManager, id: string, bytes: number): Promise<ImportJobRow> {
    const [[row]] = await manager.query(
      `UPDATE import_job SET bytes_total = $2 WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, bytes],
    );
    return row;
  }

  async find(id: string, manager: EntityManager = this.db.manager): Promise<ImportJobRow | null> {
    const [row] = await manager.query(`SELECT ${COLUMNS} FROM import_job WHERE id = $1`, [id]);
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

  /** Imports of the PPS not yet ended (waiting their turn, queued or running). */
  async unfinished(ppsId: string, manager: EntityManager = this.db.manager): Promise<number> {
    const [row] = await manager.query(
      `SELECT count(*)::int AS count FROM import_job WHERE pps_id = $1 AND status IN ('queued', 'running')`,
      [ppsId],
    );
    return row.count;
  }

  /**
   * The PPS's next import, when none of its imports is with the engine: marked as handed over
   * (the caller sends it in the same transaction). At most one per PPS, by a unique index.
   */
  async takeNext(
    manager: EntityManager,
    ppsId: string,
  ): Promise<{ id: string; bytesTotal: number } | null> {
    const [rows] = await manager.query(
      `UPDATE import_job SET dispatched = true
        WHERE id = (SELECT id FROM import_job
                     WHERE pps_id = $1 AND status = 'queued' AND NOT dispatched
                       AND NOT EXISTS (SELECT 1 FROM import_job
                                        WHERE pps_id = $1 AND dispatched AND status IN ('queued', 'running'))
                     ORDER BY created_at, id LIMIT 1)
        RETURNING id, bytes_total::float8 AS "bytesTotal"`,
      [ppsId],
    );
    return rows[0] ?? null;
  }

  /** An attempt takes the job up: running, with its attempt number (null once ended). */
  async begin(manager: EntityManager, id: string, attempt: number): Promise<ImportJobRow | null> {
    const [[row]] = await manager.query(
      `UPDATE import_job SET status = 'running', attempt = $2, started_at = COALESCE(started_at, now()),
         checkpoint = COALESCE(checkpoint, '{"position": 0, "waiting": [], "rounds": false, "stuck": false, "done": [], "notices": 0}')
        WHERE id = $1 AND NOT (${FINAL}) RETURNING ${COLUMNS}`,
      [id, attempt],
    );
    return row ?? null;
  }

  /** A dry run starts again from the top (it wrote nothing, so nothing is lost). */
  async restart(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM import_report_line WHERE job_id = $1`, [id]);
    await manager.query(
      `UPDATE import_job SET rows_read = 0, bytes_read = 0, created = 0, updated = 0, unchanged = 0,
         published = 0, failed = 0, similar_found = 0, report_lines = 0,
         checkpoint = '{"position": 0, "waiting": [], "rounds": false, "stuck": false, "done": [], "notices": 0}'
       WHERE id = $1`,
      [id],
    );
  }

  /**
   * What a transaction of the import did, in that transaction: how far the reader got, the
   * counts to add, report lines, and the checkpoint (or rows to add to its `done`). Counts are
   * added, never set, so a transaction that rolls back takes its share with it. Answers
   * whether someone asked to cancel.
   */
  async record(
    manager: EntityManager,
    id: string,
    change: {
      progress: Progress;
      counts?: Partial<Counts>;
      lines?: ReportLine[];
      cap: number;
      checkpoint?: Checkpoint;
      done?: number[];
    },
  ): Promise<boolean> {
    await this.addReportLines(manager, id, change.lines ?? [], change.cap);
    const add = (key: keyof Counts) => change.counts?.[key] ?? 0;
    const [[row]] = await manager.query(
      `UPDATE import_job SET rows_read = GREATEST(rows_read, $2), bytes_read = GREATEST(bytes_read, $3),
         created = created + $4, updated = updated + $5, unchanged = unchanged + $6,
         published = published + $7, failed = failed + $8, similar_found = similar_found + $9,
         checkpoint = CASE
           WHEN $10::jsonb IS NOT NULL THEN $10::jsonb
           WHEN $11::jsonb IS NOT NULL THEN jsonb_set(checkpoint, '{done}', (checkpoint->'done') || $11::jsonb)
           ELSE checkpoint END
       WHERE id = $1 RETURNING cancel_requested AS "cancelRequested"`,
      [
        id,
        change.progress.rowsRead,
        change.progress.bytesRead,
        add('created'),
        add('updated'),
        add('unchanged'),
        add('published'),
        add('failed'),
        add('similar'),
        change.checkpoint ? JSON.stringify(change.checkpoint) : null,
        change.done && change.done.length > 0 ? JSON.stringify(change.done) : null,
      ],
    );
    return Boolean(row?.cancelRequested);
  }

  /**
   * Ends the job; answers its PPS (whose next import may now go) and whether its file is kept
   * (a dry run that got through its file, for `keepHours`), or null if it had ended.
   */
  async finish(
    manager: EntityManager,
    id: string,
    status: 'done' | 'failed' | 'cancelled',
    error: string | null,
    keepHours = 0,
  ): Promise<{ ppsId: string; kept: boolean; similarLeft: number } | null> {
    const [[row]] = await manager.query(
      `UPDATE import_job SET status = $2, error = $3, finished_at = now(), checkpoint = NULL,
         file_kept_until = CASE WHEN dry_run AND $2 = 'done' AND $4 > 0
           THEN now() + make_interval(hours => $4) END
        WHERE id = $1 AND NOT (${FINAL})
        RETURNING pps_id AS "ppsId", file_kept_until IS NOT NULL AS kept, similar_left AS "similarLeft"`,
      [id, status, error, keepHours],
    );
    return row ? { ppsId: row.ppsId, kept: row.kept, similarLeft: row.similarLeft } : null;
  }

  /** An attempt ended early and another will follow: the job waits again. */
  async requeue(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE import_job SET status = 'queued' WHERE id = $1 AND status = 'running'`,
      [id],
    );
  }

  /**
   * A waiting job is cancelled at once (answers 'cancelled', with whether the engine has it); a
   * running one is asked to stop ('asked'); an ended one cannot be ('ended').
   */
  async requestCancel(
    manager: EntityManager,
    id: string,
  ): Promise<{
    outcome: 'cancelled' | 'asked' | 'ended';
    ppsId: string;
    dispatched: boolean;
    bytesTotal: number;
  }> {
    const [job] = await manager.query(
      `SELECT status, pps_id AS "ppsId", dispatched, bytes_total::float8 AS "bytesTotal"
         FROM import_job WHERE id = $1 FOR UPDATE`,
      [id],
    );
    const { ppsId, dispatched, bytesTotal } = job;
    if (ENDED.includes(job.status)) return { outcome: 'ended', ppsId, dispatched, bytesTotal };
    await manager.query(
      `UPDATE import_job SET cancel_requested = true,
         status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END,
         finished_at = CASE WHEN status = 'queued' THEN now() ELSE finished_at END
       WHERE id = $1`,
      [id],
    );
    return {
      outcome: job.status === 'queued' ? 'cancelled' : 'asked',
      ppsId,
      dispatched,
      bytesTotal,
    };
  }

  /** Appends lines numbered on from the job's count: the import's up to `cap` in all, its "dit
   * bestaat al" (written after) up to `cap` of its own, so problems never crowd findings out. */
  async addReportLines(
    manager: EntityManager,
    id: string,
    lines: ReportLine[],
    cap: number,
    budget: 'import' | 'check' = 'import',
  ): Promise<void> {
    if (lines.length === 0) return;
    const [job] = await manager.query(
      `SELECT report_lines, CASE WHEN $2 THEN (SELECT count(*)::int FROM import_report_line
                WHERE job_id = $1 AND severity = 'similar') END AS similar
         FROM import_job WHERE id = $1 FOR UPDATE`,
      [id, budget === 'check'],
    );
    if (!job) return; // the import was deleted (with its PPS) meanwhile
    const room = Math.max(0, cap - (budget === 'check' ? job.similar : job.report_lines));
    const kept = lines.slice(0, room);
    if (kept.length > 0)
      await manager.query(
        `INSERT INTO import_report_line
           (job_id, seq, severity, row_label, source_id, field, message, value, asset_id, similar_asset_id, position)
         SELECT $1, $2 + n, severity, row_label, source_id, field, message, value, asset_id, similar_asset_id, position
         FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::uuid[], $10::uuid[], $11::int[])
           WITH ORDINALITY AS t(severity, row_label, source_id, field, message, value, asset_id, similar_asset_id, position, n)`,
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
          kept.map((line) => line.position ?? null),
        ],
      );
    await manager.query(`UPDATE import_job SET report_lines = report_lines + $2 WHERE id = $1`, [
      id,
      lines.length,
    ]);
  }

  /**
   * A page of the report in the file's order: a row that waited (for a code further down, or
   * for the next batch) is reported where it stands, not where it was written.
   */
  async reportPage(id: string, offset: number, limit: number): Promise<ReportLine[]> {
    return this.db.query(
      `SELECT severity, row_label AS "row", source_id AS "sourceId", field, message, value,
              asset_id AS "assetId", similar_asset_id AS "similarAssetId"
       FROM import_report_line WHERE job_id = $1
       ORDER BY position NULLS LAST, seq OFFSET $2 LIMIT $3`,
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
