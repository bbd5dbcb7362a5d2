import { MigrationInterface, QueryRunner } from 'typeorm';

/** LLO courses: assembled by an LLO office for an employer from pinned module versions. */
export class Courses1764633600000 implements MigrationInterface {
  name = 'Courses1764633600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE course (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
        employer_organisation_id uuid NOT NULL REFERENCES organisation(id),
        owner_user_id uuid NOT NULL REFERENCES app_user(id),
        owner_organisation_id uuid REFERENCES organisation(id),
        audience text NOT NULL,
        goals text,
        start_date date,
        end_date date,
        duration_weeks integer CHECK (duration_weeks BETWEEN 1 AND 520),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'offered', 'running', 'archived')),
        extras_cents integer NOT NULL DEFAULT 0 CHECK (extras_cents >= 0),
        extras_description text,
        share_token_hash text UNIQUE,
        shared_at timestamptz,
        row_version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
      )`);
    await q.query(`CREATE INDEX course_owner_org_idx ON course (owner_organisation_id)`);
    await q.query(`CREATE INDEX course_owner_user_idx ON course (owner_user_id)`);
    await q.query(`
      CREATE TABLE course_item (
        course_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 1),
        asset_id uuid NOT NULL,
        asset_version integer NOT NULL,
        location text,
        PRIMARY KEY (course_id, position),
        UNIQUE (course_id, asset_id),
        FOREIGN KEY (asset_id, asset_version) REFERENCES asset_version(asset_id, number)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE course_item, course`);
  }
}
