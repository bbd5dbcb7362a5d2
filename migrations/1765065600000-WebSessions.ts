import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed-in browsers. Only the SHA-256 of the cookie's secret is stored, so a copy of the table
 * signs nobody in. `token_version` is the account's version at sign-in: a password change or a
 * deactivation raises it and ends every session at once, as it does for access tokens.
 */
export class WebSessions1765065600000 implements MigrationInterface {
  name = 'WebSessions1765065600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE web_session (
        id_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        token_version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX web_session_user_idx ON web_session (user_id)`);
    await q.query(`CREATE INDEX web_session_expiry_idx ON web_session (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE web_session`);
  }
}
