import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A course's share link is derived from a random nonce kept here and a key only the server has
 * (HMAC), so the same link can be shown again, to every one of parallel "share" requests, while
 * the table still holds only the link's fingerprint and nothing from which to make it. Links made
 * before have no nonce and cannot be shown again: the next "share" replaces them, as every
 * "share" did until now.
 */
export class CourseShareNonce1765504800000 implements MigrationInterface {
  name = 'CourseShareNonce1765504800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE course ADD COLUMN share_nonce text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE course DROP COLUMN share_nonce`);
  }
}
