import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { pageTotal } from '@bouwsteen/common';

import { ReuseMode } from './dto/reuse.dto';

/** A reuse record as the rest of the library sees it. */
export interface Reuse {
  id: string;
  assetId: string;
  assetTitle: string;
  assetVersion: number;
  adopter: { type: 'pps' | 'organisation'; id: string; name: string };
  mode: ReuseMode;
  context: string;
  reachStudents: number | null;
  reachWorkers: number | null;
  startedOn: string | null;
  recordedBy: string | null;
  recordedAt: Date;
}

export interface NewReuse {
  assetId: string;
  assetVersion: number;
  adopterPpsId: string | null;
  adopterOrganisationId: string | null;
  mode: string;
  context: string;
  reachStudents: number | null;
  reachWorkers: number | null;
  startedOn: string | null;
  recordedBy: string;
}

interface ReuseRow {
  id: string;
  asset_id: string;
  asset_title: string;
  asset_version: number;
  adopter_pps_id: string | null;
  adopter_organisation_id: string | null;
  adopter_name: string;
  mode: ReuseMode;
  context: string;
  reach_students: number | null;
  reach_workers: number | null;
  started_on: string | null;
  recorded_by: string | null;
  created_at: Date;
}

const SELECT = `
  SELECT r.id, r.asset_id, a.title AS asset_title, r.asset_version, r.adopter_pps_id, r.adopter_organisation_id,
         coalesce(p.name, o.name) AS adopter_name, r.mode, r.context, r.reach_students, r.reach_workers,
         to_char(r.started_on, 'YYYY-MM-DD') AS started_on, r.recorded_by, r.created_at
  FROM reuse r
  JOIN asset_published a ON a.id = r.asset_id
  LEFT JOIN pps_public p ON p.id = r.adopter_pps_id
  LEFT JOIN organisation_public o ON o.id = r.adopter_organisation_id`;

function toReuse(row: ReuseRow): Reuse {
  return {
    id: row.id,
    assetId: row.asset_id,
    assetTitle: row.asset_title,
    assetVersion: row.asset_version,
    adopter: row.adopter_pps_id
      ? { type: 'pps', id: row.adopter_pps_id, name: row.adopter_name }
      : { type: 'organisation', id: row.adopter_organisation_id!, name: row.adopter_name },
    mode: row.mode,
    context: row.context,
    reachStudents: row.reach_students,
    reachWorkers: row.reach_workers,
    startedOn: row.started_on,
    recordedBy: row.recorded_by,
    recordedAt: row.created_at,
  };
}

export class DuplicateReuseError extends Error {}

@Injectable()
export class ReuseRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Throws DuplicateReuseError when the adopter recorded this version in this context already. */
  async insert(manager: EntityManager, reuse: NewReuse): Promise<string> {
    try {
      const [row] = await manager.query(
        `INSERT INTO reuse (asset_id, asset_version, adopter_pps_id, adopter_organisation_id, mode, context,
                            reach_students, reach_workers, started_on, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          reuse.assetId,
          reuse.assetVersion,
          reuse.adopterPpsId,
          reuse.adopterOrganisationId,
          reuse.mode,
          reuse.context,
          reuse.reachStudents,
          reuse.reachWorkers,
          reuse.startedOn,
          reuse.recordedBy,
        ],
      );
      return row.id;
    } catch (error) {
      const constraint = (error as { driverError?: { constraint?: string } }).driverError
        ?.constraint;
      if (error instanceof QueryFailedError && constraint === 'reuse_once_per_adopter')
        throw new DuplicateReuseError();
      throw error;
    }
  }

  /** Distinct adopting PPS and organisations of an asset: its reuse count. */
  async adopterCount(manager: EntityManager, assetId: string): Promise<number> {
    const [{ count }] = await manager.query(
      `SELECT count(DISTINCT coalesce(adopter_pps_id, adopter_organisation_id))::int AS count
       FROM reuse WHERE asset_id = $1`,
      [assetId],
    );
    return count;
  }

  /** Which of `adopterIds` (PPS or organisations) recorded reuse of this version of the asset. */
  async adoptersOf(assetId: string, version: number, adopterIds: string[]): Promise<string[]> {
    if (adopterIds.length === 0) return [];
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT coalesce(adopter_pps_id, adopter_organisation_id) AS id FROM reuse
       WHERE asset_id = $1 AND asset_version = $2
         AND coalesce(adopter_pps_id, adopter_organisation_id) = ANY($3::uuid[])`,
      [assetId, version, adopterIds],
    );
    return rows.map((row) => row.id);
  }

  async findById(id: string): Promise<Reuse | undefined> {
    const rows: ReuseRow[] = await this.dataSource.query(`${SELECT} WHERE r.id = $1`, [id]);
    return rows[0] && toReuse(rows[0]);
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query('DELETE FROM reuse WHERE id = $1', [id]);
  }

  listForAsset(assetId: string, offset: number, limit: number): Promise<[Reuse[], number]> {
    return this.page(`WHERE r.asset_id = $1`, [assetId], offset, limit);
  }

  listByPps(ppsId: string, offset: number, limit: number): Promise<[Reuse[], number]> {
    return this.page(`WHERE r.adopter_pps_id = $1`, [ppsId], offset, limit);
  }

  private async page(
    where: string,
    params: unknown[],
    offset: number,
    limit: number,
  ): Promise<[Reuse[], number]> {
    const rows: ReuseRow[] = await this.dataSource.query(
      `${SELECT} ${where} ORDER BY r.created_at DESC, r.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    const total = await pageTotal(offset, limit, rows.length, async () => {
      const [{ count }] = (await this.dataSource.query(
        `SELECT count(*)::int AS count FROM reuse r ${where}`,
        params,
      )) as { count: number }[];
      return count;
    });
    return [rows.map(toReuse), total];
  }

  /** How many reuse records each of these blocks has; absent: none. */
  async countsByAsset(assetIds: readonly string[]): Promise<Map<string, number>> {
    if (assetIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT asset_id, count(*)::int AS n FROM reuse
        WHERE asset_id = ANY($1::uuid[]) GROUP BY asset_id`,
      [assetIds],
    )) as { asset_id: string; n: number }[];
    return new Map(rows.map((row) => [row.asset_id, row.n]));
  }
}
