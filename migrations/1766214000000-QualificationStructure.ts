import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mbo qualification structure as SBB publishes it (issue 26): dossiers with their shared
 * core tasks, the qualifications in them (crebo, level, own core tasks) and keuzedelen with the
 * qualifications they combine with. Core tasks and work processes are read whole with their
 * dossier or qualification, never queried apart, so they are kept as JSON beside them.
 *
 * Every row names the import that last wrote it; the bundled reference set is an import marked
 * `reference`, which an operator's first import of SBB's real file removes whole.
 *
 * A keuzedeel's qualifications are not a foreign key: SBB lists keuzedelen separately, and one
 * may name a qualification whose dossier is not (yet) imported.
 *
 * The GIN index on published versions' crebo codes serves coverage ("which published curricula
 * name this crebo"), as the elective codes' index (ElectiveCodeIndex) serves keuzedelen.
 */
export class QualificationStructure1766214000000 implements MigrationInterface {
  name = 'QualificationStructure1766214000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE qualification_import (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_name text NOT NULL,
        source_hash text NOT NULL,
        reference boolean NOT NULL DEFAULT false,
        imported_by uuid,
        imported_at timestamptz NOT NULL DEFAULT now(),
        dossiers integer NOT NULL,
        qualifications integer NOT NULL,
        electives integer NOT NULL,
        warnings jsonb NOT NULL DEFAULT '[]'
      )`);
    await q.query(
      `CREATE INDEX qualification_import_at ON qualification_import (imported_at DESC)`,
    );
    await q.query(`
      CREATE TABLE qualification_dossier (
        crebo text PRIMARY KEY CHECK (crebo ~ '^[0-9]{5}$'),
        title text NOT NULL,
        version text,
        status text,
        valid_from date,
        intake_ends date,
        core_tasks jsonb NOT NULL DEFAULT '[]',
        import_id uuid NOT NULL REFERENCES qualification_import (id)
      )`);
    await q.query(`
      CREATE TABLE qualification (
        crebo text PRIMARY KEY CHECK (crebo ~ '^[0-9]{5}$'),
        dossier_crebo text NOT NULL REFERENCES qualification_dossier (crebo) ON DELETE CASCADE,
        title text NOT NULL,
        level smallint CHECK (level BETWEEN 1 AND 4),
        valid_from date,
        intake_ends date,
        core_tasks jsonb NOT NULL DEFAULT '[]',
        import_id uuid NOT NULL REFERENCES qualification_import (id)
      )`);
    await q.query(`CREATE INDEX qualification_dossier_crebo ON qualification (dossier_crebo)`);
    await q.query(`
      CREATE TABLE elective (
        code text PRIMARY KEY CHECK (code ~ '^K[0-9]{4}$'),
        title text NOT NULL,
        study_load_sbu integer CHECK (study_load_sbu >= 0),
        level smallint CHECK (level BETWEEN 1 AND 4),
        certificate boolean NOT NULL DEFAULT false,
        valid_from date,
        valid_until date,
        import_id uuid NOT NULL REFERENCES qualification_import (id)
      )`);
    await q.query(`
      CREATE TABLE elective_qualification (
        elective_code text NOT NULL REFERENCES elective (code) ON DELETE CASCADE,
        crebo text NOT NULL CHECK (crebo ~ '^[0-9]{5}$'),
        PRIMARY KEY (elective_code, crebo)
      )`);
    await q.query(`CREATE INDEX elective_qualification_crebo ON elective_qualification (crebo)`);
    await q.query(
      `CREATE INDEX asset_version_crebo_codes ON asset_version USING gin (crebo_codes)
       WHERE state = 'published' AND crebo_codes <> '{}'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX asset_version_crebo_codes`);
    await q.query(`DROP TABLE elective_qualification`);
    await q.query(`DROP TABLE elective`);
    await q.query(`DROP TABLE qualification`);
    await q.query(`DROP TABLE qualification_dossier`);
    await q.query(`DROP TABLE qualification_import`);
  }
}
