import { MigrationInterface, QueryRunner } from 'typeorm';

/** The published surface as of PublishedRelations1766203200000. */
const PUBLISHED_VERSION_COLUMNS = `
  v.asset_id, v.number AS version, v.number = a.published_version AS is_current,
  a.pps_id, a.kind, a.status, a.published_version AS current_version, a.successor_id,
  a.reuse_count, a.based_on_asset_id, a.based_on_version, a.attribution,
  a.first_published_at, a.archived_at, a.updated_at,
  v.published_at, v.change_note, v.title, v.summary, v.description, v.keywords, v.language,
  v.sectors, v.levels, v.themes, v.challenges, v.license, v.crebo_codes, v.module_type,
  v.study_load_hours, v.audiences, v.learning_mode, v.delivery_modes, v.certification,
  v.stackable, v.price_cents, v.prerequisite_ids, v.building_blocks, v.configurations,
  v.details, a.public_changed_at, a.status = 'published' AS listed,
  v.component_ids, v.elective_codes, v.learning_paths`;

/**
 * A completeness gate per feed (issue 26): the `edurep` OAI-PMH set holds a block only when it
 * has Edurep's mandatory fields. Publishing stores on the asset what keeps its published
 * version out (`edurep_missing`, from libs/assets completeness.ts: [] when it is in; on the asset,
 * since a published version is immutable), so the set is a column harvest reads per page. `edurep_ever` keeps a block that leaves the set in it as a deleted
 * record (OAI-PMH: a harvester of the set must learn that it left). Every module published so
 * far was in the set (it held all modules), so they start with `edurep_ever`.
 *
 * The versions published before this migration are not checked here: the rule lives in
 * TypeScript, and `npm run seed` (also run by `npm start` and the compose file's one-shot
 * service) checks every unchecked published block (FeedMembership.refresh), stamping the
 * blocks whose membership changes so incremental harvests see them enter or leave.
 */
export class EdurepFeedGate1766210400000 implements MigrationInterface {
  name = 'EdurepFeedGate1766210400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE asset ADD COLUMN edurep_missing text[],
                        ADD COLUMN edurep_ever boolean NOT NULL DEFAULT false`);
    await q.query(
      `UPDATE asset SET edurep_ever = true WHERE kind = 'module' AND first_published_at IS NOT NULL`,
    );
    await q.query(`
      CREATE OR REPLACE VIEW asset_published_version AS
      SELECT ${PUBLISHED_VERSION_COLUMNS}, a.edurep_missing, a.edurep_ever
      FROM asset_version v
      JOIN asset a ON a.id = v.asset_id
      WHERE v.state = 'published'`);
    await q.query(`
      CREATE OR REPLACE VIEW asset_published AS
      SELECT asset_id AS id, * FROM asset_published_version WHERE is_current`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW asset_published`);
    await q.query(`DROP VIEW asset_published_version`);
    await q.query(`
      CREATE VIEW asset_published_version AS
      SELECT ${PUBLISHED_VERSION_COLUMNS}
      FROM asset_version v
      JOIN asset a ON a.id = v.asset_id
      WHERE v.state = 'published'`);
    await q.query(`
      CREATE VIEW asset_published AS
      SELECT asset_id AS id, * FROM asset_published_version WHERE is_current`);
    await q.query(`ALTER TABLE asset DROP COLUMN edurep_ever, DROP COLUMN edurep_missing`);
  }
}
