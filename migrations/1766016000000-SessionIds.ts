import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A signed-in browser gets an id of its own, by which its owner's list names it ("Afmelden" for
 * that one browser): the list never shows the fingerprint of the cookie's secret, which is how
 * the session is found.
 */
export class SessionIds1766016000000 implements MigrationInterface {
  name = 'SessionIds1766016000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE web_session ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()`);
    await q.query(`CREATE UNIQUE INDEX web_session_id_key ON web_session (id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE web_session DROP COLUMN id`);
  }
}
