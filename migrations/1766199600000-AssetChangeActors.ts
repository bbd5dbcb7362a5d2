import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who changed a building block, for the change log on /beheer/wijzigingen: a draft edited in
 * place by someone other than who opened it names the last editor (updated_by; empty means its
 * creator, so no published version — which never changes — needs a backfill), and archiving
 * names who archived (archived_by). Discarding a draft removes its row, so that is written to
 * the audit trail (audit_event) instead.
 */
export class AssetChangeActors1766199600000 implements MigrationInterface {
  name = 'AssetChangeActors1766199600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE asset_version ADD COLUMN updated_by uuid REFERENCES app_user (id) ON DELETE SET NULL`,
    );
    await q.query(
      `ALTER TABLE asset ADD COLUMN archived_by uuid REFERENCES app_user (id) ON DELETE SET NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE asset DROP COLUMN archived_by`);
    await q.query(`ALTER TABLE asset_version DROP COLUMN updated_by`);
  }
}
