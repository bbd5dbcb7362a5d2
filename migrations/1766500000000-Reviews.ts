import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reviews as records (issue 27, part 3): one per building block and person, with the short
 * structured form (used or read, level, BOL/BBL, school or practice, three rubric items), free
 * text, one reply by the owning PPS, reports by anyone signed in, and hiding by the PPS. The view
 * `review_declared_use` is the reviews library's read surface for the reports: per block, how
 * many visible reviews declare it was used (a lower bound of use). A review on one's block is an
 * in-app notification of its own type.
 */
export class Reviews1766500000000 implements MigrationInterface {
  name = 'Reviews1766500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        asset_id uuid NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        use text NOT NULL CHECK (use IN ('used', 'read')),
        level smallint NOT NULL CHECK (level BETWEEN 1 AND 4),
        pathway text NOT NULL CHECK (pathway IN ('bol', 'bbl')),
        setting text NOT NULL CHECK (setting IN ('school', 'practice')),
        usability smallint NOT NULL CHECK (usability BETWEEN 1 AND 5),
        quality smallint NOT NULL CHECK (quality BETWEEN 1 AND 5),
        adaptability smallint NOT NULL CHECK (adaptability BETWEEN 1 AND 5),
        body text CHECK (length(body) <= 2000),
        revision integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        reply text CHECK (length(reply) <= 2000),
        reply_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        replied_at timestamptz,
        hidden_at timestamptz,
        hidden_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        UNIQUE (asset_id, author_id)
      )`);
    await q.query(`CREATE INDEX review_asset_idx ON review (asset_id, updated_at DESC)`);
    await q.query(`CREATE INDEX review_author_idx ON review (author_id)`);
    await q.query(`
      CREATE TABLE review_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL REFERENCES review(id) ON DELETE CASCADE,
        reporter_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        UNIQUE (review_id, reporter_id)
      )`);
    await q.query(`
      CREATE VIEW review_declared_use AS
        SELECT asset_id, count(*) FILTER (WHERE use = 'used')::int AS used,
               count(*)::int AS reviews
          FROM review WHERE hidden_at IS NULL GROUP BY asset_id`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_type_check`);
    await q.query(
      `ALTER TABLE notification ADD CONSTRAINT notification_type_check CHECK (type IN ('new-version', 'archived', 'review'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE type = 'review'`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_type_check`);
    await q.query(
      `ALTER TABLE notification ADD CONSTRAINT notification_type_check CHECK (type IN ('new-version', 'archived'))`,
    );
    await q.query(`DROP VIEW review_declared_use`);
    await q.query(`DROP TABLE review_report, review`);
  }
}
