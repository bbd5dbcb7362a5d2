import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A document Meilisearch keeps rejecting is parked: set aside after a few attempts so it no
 * longer blocks or burns retries, and reported in /health/ready, /metrics and search:drift
 * until a later change of the same asset indexes cleanly (or `search:drift --repair` does).
 */
export class SearchOutboxParking1764806400000 implements MigrationInterface {
  name = 'SearchOutboxParking1764806400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE search_outbox ADD COLUMN parked_at timestamptz`);
    await q.query(`DROP INDEX search_outbox_pending_idx`);
    await q.query(
      `CREATE INDEX search_outbox_pending_idx ON search_outbox (next_attempt_at, id)
       WHERE processed_at IS NULL AND parked_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX search_outbox_parked_idx ON search_outbox (entity_id) WHERE parked_at IS NOT NULL AND processed_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX search_outbox_parked_idx`);
    await q.query(`DROP INDEX search_outbox_pending_idx`);
    await q.query(
      `CREATE INDEX search_outbox_pending_idx ON search_outbox (next_attempt_at, id) WHERE processed_at IS NULL`,
    );
    await q.query(`ALTER TABLE search_outbox DROP COLUMN parked_at`);
  }
}
