import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { COLUMNS, ImportJobRow } from './import-jobs.repository';

/**
 * The file a finished dry run keeps for "Nu echt importeren": kept (in `import_file_chunk`, as
 * every import's file) until IMPORT_DRY_RUN_KEEP_HOURS have passed, its real import takes it,
 * or the PPS has IMPORT_MAX_JOBS_PER_PPS newer ones. Handing it over moves its chunks to the
 * new job without copying them; the new job's end removes it, as every job's end does.
 */
@Injectable()
export class KeptFiles {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** How long a dry run that got through its file keeps it (0: not at all). */
  get keepHours(): number {
    return this.config.imports.dryRunKeepHours;
  }

  /**
   * A dry run taken up for its real import, locked until the caller's transaction ends (two
   * requests at once take turns), with the import already made of it — read after the lock,
   * so the second of two requests sees the first one's.
   */
  async lock(
    manager: EntityManager,
    id: string,
  ): Promise<{ job: ImportJobRow; fileKept: boolean; realImportId: string | null } | null> {
    const [row] = await manager.query(
      `SELECT ${COLUMNS}, file_kept_until > now() AS "fileKept" FROM import_job
        WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) return null;
    const { fileKept, ...job } = row;
    const [real] = await manager.query(`SELECT id FROM import_job WHERE from_dry_run = $1`, [id]);
    return { job, fileKept: fileKept === true, realImportId: real?.id ?? null };
  }

  /**
   * The dry run's file becomes the job's (its chunks move; their bytes are not copied);
   * answers whether it still had one.
   */
  async handOver(manager: EntityManager, dryRunId: string, jobId: string): Promise<boolean> {
    await manager.query(`UPDATE import_job SET file_kept_until = NULL WHERE id = $1`, [dryRunId]);
    const [moved] = await manager.query(
      `WITH moved AS (UPDATE import_file_chunk SET job_id = $2 WHERE job_id = $1 RETURNING 1)
       SELECT count(*)::int AS chunks FROM moved`,
      [dryRunId, jobId],
    );
    return moved.chunks > 0;
  }

  /**
   * Ends the keeping of files kept too long (of any PPS) and of `ppsId`'s beyond its newest
   * IMPORT_MAX_JOBS_PER_PPS, and removes them. Runs when an import ends, as that removes files.
   */
  async sweep(manager: EntityManager, ppsId: string): Promise<void> {
    const [rows] = await manager.query(
      // A row another transaction holds (a sweep beside this one, a real import taking its
      // file) is skipped: the next sweep gets it, and two sweeps never wait on each other.
      `UPDATE import_job SET file_kept_until = NULL
        WHERE id IN (
          SELECT id FROM import_job
           WHERE file_kept_until IS NOT NULL
             AND (file_kept_until <= now()
               OR (pps_id = $1 AND id NOT IN (
                 SELECT id FROM import_job WHERE pps_id = $1 AND file_kept_until IS NOT NULL
                  ORDER BY finished_at DESC, id LIMIT $2)))
           FOR UPDATE SKIP LOCKED)
        RETURNING id`,
      [ppsId, this.config.imports.maxJobsPerPps],
    );
    const ids = rows.map((row: { id: string }) => row.id);
    if (ids.length > 0)
      await manager.query(`DELETE FROM import_file_chunk WHERE job_id = ANY($1::uuid[])`, [ids]);
  }
}
