import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Listings of published blocks in name order (OOAPI's /courses) in pages without reading what
 * they skip: the published version's title is kept on the asset (set by publishing, in
 * publication.ts), and an index holds the listed blocks of each kind in (title, id) order and
 * one in id order. Skipping to page 300 reads 30,000 index entries, no versions.
 *
 * `asset_listing` is the assets' read surface for it (other libraries read the view, never
 * the table): the listed blocks with their kind and published title.
 */
export class ListingOrder1766206800000 implements MigrationInterface {
  name = 'ListingOrder1766206800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE asset ADD COLUMN published_title text`);
    await q.query(`
      UPDATE asset a SET published_title = v.title
      FROM asset_version v
      WHERE v.asset_id = a.id AND v.number = a.published_version`);
    await q.query(`
      CREATE INDEX asset_listed_title_idx ON asset (kind, published_title, id)
      WHERE status = 'published'`);
    await q.query(
      `CREATE INDEX asset_listed_id_idx ON asset (kind, id) WHERE status = 'published'`,
    );
    await q.query(`
      CREATE VIEW asset_listing AS
      SELECT a.id, a.kind, a.published_title AS title FROM asset a WHERE a.status = 'published'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW asset_listing`);
    await q.query(`DROP INDEX asset_listed_id_idx`);
    await q.query(`DROP INDEX asset_listed_title_idx`);
    await q.query(`ALTER TABLE asset DROP COLUMN published_title`);
  }
}
