import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Importing a catalogue. `asset.source_id` is the PPS's own code for a building block (unique
 * within the PPS), so importing the same file twice finds the blocks it made the first time.
 * An import runs as a job: its progress, totals and per-row report are kept with it.
 */
export class CatalogueImport1765411200000 implements MigrationInterface {
  name = 'CatalogueImport1765411200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE asset ADD COLUMN source_id text
      CHECK (source_id IS NULL OR length(source_id) BETWEEN 1 AND 100)`);
    await q.query(`CREATE UNIQUE INDEX asset_pps_source_id_key ON asset (pps_id, source_id)
      WHERE source_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE import_job (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pps_id uuid NOT NULL REFERENCES pps(id),
        created_by uuid NOT NULL REFERENCES app_user(id),
        format text NOT NULL CHECK (format IN ('csv', 'xlsx', 'jsonl')),
        file_name text,
        dry_run boolean NOT NULL,
        publish boolean NOT NULL,
        check_similar boolean NOT NULL DEFAULT true,
        status text NOT NULL DEFAULT 'queued'
          CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
        cancel_requested boolean NOT NULL DEFAULT false,
        bytes_total bigint NOT NULL,
        bytes_read bigint NOT NULL DEFAULT 0,
        rows_read integer NOT NULL DEFAULT 0,
        created integer NOT NULL DEFAULT 0,
        updated integer NOT NULL DEFAULT 0,
        unchanged integer NOT NULL DEFAULT 0,
        published integer NOT NULL DEFAULT 0,
        failed integer NOT NULL DEFAULT 0,
        similar_found integer NOT NULL DEFAULT 0,
        report_lines integer NOT NULL DEFAULT 0,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        heartbeat_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX import_job_queue_idx ON import_job (created_at) WHERE status = 'queued'`,
    );
    await q.query(`CREATE INDEX import_job_pps_idx ON import_job (pps_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE import_report_line (
        job_id uuid NOT NULL REFERENCES import_job(id) ON DELETE CASCADE,
        seq integer NOT NULL,
        severity text NOT NULL CHECK (severity IN ('error', 'warning', 'similar')),
        row_label text,
        source_id text,
        field text,
        message text NOT NULL,
        value text,
        asset_id uuid,
        similar_asset_id uuid,
        PRIMARY KEY (job_id, seq)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_report_line`);
    await q.query(`DROP TABLE import_job`);
    await q.query(`DROP INDEX asset_pps_source_id_key`);
    await q.query(`ALTER TABLE asset DROP COLUMN source_id`);
  }
}
