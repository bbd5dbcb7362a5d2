import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in hardening. `token_version` is carried in every access token and raised when the
 * password changes or the account is deactivated, so tokens issued before stop working at once.
 * `row_version` gives accounts the same If-Match protection as every other resource.
 * `login_attempt` holds unsuccessful sign-ins for the per-address and per-account limits; it
 * lives in PostgreSQL so that several API processes share one count.
 */
export class AccountSecurity1764720000000 implements MigrationInterface {
  name = 'AccountSecurity1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user
        ADD COLUMN token_version integer NOT NULL DEFAULT 1,
        ADD COLUMN row_version integer NOT NULL DEFAULT 1`);
    await q.query(`
      CREATE TABLE login_attempt (
        id bigserial PRIMARY KEY,
        address text NOT NULL,
        email_key text NOT NULL,
        attempted_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(
      `CREATE INDEX login_attempt_address_idx ON login_attempt (address, attempted_at)`,
    );
    await q.query(
      `CREATE INDEX login_attempt_account_idx ON login_attempt (email_key, address, attempted_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_attempt`);
    await q.query(`ALTER TABLE app_user DROP COLUMN token_version, DROP COLUMN row_version`);
  }
}
