import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One adopter records one reuse of one version in one context once: a second identical record
 * would count the same evidence twice. Identical records that exist already are the same fact;
 * the oldest is kept.
 */
export class ReuseOncePerAdopter1764892800000 implements MigrationInterface {
  name = 'ReuseOncePerAdopter1764892800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM reuse r USING reuse older
      WHERE r.asset_id = older.asset_id AND r.asset_version = older.asset_version
        AND coalesce(r.adopter_pps_id, r.adopter_organisation_id) = coalesce(older.adopter_pps_id, older.adopter_organisation_id)
        AND lower(btrim(r.context)) = lower(btrim(older.context))
        AND (older.created_at, older.id) < (r.created_at, r.id)`);
    await q.query(`
      CREATE UNIQUE INDEX reuse_once_per_adopter ON reuse
        (asset_id, asset_version, coalesce(adopter_pps_id, adopter_organisation_id), lower(btrim(context)))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX reuse_once_per_adopter`);
  }
}
