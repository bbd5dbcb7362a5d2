import { MigrationInterface, QueryRunner } from 'typeorm';

/** Notifications are read by people in Dutch (pages and API): earlier English texts follow. */
export class DutchNotifications1765152000000 implements MigrationInterface {
  name = 'DutchNotifications1765152000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE notification SET reason = CASE reason
        WHEN 'you follow this asset' THEN 'u volgt deze bouwsteen'
        WHEN 'you follow its PPS' THEN 'u volgt de PPS'
        WHEN 'your PPS reuses it' THEN 'uw PPS hergebruikt deze bouwsteen'
        WHEN 'your organisation reuses it' THEN 'uw organisatie hergebruikt deze bouwsteen'
        ELSE reason END`);
    await q.query(`
      UPDATE notification n SET message = CASE n.type
        WHEN 'archived' THEN format('"%s" is gearchiveerd', substring(n.message from '^"(.*)" was archived$'))
        ELSE format('Nieuwe versie (%s) van "%s"', n.asset_version,
                    substring(n.message from '^"(.*)" has a new version'))
        END
      WHERE n.message ~ '^".*" (was archived|has a new version)'`);
  }

  async down(): Promise<void> {
    // The English texts are not needed back: nothing reads them.
  }
}
