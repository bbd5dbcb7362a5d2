import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who changed accounts, PPS and organisations, written in the transaction of the change itself
 * (building blocks already keep who wrote and published each version). The actor is kept as a
 * name too, so the trail still reads after an account is gone.
 */
export class AuditTrail1765238400000 implements MigrationInterface {
  name = 'AuditTrail1765238400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_event (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        summary text NOT NULL
      )`);
    await q.query(`CREATE INDEX audit_event_at_idx ON audit_event (at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event`);
  }
}
