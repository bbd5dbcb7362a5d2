import { MigrationInterface, QueryRunner } from 'typeorm';

/** Reuse records (who adopted which version, how, where) and derivative links between assets. */
export class ReuseAndDerivatives1764460800000 implements MigrationInterface {
  name = 'ReuseAndDerivatives1764460800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE asset
        ADD COLUMN reuse_count integer NOT NULL DEFAULT 0 CHECK (reuse_count >= 0),
        ADD COLUMN based_on_asset_id uuid REFERENCES asset(id),
        ADD COLUMN based_on_version integer,
        ADD COLUMN attribution text,
        ADD CONSTRAINT asset_based_on_pair CHECK ((based_on_asset_id IS NULL) = (based_on_version IS NULL)),
        ADD CONSTRAINT asset_based_on_version_fk FOREIGN KEY (based_on_asset_id, based_on_version)
          REFERENCES asset_version(asset_id, number)`);
    await q.query(
      `CREATE INDEX asset_based_on_idx ON asset (based_on_asset_id) WHERE based_on_asset_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX asset_reuse_count_idx ON asset (reuse_count DESC)`);
    await q.query(`
      CREATE TABLE reuse (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        asset_id uuid NOT NULL REFERENCES asset(id),
        asset_version integer NOT NULL,
        adopter_pps_id uuid REFERENCES pps(id),
        adopter_organisation_id uuid REFERENCES organisation(id),
        mode text NOT NULL CHECK (mode IN ('as-is', 'adapted', 'inspired')),
        context text NOT NULL CHECK (length(context) BETWEEN 1 AND 300),
        reach_students integer CHECK (reach_students >= 0),
        reach_workers integer CHECK (reach_workers >= 0),
        started_on date,
        recorded_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (num_nonnulls(adopter_pps_id, adopter_organisation_id) = 1),
        FOREIGN KEY (asset_id, asset_version) REFERENCES asset_version(asset_id, number)
      )`);
    await q.query(`CREATE INDEX reuse_asset_idx ON reuse (asset_id, created_at DESC)`);
    await q.query(
      `CREATE INDEX reuse_adopter_pps_idx ON reuse (adopter_pps_id) WHERE adopter_pps_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX reuse_adopter_org_idx ON reuse (adopter_organisation_id) WHERE adopter_organisation_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reuse`);
    await q.query(
      `ALTER TABLE asset DROP COLUMN reuse_count, DROP COLUMN based_on_asset_id, DROP COLUMN based_on_version, DROP COLUMN attribution`,
    );
  }
}
