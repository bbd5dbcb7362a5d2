import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts can be deleted (issue 27, privacy). What an account made for its PPS or office stays
 * and no longer names it: the blocks and versions it created or published, reuse it recorded and
 * imports it started keep their rows with the account set to NULL, as the audit trail, material
 * requests and reviews already did. A course of an LLO office stays with the office; a course
 * without an office was the account's own and goes with it (AccountDeletionService asks the
 * courses library to remove those first), so a course always has an owner of one kind.
 */
const TO_SET_NULL: [table: string, column: string][] = [
  ['asset', 'created_by'],
  ['asset_version', 'created_by'],
  ['asset_version', 'published_by'],
  ['reuse', 'recorded_by'],
  ['import_job', 'created_by'],
  ['course', 'owner_user_id'],
];

/**
 * A published version stays immutable (InitialSchema), with one exception: the accounts that
 * made, published or last edited it may become NULL when such an account is deleted (the
 * foreign keys' ON DELETE SET NULL is an UPDATE the trigger sees). Every other column, and every
 * other change of these three, is still refused. (A BEFORE trigger sees generated columns as
 * NULL in NEW: study_load_hours is left out of the comparison, the columns it is made of are not.)
 */
const IMMUTABLE_BUT_UNNAMED = `
  CREATE OR REPLACE FUNCTION asset_version_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'UPDATE'
       AND (NEW.created_by IS NOT DISTINCT FROM OLD.created_by OR NEW.created_by IS NULL)
       AND (NEW.published_by IS NOT DISTINCT FROM OLD.published_by OR NEW.published_by IS NULL)
       AND (NEW.updated_by IS NOT DISTINCT FROM OLD.updated_by OR NEW.updated_by IS NULL)
       AND to_jsonb(NEW) - ARRAY['created_by', 'published_by', 'updated_by', 'study_load_hours']
         = to_jsonb(OLD) - ARRAY['created_by', 'published_by', 'updated_by', 'study_load_hours'] THEN
      RETURN NEW;
    END IF;
    IF OLD.state = 'published' THEN
      RAISE EXCEPTION 'asset_version %/% is published and immutable', OLD.asset_id, OLD.number
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
  END $$`;

const IMMUTABLE = `
  CREATE OR REPLACE FUNCTION asset_version_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF OLD.state = 'published' THEN
      RAISE EXCEPTION 'asset_version %/% is published and immutable', OLD.asset_id, OLD.number
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
  END $$`;

export class AccountDeletion1766800000000 implements MigrationInterface {
  name = 'AccountDeletion1766800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_job ALTER COLUMN created_by DROP NOT NULL`);
    await q.query(`ALTER TABLE course ALTER COLUMN owner_user_id DROP NOT NULL`);
    await q.query(
      `ALTER TABLE course ADD CONSTRAINT course_has_owner
         CHECK (owner_user_id IS NOT NULL OR owner_organisation_id IS NOT NULL)`,
    );
    for (const [table, column] of TO_SET_NULL) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_${column}_fkey`);
      await q.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_${column}_fkey
           FOREIGN KEY (${column}) REFERENCES app_user (id) ON DELETE SET NULL`,
      );
    }
    await q.query(IMMUTABLE_BUT_UNNAMED);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(IMMUTABLE);
    for (const [table, column] of TO_SET_NULL) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_${column}_fkey`);
      await q.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_${column}_fkey
           FOREIGN KEY (${column}) REFERENCES app_user (id)`,
      );
    }
    await q.query(`ALTER TABLE course DROP CONSTRAINT course_has_owner`);
    // Fails while a course or an import lost its account: the earlier schema cannot hold it.
    await q.query(`ALTER TABLE course ALTER COLUMN owner_user_id SET NOT NULL`);
    await q.query(`ALTER TABLE import_job ALTER COLUMN created_by SET NOT NULL`);
  }
}
