import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal API tokens remember the account's token version they were made under, as sessions
 * and access tokens do: a password change or a deactivation raises the version and ends every
 * one of them, also one made by a request that was signed in before the change. Tokens that
 * exist now take the account's current version.
 */
export class ApiTokenVersion1765501200000 implements MigrationInterface {
  name = 'ApiTokenVersion1765501200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_token ADD COLUMN token_version integer`);
    await q.query(
      `UPDATE api_token t SET token_version = u.token_version FROM app_user u WHERE u.id = t.user_id`,
    );
    await q.query(`ALTER TABLE api_token ALTER COLUMN token_version SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_token DROP COLUMN token_version`);
  }
}
