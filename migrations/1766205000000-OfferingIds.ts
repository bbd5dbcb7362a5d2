import { createHash, randomUUID } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Offerings get an identity of their own: an `id` on each offering in a module's details
 * (OOAPI's offeringId), kept when the offering's dates or place are edited.
 *
 * Until now OOAPI named an offering by a UUID derived from its course, dates and place. Each
 * existing offering gets exactly that UUID as its id, so every id a consumer holds keeps
 * resolving; a second offering with the same course, dates and place (which had no id of its
 * own: the first answered for it) gets a new one. The derivation is copied here, frozen.
 * Published versions are immutable (asset_version_immutable); adding the id changes no fact
 * of them, so the trigger is set aside for this statement only.
 *
 * An index finds an offering by its id among the published versions.
 */
export class OfferingIds1766205000000 implements MigrationInterface {
  name = 'OfferingIds1766205000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE asset_version DISABLE TRIGGER asset_version_immutable`);
    let after = { assetId: '00000000-0000-0000-0000-000000000000', number: 0 };
    for (;;) {
      const rows: { asset_id: string; number: number; offerings: Offering[] }[] = await q.query(
        `SELECT asset_id, number, details->'offerings' AS offerings FROM asset_version
         WHERE jsonb_typeof(details->'offerings') = 'array' AND (asset_id, number) > ($1::uuid, $2)
         ORDER BY asset_id, number LIMIT 1000`,
        [after.assetId, after.number],
      );
      if (rows.length === 0) break;
      await q.query(
        `UPDATE asset_version v SET details = jsonb_set(v.details, '{offerings}', u.offerings)
         FROM unnest($1::uuid[], $2::int[], $3::jsonb[]) AS u(asset_id, number, offerings)
         WHERE v.asset_id = u.asset_id AND v.number = u.number`,
        [
          rows.map((row) => row.asset_id),
          rows.map((row) => row.number),
          rows.map((row) => JSON.stringify(withIds(row.asset_id, row.offerings))),
        ],
      );
      const last = rows[rows.length - 1];
      after = { assetId: last.asset_id, number: last.number };
    }
    await q.query(`ALTER TABLE asset_version ENABLE TRIGGER asset_version_immutable`);
    await q.query(`
      CREATE INDEX asset_version_offering_ids ON asset_version
      USING gin ((details->'offerings') jsonb_path_ops) WHERE state = 'published'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX asset_version_offering_ids`);
    await q.query(`ALTER TABLE asset_version DISABLE TRIGGER asset_version_immutable`);
    await q.query(`
      UPDATE asset_version SET details = jsonb_set(details, '{offerings}',
        (SELECT COALESCE(jsonb_agg(o - 'id' ORDER BY n), '[]'::jsonb)
         FROM jsonb_array_elements(details->'offerings') WITH ORDINALITY AS e(o, n)))
      WHERE jsonb_typeof(details->'offerings') = 'array'`);
    await q.query(`ALTER TABLE asset_version ENABLE TRIGGER asset_version_immutable`);
  }
}

interface Offering {
  id?: string;
  period?: { start?: string; end?: string };
  location?: string;
  seats?: number;
}

/**
 * Each offering its former derived UUID as id, a repeat of one a new id; one that says
 * nothing (no dates, place or seats) none, as the assets' rule (identifyOfferings) has it.
 */
function withIds(assetId: string, offerings: Offering[]): Offering[] {
  const used = new Set<string>();
  return offerings.map((offering) => {
    const { start, end } = offering.period ?? {};
    if (!offering.id && !start && !end && !offering.location && !offering.seats) return offering;
    const derived =
      offering.id ??
      legacyOfferingId(
        `offering:${assetId}:${offering.period?.start}:${offering.period?.end}:${offering.location ?? ''}`,
      );
    const id = used.has(derived) ? randomUUID() : derived;
    used.add(id);
    return { ...offering, id };
  });
}

/** The UUID OOAPI derived from a name until this migration (SHA-1, version 5 layout). */
function legacyOfferingId(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
