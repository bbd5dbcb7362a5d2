import { MigrationInterface, QueryRunner } from 'typeorm';

/** The published surface as of ListedAndPublicFaces1765584000000 (with `listed` last). */
const PUBLISHED_VERSION_COLUMNS = `
  v.asset_id, v.number AS version, v.number = a.published_version AS is_current,
  a.pps_id, a.kind, a.status, a.published_version AS current_version, a.successor_id,
  a.reuse_count, a.based_on_asset_id, a.based_on_version, a.attribution,
  a.first_published_at, a.archived_at, a.updated_at,
  v.published_at, v.change_note, v.title, v.summary, v.description, v.keywords, v.language,
  v.sectors, v.levels, v.themes, v.challenges, v.license, v.crebo_codes, v.module_type,
  v.study_load_hours, v.audiences, v.learning_mode, v.delivery_modes, v.certification,
  v.stackable, v.price_cents, v.prerequisite_ids, v.building_blocks, v.configurations,
  v.details, a.public_changed_at, a.status = 'published' AS listed`;

/**
 * Relations and codes in every feed (issue 26): the published surface gains what a published
 * version says about its parts and qualification codes — a curriculum's modules
 * (`component_ids`, in its order), the keuzedeel codes of a curriculum or module
 * (`elective_codes`) and a curriculum's learning paths (`learning_paths`) — so harvest reads
 * them without touching asset_version. Columns are added at the end, which is what
 * CREATE OR REPLACE VIEW allows (`*` in asset_published is expanded again).
 *
 * "Which listed curricula hold this module" is asked for a page of 200 records at a time
 * (OAI-PMH ListRecords): a GIN index over the published versions' parts answers it without
 * reading every curriculum.
 */
export class PublishedRelations1766203200000 implements MigrationInterface {
  name = 'PublishedRelations1766203200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE VIEW asset_published_version AS
      SELECT ${PUBLISHED_VERSION_COLUMNS}, v.component_ids, v.elective_codes, v.learning_paths
      FROM asset_version v
      JOIN asset a ON a.id = v.asset_id
      WHERE v.state = 'published'`);
    await q.query(`
      CREATE OR REPLACE VIEW asset_published AS
      SELECT asset_id AS id, * FROM asset_published_version WHERE is_current`);
    await q.query(
      `CREATE INDEX asset_version_component_ids ON asset_version USING gin (component_ids)
       WHERE state = 'published'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX asset_version_component_ids`);
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
  }
}
