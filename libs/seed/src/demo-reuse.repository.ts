import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxWriter } from '@bouwsteen/database';
import { ReuseRepository } from '@bouwsteen/reuse';

export interface DemoReuseRow {
  assetId: string;
  adopterPpsId: string;
  mode: string;
  context: string;
  reachStudents: number | null;
  reachWorkers: number | null;
  recordedBy: string;
}

/** Demo reuse records, written once each (matched on asset, adopter and context). */
@Injectable()
export class DemoReuseRepository {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly reuses: ReuseRepository,
  ) {}

  async insertIfMissing(manager: EntityManager, row: DemoReuseRow): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO reuse (asset_id, asset_version, adopter_pps_id, mode, context, reach_students, reach_workers, recorded_by)
       SELECT a.id, a.published_version, $2, $3, $4, $5, $6, $7 FROM asset a
       WHERE a.id = $1 AND a.published_version IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM reuse r WHERE r.asset_id = $1 AND r.adopter_pps_id = $2 AND r.context = $4)
       RETURNING 1`,
      [
        row.assetId,
        row.adopterPpsId,
        row.mode,
        row.context,
        row.reachStudents,
        row.reachWorkers,
        row.recordedBy,
      ],
    );
    if (inserted.length === 0) return false;
    await this.reuses.recount(manager, row.assetId);
    await this.outbox.enqueue(manager, 'asset', row.assetId);
    return true;
  }
}
