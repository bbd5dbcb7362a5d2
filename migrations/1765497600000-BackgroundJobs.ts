import { MigrationInterface, QueryRunner } from 'typeorm';
import PgBoss from 'pg-boss';
import { readFileSync } from 'node:fs';

/** pg-boss's schema version this migration builds (pg-boss 10.x); an upgrade is a new migration. */
const PG_BOSS_SCHEMA_VERSION = 24;

/** The queues and their engine tables (pg-boss makes a partition per queue). */
const QUEUES = [
  // Jobs that ran out of attempts land here, visible to admins in /beheer; nothing works it.
  { name: 'dead_letter', options: { policy: 'standard', retryLimit: 0 } },
  { name: 'import', options: { policy: 'standard', deadLetter: 'dead_letter' } },
  // Small files have a lane of their own, so a long import never stands before a short one.
  { name: 'import_small', options: { policy: 'standard', deadLetter: 'dead_letter' } },
  { name: 'webhook', options: { policy: 'standard', deadLetter: 'dead_letter' } },
];

/**
 * Background work runs as jobs of pg-boss (schema `pgboss`), worked by the worker process:
 * imports and webhook deliveries. pg-boss keeps each job's state, attempts and backoff and
 * moves a job that ran out of attempts to the dead-letter queue. What pg-boss has no notion of
 * lives beside it: `job_lease` — the worker holding a job renews its lease every few seconds,
 * and a job whose lease ran out (its worker died) is failed back to pg-boss within seconds, so
 * it is retried elsewhere; writes of a job are fenced by the lease.
 *
 * An import's file is kept in PostgreSQL (`import_file_chunk`) from upload to the end of its
 * job, so any worker on any host can run it and nothing is left on a disk. At most one import
 * of a PPS is handed to the engine at a time (`dispatched`): the others wait their PPS's turn,
 * so one PPS's big import never holds another PPS's small one. `checkpoint` is what an
 * interrupted import resumes from: written in the same transaction as the rows it covers.
 */
export class BackgroundJobs1765497600000 implements MigrationInterface {
  name = 'BackgroundJobs1765497600000';

  async up(q: QueryRunner): Promise<void> {
    const installed = JSON.parse(readFileSync(require.resolve('pg-boss/version.json'), 'utf8')) as {
      schema: number;
    };
    if (installed.schema !== PG_BOSS_SCHEMA_VERSION)
      throw new Error(
        `pg-boss builds schema version ${installed.schema}; this migration is for ${PG_BOSS_SCHEMA_VERSION}. Add a migration with PgBoss.getMigrationPlans instead.`,
      );
    // pg-boss's own plan, without its BEGIN/COMMIT: the migration's transaction holds it.
    const plan = PgBoss.getConstructionPlans('pgboss')
      .replace(/^\s*BEGIN;/, '')
      .replace(/COMMIT;\s*$/, '');
    await q.query(plan);
    for (const queue of QUEUES)
      await q.query(`SELECT pgboss.create_queue($1, $2::json)`, [
        queue.name,
        JSON.stringify(queue.options),
      ]);

    await q.query(`
      CREATE TABLE job_lease (
        job_id uuid PRIMARY KEY,
        queue text NOT NULL,
        attempt integer NOT NULL,
        worker text NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX job_lease_until_idx ON job_lease (lease_until)`);

    // Jobs queued or running when this runs had their files in the API's directory: they
    // cannot be run by a worker, so they end with a word on what to do.
    await q.query(`UPDATE import_job SET status = 'failed', finished_at = now(),
      error = 'De import is onderbroken door een update van Bouwsteen; start hem opnieuw.'
      WHERE status IN ('queued', 'running')`);
    await q.query(`ALTER TABLE import_job DROP COLUMN heartbeat_at`);
    await q.query(`ALTER TABLE import_job
      ADD COLUMN dispatched boolean NOT NULL DEFAULT false,
      ADD COLUMN attempt integer NOT NULL DEFAULT 0,
      ADD COLUMN checkpoint jsonb`);
    await q.query(`CREATE UNIQUE INDEX import_job_one_per_pps ON import_job (pps_id)
      WHERE dispatched AND status IN ('queued', 'running')`);
    await q.query(`CREATE INDEX import_job_waiting_idx ON import_job (pps_id, created_at)
      WHERE status = 'queued' AND NOT dispatched`);
    await q.query(`
      CREATE TABLE import_file_chunk (
        job_id uuid NOT NULL REFERENCES import_job(id) ON DELETE CASCADE,
        seq integer NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (job_id, seq)
      )`);
    // Spreadsheets are zipped already and CSV is read once: compressing the chunks would only
    // cost CPU on the way in and out.
    await q.query(`ALTER TABLE import_file_chunk ALTER COLUMN data SET STORAGE EXTERNAL`);

    // Deliveries not yet made become jobs; their own retry bookkeeping is pg-boss's now.
    await q.query(`
      INSERT INTO pgboss.job (name, data, retry_limit, retry_delay, retry_backoff, dead_letter)
      SELECT 'webhook', json_build_object('deliveryId', id::text), 9, 2, true, 'dead_letter'
      FROM webhook_delivery WHERE delivered_at IS NULL AND gave_up_at IS NULL`);
    await q.query(`DROP INDEX webhook_delivery_due_idx`);
    await q.query(`ALTER TABLE webhook_delivery DROP COLUMN next_attempt_at`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE webhook_delivery
      ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT clock_timestamp()`);
    await q.query(`CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at)
      WHERE delivered_at IS NULL AND gave_up_at IS NULL`);
    await q.query(`DROP TABLE import_file_chunk`);
    await q.query(`DROP INDEX import_job_waiting_idx`);
    await q.query(`DROP INDEX import_job_one_per_pps`);
    await q.query(`ALTER TABLE import_job DROP COLUMN dispatched, DROP COLUMN attempt,
      DROP COLUMN checkpoint, ADD COLUMN heartbeat_at timestamptz`);
    await q.query(`DROP TABLE job_lease`);
    await q.query(`DROP SCHEMA pgboss CASCADE`);
  }
}
