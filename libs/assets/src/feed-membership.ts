import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@bouwsteen/common';
import type { AssetKind } from './asset-codes';
import { contentOf } from './asset-content';
import { feedKinds, missingForFeed } from './completeness';
import { AssetVersionEntity } from './entities/asset-version.entity';
import { wholeSeconds } from './whole-seconds';

/** A listed block the `edurep` feed leaves out, with what it misses (field paths). */
export interface KeptOutBlock {
  id: string;
  kind: AssetKind;
  title: string;
  ppsId: string;
  ppsName: string;
  missing: string[];
}

/** Current versions checked per round of refresh. */
const BATCH = 500;

/**
 * Which blocks the feeds take, as publishing stored it (asset_version.edurep_missing), read
 * for the pages that say what keeps a block out; and the check of versions published before
 * the rule was stored (refresh).
 */
@Injectable()
export class FeedMembership {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The listed blocks kept out of `edurep`, by PPS and title (at most `limit`), and how many. */
  async keptOut(limit: number): Promise<{ total: number; items: KeptOutBlock[] }> {
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT a.id, a.kind, a.title, a.pps_id AS "ppsId", p.name AS "ppsName",
                a.edurep_missing AS missing
         FROM asset_published a JOIN pps_public p ON p.id = a.pps_id
         WHERE a.listed AND cardinality(a.edurep_missing) > 0
         ORDER BY p.name, a.title, a.id LIMIT $1`,
        [limit],
      ),
      this.dataSource.query(
        `SELECT count(*)::int AS total FROM asset_published
         WHERE listed AND cardinality(edurep_missing) > 0`,
      ),
    ]);
    return { total, items };
  }

  /** What keeps each of these listed blocks out of `edurep`; blocks in it (or not for it) absent. */
  async gapsOf(ids: string[]): Promise<Map<string, string[]>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; missing: string[] }[] = await this.dataSource.query(
      `SELECT id, edurep_missing AS missing FROM asset_published
       WHERE id = ANY($1::uuid[]) AND listed AND cardinality(edurep_missing) > 0`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.missing]));
  }

  /**
   * Checks every published block not checked yet (published before the rule was stored, or
   * cleared by a migration that changed it) and stores the answer. A listed block that enters
   * or leaves the set by it gets a new datestamp, so an incremental harvest of the set sees it
   * come in, or go as a deleted record (it stays in the set's history: edurep_ever). Returns how
   * many blocks changed membership.
   */
  async refresh(): Promise<number> {
    let changed = 0;
    for (;;) {
      const checked = await this.dataSource.transaction(async (manager) => {
        const heads: {
          id: string;
          number: number;
          kind: AssetKind;
          status: string;
          edurep_ever: boolean;
        }[] = await manager.query(
          `SELECT id, published_version AS number, kind, status, edurep_ever
             FROM asset
             WHERE kind = ANY($1::text[]) AND published_version IS NOT NULL AND edurep_missing IS NULL
             ORDER BY id LIMIT $2 FOR UPDATE`,
          [feedKinds('edurep'), BATCH],
        );
        if (heads.length === 0) return 0;
        const versions = await manager.find(AssetVersionEntity, {
          where: heads.map((head) => ({ assetId: head.id, number: head.number })),
        });
        const now = wholeSeconds(this.clock.now());
        for (const head of heads) {
          const version = versions.find((v) => v.assetId === head.id && v.number === head.number)!;
          const missing = missingForFeed('edurep', head.kind, contentOf(head.kind, version)) ?? [];
          // In the set before (the modules were all in it) and now: only while listed.
          const listed = head.status === 'published';
          const was = listed && head.edurep_ever;
          const is = listed && missing.length === 0;
          await manager.query(
            `UPDATE asset SET edurep_missing = $2, edurep_ever = edurep_ever OR $3,
                    public_changed_at = CASE WHEN $4 THEN $5 ELSE public_changed_at END
             WHERE id = $1`,
            [head.id, missing, is, is !== was, now],
          );
          if (is !== was) changed += 1;
        }
        return heads.length;
      });
      if (checked < BATCH) return changed;
    }
  }
}
