import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An import's report lines keep where in the file they belong, so the report reads in the
 * file's order although rows that waited (for a code further down, or for the next batch) are
 * written later. Lines of earlier jobs have none and keep the order they were written in.
 */
export class ReportInFileOrder1766102400000 implements MigrationInterface {
  name = 'ReportInFileOrder1766102400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_report_line ADD COLUMN position integer`);
    await q.query(
      `CREATE INDEX import_report_line_order ON import_report_line (job_id, position, seq)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX import_report_line_order`);
    await q.query(`ALTER TABLE import_report_line DROP COLUMN position`);
  }
}
