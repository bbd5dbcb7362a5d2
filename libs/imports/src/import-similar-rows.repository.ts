import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { DuplicateQuery } from '@bouwsteen/assets';

/** A new row whose "dit bestaat al" waits: where it stands in the file, and what is compared. */
export interface SimilarRow {
  position: number;
  row: string | null;
  sourceId: string | null;
  assetId: string | null;
  title: string;
  query: DuplicateQuery;
}

/**
 * An import's new rows whose "dit bestaat al" waits for the import to end (`import_similar_row`)
 * and the job's count of them (`import_job.similar_left`), kept equal in every transaction.
 */
@Injectable()
export class ImportSimilarRowsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** New rows whose check waits for the end of the import (a row met again is kept once). */
  async add(manager: EntityManager, id: string, rows: SimilarRow[]): Promise<void> {
    if (rows.length === 0) return;
    const [added] = await manager.query(
      `WITH added AS (
         INSERT INTO import_similar_row (job_id, position, row_label, source_id, asset_id, title, query)
         SELECT $1, position, row_label, source_id, asset_id, title, query
           FROM unnest($2::int[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::jsonb[])
             AS t(position, row_label, source_id, asset_id, title, query)
         ON CONFLICT DO NOTHING RETURNING 1)
       SELECT count(*)::int AS count FROM added`,
      [
        id,
        rows.map((row) => row.position),
        rows.map((row) => row.row),
        rows.map((row) => row.sourceId),
        rows.map((row) => row.assetId),
        rows.map((row) => row.title),
        rows.map((row) => JSON.stringify(row.query)),
      ],
    );
    await manager.query(`UPDATE import_job SET similar_left = similar_left + $2 WHERE id = $1`, [
      id,
      added.count,
    ]);
  }

  /** The next rows to check, in file order. */
  next(id: string, limit: number): Promise<SimilarRow[]> {
    return this.db.query(
      `SELECT position, row_label AS "row", source_id AS "sourceId", asset_id AS "assetId", title, query
         FROM import_similar_row WHERE job_id = $1 ORDER BY position LIMIT $2`,
      [id, limit],
    );
  }

  /**
   * Strikes rows off (those at `positions`, or 'all'): answers the positions this transaction
   * struck off — a row another job struck off first is not among them — and how many are left.
   */
  async strike(
    manager: EntityManager,
    id: string,
    positions: number[] | 'all',
  ): Promise<{ removed: number[]; left: number }> {
    // As a SELECT over the DELETE: TypeORM answers a bare DELETE … RETURNING as [rows, count].
    const gone: { position: number }[] = await manager.query(
      `WITH gone AS (DELETE FROM import_similar_row
                      WHERE job_id = $1 AND ($2::int[] IS NULL OR position = ANY($2::int[]))
                      RETURNING position)
       SELECT position FROM gone`,
      [id, positions === 'all' ? null : positions],
    );
    const [[job]] = await manager.query(
      `UPDATE import_job SET similar_left = similar_left - $2 WHERE id = $1
        RETURNING similar_left AS "left"`,
      [id, gone.length],
    );
    return { removed: gone.map((row) => row.position), left: job?.left ?? 0 };
  }

  /** Counts the rows with findings among those a transaction struck off. */
  async found(manager: EntityManager, id: string, rows: number): Promise<void> {
    if (rows > 0)
      await manager.query(
        `UPDATE import_job SET similar_found = similar_found + $2 WHERE id = $1`,
        [id, rows],
      );
  }

  /** Whether any import (of any PPS) waits or reads rows now: the check lets imports go first. */
  async importsUnderWay(): Promise<boolean> {
    const [row] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM import_job WHERE status IN ('queued', 'running')) AS running`,
    );
    return row.running;
  }
}
