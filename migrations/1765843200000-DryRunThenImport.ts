import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Nu echt importeren" after a dry run: a finished dry run keeps its file (in
 * `import_file_chunk`) until `file_kept_until`, and the real import of that file names the dry
 * run it came from. At most one import comes from a dry run (the unique index): a second click,
 * or two at once, starts it once.
 */
export class DryRunThenImport1765843200000 implements MigrationInterface {
  name = 'DryRunThenImport1765843200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_job
      ADD COLUMN file_kept_until timestamptz,
      ADD COLUMN from_dry_run uuid REFERENCES import_job(id) ON DELETE SET NULL`);
    await q.query(`CREATE UNIQUE INDEX import_job_from_dry_run_key ON import_job (from_dry_run)
      WHERE from_dry_run IS NOT NULL`);
    await q.query(`CREATE INDEX import_job_kept_file_idx ON import_job (pps_id, file_kept_until)
      WHERE file_kept_until IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Kept files of dry runs go: without the column nothing would remove them.
    await q.query(`DELETE FROM import_file_chunk c USING import_job j
      WHERE j.id = c.job_id AND j.file_kept_until IS NOT NULL`);
    await q.query(`DROP INDEX import_job_kept_file_idx`);
    await q.query(`DROP INDEX import_job_from_dry_run_key`);
    await q.query(`ALTER TABLE import_job DROP COLUMN from_dry_run, DROP COLUMN file_kept_until`);
  }
}
