import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The GIN index over published parts (PublishedRelations1766203200000) answers "which
 * curricula hold this block" once per record of a harvest page: 200 probes a page. With GIN's
 * fast update, new entries first go to a pending list that every probe reads through until
 * VACUUM (or 4 MB of them) moves them into the index: after a bulk publication a probe took
 * 0.6 ms instead of 1 µs. Publishing writes a handful of entries at a time, so writing them
 * straight into the index costs the write nothing noticeable.
 */
export class PartsIndexWithoutPendingList1766217600000 implements MigrationInterface {
  name = 'PartsIndexWithoutPendingList1766217600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER INDEX asset_version_component_ids SET (fastupdate = off)`);
    // What is pending now stays pending until moved: move it.
    await q.query(`SELECT gin_clean_pending_list('asset_version_component_ids'::regclass)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER INDEX asset_version_component_ids RESET (fastupdate)`);
  }
}
