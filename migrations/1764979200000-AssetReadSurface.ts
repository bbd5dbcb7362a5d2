import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read surface of the asset aggregate, owned by libs/assets: what "published" means is
 * written here once. Other libraries (search, reports, reuse, courses, follow) read published
 * assets through these views or through the assets repositories, never through the tables.
 *
 * - asset_published_version: every published version, with the facts of its asset;
 *   is_current marks the asset's current published version.
 * - asset_published: one row per asset that has been published (status published or archived),
 *   with its current published version.
 */
export class AssetReadSurface1764979200000 implements MigrationInterface {
  name = 'AssetReadSurface1764979200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW asset_published_version AS
      SELECT v.asset_id, v.number AS version, v.number = a.published_version AS is_current,
             a.pps_id, a.kind, a.status, a.published_version AS current_version, a.successor_id,
             a.reuse_count, a.based_on_asset_id, a.based_on_version, a.attribution,
             a.first_published_at, a.archived_at, a.updated_at,
             v.published_at, v.change_note, v.title, v.summary, v.description, v.keywords, v.language,
             v.sectors, v.levels, v.themes, v.challenges, v.license, v.crebo_codes, v.module_type,
             v.study_load_hours, v.audiences, v.learning_mode, v.delivery_modes, v.certification,
             v.stackable, v.price_cents, v.prerequisite_ids, v.building_blocks, v.configurations,
             v.details
      FROM asset_version v
      JOIN asset a ON a.id = v.asset_id
      WHERE v.state = 'published'`);
    await q.query(`
      CREATE VIEW asset_published AS
      SELECT asset_id AS id, * FROM asset_published_version WHERE is_current`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW asset_published`);
    await q.query(`DROP VIEW asset_published_version`);
  }
}
