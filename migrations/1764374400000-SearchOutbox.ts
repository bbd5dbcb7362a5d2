import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search is derived data: every change that affects the index writes a row here in the same
 * transaction; the worker drains it. Rows are kept after processing for a day (see the relay's
 * cleanup) so lag and failures can be inspected.
 */
export class SearchOutbox1764374400000 implements MigrationInterface {
  name = 'SearchOutbox1764374400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE search_outbox (
        id bigserial PRIMARY KEY,
        entity_type text NOT NULL CHECK (entity_type IN ('asset', 'pps', 'organisation')),
        entity_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        last_error text,
        processed_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX search_outbox_pending_idx ON search_outbox (next_attempt_at, id) WHERE processed_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX search_outbox_processed_idx ON search_outbox (processed_at) WHERE processed_at IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE search_outbox`);
  }
}
