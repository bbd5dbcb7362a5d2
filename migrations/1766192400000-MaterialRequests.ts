import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Requests for material (issue 25): someone who found a building block (or a PPS) asks its
 * owners for the material, and the request lands in that PPS's inbox in "Mijn PPS". The
 * requester's name, e-mail address, school or company and purpose are personal data: only the
 * owning PPS's editors and admins read them, and a request is deleted twelve months after it was
 * sent (libs/requests/src/request-rules.ts). The sender's network address is kept only as a
 * keyed hash, for the rate limit, and cleared after a day.
 */
export class MaterialRequests1766192400000 implements MigrationInterface {
  name = 'MaterialRequests1766192400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE material_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pps_id uuid NOT NULL REFERENCES pps (id) ON DELETE CASCADE,
        asset_id uuid REFERENCES asset (id) ON DELETE CASCADE,
        requester_name text NOT NULL CHECK (length(requester_name) BETWEEN 1 AND 100),
        requester_email text NOT NULL CHECK (length(requester_email) BETWEEN 3 AND 254),
        email_key text NOT NULL CHECK (length(email_key) <= 254),
        requester_organisation text NOT NULL
          CHECK (length(requester_organisation) BETWEEN 1 AND 150),
        purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 1000),
        sender_key text CHECK (length(sender_key) = 64),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        handled_at timestamptz,
        handled_by uuid REFERENCES app_user (id) ON DELETE SET NULL
      )`);
    // The inbox: a PPS's open requests first, newest first.
    await q.query(
      `CREATE INDEX material_request_inbox_idx
       ON material_request (pps_id, (handled_at IS NOT NULL), created_at DESC)`,
    );
    // The rate limit counts recent requests per sender and per e-mail address.
    await q.query(
      `CREATE INDEX material_request_sender_idx ON material_request (sender_key, created_at)
       WHERE sender_key IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX material_request_email_idx ON material_request (email_key, created_at)`,
    );
    // Retention: what is past its time is found by age.
    await q.query(`CREATE INDEX material_request_age_idx ON material_request (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE material_request`);
  }
}
