import { MigrationInterface, QueryRunner } from 'typeorm';

/** The published surface as of HarvestDatestamp1765324800000, without `listed`. */
const PUBLISHED_VERSION_COLUMNS = `
  v.asset_id, v.number AS version, v.number = a.published_version AS is_current,
  a.pps_id, a.kind, a.status, a.published_version AS current_version, a.successor_id,
  a.reuse_count, a.based_on_asset_id, a.based_on_version, a.attribution,
  a.first_published_at, a.archived_at, a.updated_at,
  v.published_at, v.change_note, v.title, v.summary, v.description, v.keywords, v.language,
  v.sectors, v.levels, v.themes, v.challenges, v.license, v.crebo_codes, v.module_type,
  v.study_load_hours, v.audiences, v.learning_mode, v.delivery_modes, v.certification,
  v.stackable, v.price_cents, v.prerequisite_ids, v.building_blocks, v.configurations,
  v.details, a.public_changed_at`;

/**
 * Read surfaces for what other libraries may see, each written once by its owner:
 *
 * - `listed` (assets): a building block is listed while it is published and not archived —
 *   what search, sitemaps, OOAPI and the reports' overlap check show. A column of
 *   asset_published_version and asset_published, so a query says `WHERE a.listed` (and OAI-PMH
 *   `NOT a.listed` for a deletion) instead of repeating the status test.
 * - `pps_public` and `organisation_public` (organisations): the public face of a PPS (with
 *   its lead institution, the publisher harvesters see) and of an organisation. Other
 *   libraries read these views, never the tables. The lead is a LEFT JOIN on a NOT NULL
 *   foreign key: the same rows as an inner join, and PostgreSQL drops the join when a query
 *   reads no lead column.
 *
 * Views are inlined by the planner, so the queries keep their plans.
 */
export class ListedAndPublicFaces1765584000000 implements MigrationInterface {
  name = 'ListedAndPublicFaces1765584000000';

  async up(q: QueryRunner): Promise<void> {
    // Adding a column at the end is what CREATE OR REPLACE VIEW allows; `*` in asset_published
    // is expanded again, so it gains the column too.
    await q.query(`
      CREATE OR REPLACE VIEW asset_published_version AS
      SELECT ${PUBLISHED_VERSION_COLUMNS}, a.status = 'published' AS listed
      FROM asset_version v
      JOIN asset a ON a.id = v.asset_id
      WHERE v.state = 'published'`);
    await q.query(`
      CREATE OR REPLACE VIEW asset_published AS
      SELECT asset_id AS id, * FROM asset_published_version WHERE is_current`);
    await q.query(`
      CREATE VIEW organisation_public AS
      SELECT o.id, o.name, o.type FROM organisation o`);
    await q.query(`
      CREATE VIEW pps_public AS
      SELECT p.id, p.slug, p.name, p.provinces, p.configurations, p.building_blocks,
             p.lead_organisation_id, lead.name AS lead_name, lead.type AS lead_type
      FROM pps p
      LEFT JOIN organisation lead ON lead.id = p.lead_organisation_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW pps_public`);
    await q.query(`DROP VIEW organisation_public`);
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
