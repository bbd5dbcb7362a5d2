import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A block page names each keuzedeel code by a published module that carries it ("K0771
 * Installeren en onderhouden van warmtepompen"); this index finds those modules without
 * reading every version. Only published versions are ever asked for.
 */
export class ElectiveCodeIndex1766196000000 implements MigrationInterface {
  name = 'ElectiveCodeIndex1766196000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX asset_version_elective_codes ON asset_version USING gin (elective_codes)
       WHERE state = 'published' AND elective_codes <> '{}'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX asset_version_elective_codes`);
  }
}
