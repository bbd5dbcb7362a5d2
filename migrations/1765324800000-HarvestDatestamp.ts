import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When an asset's public face last changed — a version published, or the asset archived — in
 * whole seconds: the OAI-PMH datestamp. Kept on the asset by the publishing workflow and indexed
 * with the id, so a harvest pages through (datestamp, id) by index instead of sorting every
 * published asset for every page. The read surface carries it. Also an index for listing
 * published versions by title (OOAPI's course order).
 */
export class HarvestDatestamp1765324800000 implements MigrationInterface {
  name = 'HarvestDatestamp1765324800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE asset ADD COLUMN public_changed_at timestamptz`);
    await q.query(`
      UPDATE asset a SET public_changed_at = date_trunc('second',
        CASE WHEN a.status = 'archived' THEN a.archived_at
             ELSE (SELECT v.published_at FROM asset_version v
                   WHERE v.asset_id = a.id AND v.number = a.published_version) END)
      WHERE a.published_version IS NOT NULL`);
    await q.query(`
      CREATE INDEX asset_public_changed_idx ON asset (public_changed_at, id)
      WHERE public_changed_at IS NOT NULL`);
    // OOAPI lists courses by name: published versions in title order, without sorting them all.
    await q.query(`
      CREATE INDEX asset_version_published_title_idx ON asset_version (title, asset_id)
      WHERE state = 'published'`);
    await q.query(`DROP VIEW asset_published`);
    await q.query(`DROP VIEW asset_published_version`);
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
             v.details, a.public_changed_at
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
    await q.query(`DROP INDEX asset_version_published_title_idx`);
    await q.query(`ALTER TABLE asset DROP COLUMN public_changed_at`);
  }
}
