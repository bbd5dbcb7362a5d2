import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Self-service accounts (issue 24). An account whose password someone else chose (an admin, at
 * invitation or afterwards) must choose its own before anything else. Invitation and reset
 * links hold a random secret of which only the SHA-256 is stored; each works once, expires, and
 * a newer link of the same account (or a new password) ends the older one — at most one is live
 * per account, which the partial unique index holds under parallel requests too. Page sessions
 * remember when they were last used and a summary of the browser ("Firefox op Windows"), never
 * the whole user agent or an address.
 */
export class SelfServiceAccounts1765670400000 implements MigrationInterface {
  name = 'SelfServiceAccounts1765670400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE app_user ADD COLUMN password_change_required boolean NOT NULL DEFAULT false`,
    );
    await q.query(`ALTER TABLE web_session ADD COLUMN last_seen_at timestamptz`);
    await q.query(`ALTER TABLE web_session ADD COLUMN browser text CHECK (length(browser) <= 100)`);
    await q.query(`
      CREATE TABLE password_link (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('invitation', 'reset')),
        secret_hash text NOT NULL UNIQUE,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        replaced_at timestamptz
      )`);
    await q.query(
      `CREATE UNIQUE INDEX password_link_live_idx ON password_link (user_id)
       WHERE used_at IS NULL AND replaced_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE password_link`);
    await q.query(`ALTER TABLE web_session DROP COLUMN browser, DROP COLUMN last_seen_at`);
    await q.query(`ALTER TABLE app_user DROP COLUMN password_change_required`);
  }
}
