import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A draft saves with a title (and its kind); what publishing needs is asked for when it is
 * published (libs/assets/src/completeness.ts). A published version still always has a summary
 * and a licence, which the constraint keeps true whatever writes the row.
 */
export class DraftsMayBeIncomplete1765756800000 implements MigrationInterface {
  name = 'DraftsMayBeIncomplete1765756800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE asset_version
        ALTER COLUMN summary DROP NOT NULL,
        ALTER COLUMN license DROP NOT NULL,
        ADD CONSTRAINT asset_version_published_complete
          CHECK (state = 'draft' OR (summary IS NOT NULL AND license IS NOT NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE asset_version SET summary = COALESCE(summary, ''), license = COALESCE(license, 'all-rights-reserved')
      WHERE summary IS NULL OR license IS NULL`);
    await queryRunner.query(`
      ALTER TABLE asset_version
        DROP CONSTRAINT asset_version_published_complete,
        ALTER COLUMN summary SET NOT NULL,
        ALTER COLUMN license SET NOT NULL`);
  }
}
