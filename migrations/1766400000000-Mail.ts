import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail (libs/mail), sent only by the worker's jobs. Each account chooses per mail type off,
 * digest (the default, no row needed) or immediate, and whether its digest comes daily (the
 * default) or weekly. What is to be mailed waits as a `mail_item` — a reference to its source
 * (a notification, a request for material, an account link), never its text — until a mail
 * takes it; an account link's secret waits only sealed (AES-GCM) and is cleared once sent.
 * `mail_sent` counts what an account received (no address, no text): the daily bound reads it.
 */
export class Mail1766400000000 implements MigrationInterface {
  name = 'Mail1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mail_setting (
        user_id uuid PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
        digest_frequency text NOT NULL DEFAULT 'daily' CHECK (digest_frequency IN ('daily', 'weekly')),
        last_digest_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE mail_preference (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type ~ '^[a-z][a-z-]{0,39}$'),
        mode text NOT NULL CHECK (mode IN ('off', 'digest', 'immediate')),
        PRIMARY KEY (user_id, type)
      )`);
    await q.query(`
      CREATE TABLE mail_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        type text NOT NULL,
        source text NOT NULL CHECK (source IN ('notification', 'request', 'password-link')),
        source_id uuid NOT NULL,
        sealed text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        skipped_at timestamptz
      )`);
    await q.query(`CREATE INDEX mail_item_pending_idx ON mail_item (user_id, created_at)
      WHERE sent_at IS NULL AND skipped_at IS NULL`);
    await q.query(`CREATE INDEX mail_item_done_idx ON mail_item (coalesce(sent_at, skipped_at))
      WHERE sent_at IS NOT NULL OR skipped_at IS NOT NULL`);
    await q.query(`
      CREATE TABLE mail_sent (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        type text NOT NULL,
        items integer NOT NULL,
        counted boolean NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX mail_sent_user_idx ON mail_sent (user_id, sent_at)`);
    await q.query(`SELECT pgboss.create_queue('mail', $1::json)`, [
      JSON.stringify({ policy: 'standard', deadLetter: 'dead_letter' }),
    ]);
    // At most one look for due digests waits at a time, however many workers ask for one.
    await q.query(`SELECT pgboss.create_queue('mail_digest', $1::json)`, [
      JSON.stringify({ policy: 'stately', retryLimit: 0 }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SELECT pgboss.delete_queue('mail_digest')`);
    await q.query(`SELECT pgboss.delete_queue('mail')`);
    await q.query(`DROP TABLE mail_sent, mail_item, mail_preference, mail_setting`);
  }
}
