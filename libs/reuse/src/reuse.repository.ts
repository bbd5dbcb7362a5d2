import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface ReuseRow {
  id: string;
  asset_id: string;
  asset_title: string;
  asset_version: number;
  adopter_pps_id: string | null;
  adopter_organisation_id: string | null;
  adopter_name: string;
  mode: 'as-is' | 'adapted' | 'inspired';
  context: string;
  reach_students: number | null;
  reach_workers: number | null;
  started_on: string | null;
  recorded_by: string | null;
  created_at: Date;
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

const SELECT = `
  SELECT r.id, r.asset_id, v.title AS asset_title, r.asset_version, r.adopter_pps_id, r.adopter_organisation_id,
         coalesce(p.name, o.name) AS adopter_name, r.mode, r.context, r.reach_students, r.reach_workers,
         to_char(r.started_on, 'YYYY-MM-DD') AS started_on, r.recorded_by, r.created_at
  FROM reuse r
  JOIN asset a ON a.id = r.asset_id
  JOIN asset_version v ON v.asset_id = a.id AND v.number = a.published_version
  LEFT JOIN pps p ON p.id = r.adopter_pps_id
  LEFT JOIN organisation o ON o.id = r.adopter_organisation_id`;

@Injectable()
export class ReuseRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, reuse: NewReuse): Promise<string> {
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
  }

  /** Keeps asset.reuse_count = distinct adopting PPS and organisations; not an edit, so no new ETag. */
  async recount(manager: EntityManager, assetId: string): Promise<void> {
    await manager.query(
      `UPDATE asset SET reuse_count = (
         SELECT count(DISTINCT coalesce(adopter_pps_id, adopter_organisation_id)) FROM reuse WHERE asset_id = $1)
       WHERE id = $1`,
      [assetId],
    );
  }

  async findById(id: string): Promise<ReuseRow | undefined> {
    const rows: ReuseRow[] = await this.dataSource.query(`${SELECT} WHERE r.id = $1`, [id]);
    return rows[0];
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query('DELETE FROM reuse WHERE id = $1', [id]);
  }

  async listForAsset(
    assetId: string,
    offset: number,
    limit: number,
  ): Promise<[ReuseRow[], number]> {
    return this.page(`WHERE r.asset_id = $1`, [assetId], offset, limit);
  }

  async listByPps(ppsId: string, offset: number, limit: number): Promise<[ReuseRow[], number]> {
    return this.page(`WHERE r.adopter_pps_id = $1`, [ppsId], offset, limit);
  }

  private async page(
    where: string,
    params: unknown[],
    offset: number,
    limit: number,
  ): Promise<[ReuseRow[], number]> {
    const rows: ReuseRow[] = await this.dataSource.query(
      `${SELECT} ${where} ORDER BY r.created_at DESC, r.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM reuse r ${where}`,
      params,
    );
    return [rows, count];
  }
}
