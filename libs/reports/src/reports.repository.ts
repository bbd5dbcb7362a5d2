import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface PpsRef {
  id: string;
  name: string;
}

export interface AssetReuseRow {
  asset_id: string;
  title: string;
  kind: string;
  pps_id: string;
  pps_name: string;
  reuse_count: number;
  reuse_records: number;
  adopters: string[];
}

export interface PpsTotalsRow {
  pps_id: string;
  pps_name: string;
  curriculum: number;
  module: number;
  infrastructure: number;
  practice: number;
  reuses_received: number;
  reuses_made: number;
  derivatives: number;
  assets: number;
}

export interface CrossoverRow {
  from_pps: string;
  to_pps: string;
  asset_title: string;
  mode: string;
}

/** Reads for reports: published and archived assets only, since drafts are nobody's evidence yet. */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async pps(
    id: string,
  ): Promise<(PpsRef & { lead_id: string; lead_name: string; provinces: string[] }) | undefined> {
    const rows = await this.dataSource.query(
      `SELECT p.id, p.name, p.provinces, o.id AS lead_id, o.name AS lead_name
       FROM pps p JOIN organisation o ON o.id = p.lead_organisation_id WHERE p.id = $1`,
      [id],
    );
    return rows[0];
  }

  async organisation(id: string): Promise<PpsRef | undefined> {
    return (
      await this.dataSource.query('SELECT id, name FROM organisation WHERE id = $1', [id])
    )[0];
  }

  /** Per PPS: assets by kind, reuse received and made, derivatives of other PPS's work. */
  async totals(where: string, params: unknown[]): Promise<PpsTotalsRow[]> {
    return this.dataSource.query(
      `SELECT p.id AS pps_id, p.name AS pps_name,
         count(a.id) FILTER (WHERE a.kind = 'curriculum')::int AS curriculum,
         count(a.id) FILTER (WHERE a.kind = 'module')::int AS module,
         count(a.id) FILTER (WHERE a.kind = 'infrastructure')::int AS infrastructure,
         count(a.id) FILTER (WHERE a.kind = 'practice')::int AS practice,
         count(a.id)::int AS assets,
         (SELECT count(*) FROM reuse r JOIN asset x ON x.id = r.asset_id WHERE x.pps_id = p.id)::int AS reuses_received,
         (SELECT count(*) FROM reuse r WHERE r.adopter_pps_id = p.id)::int AS reuses_made,
         count(a.id) FILTER (WHERE a.based_on_asset_id IS NOT NULL AND src.pps_id <> p.id)::int AS derivatives
       FROM pps p
       JOIN organisation o ON o.id = p.lead_organisation_id
       LEFT JOIN asset a ON a.pps_id = p.id AND a.status <> 'draft'
       LEFT JOIN asset src ON src.id = a.based_on_asset_id
       WHERE ${where}
       GROUP BY p.id, p.name
       ORDER BY p.name`,
      params,
    );
  }

  async assetReuse(where: string, params: unknown[], limit: number): Promise<AssetReuseRow[]> {
    return this.dataSource.query(
      `SELECT a.id AS asset_id, v.title, a.kind, p.id AS pps_id, p.name AS pps_name, a.reuse_count,
              count(r.id)::int AS reuse_records,
              coalesce(array_agg(DISTINCT coalesce(ap.name, ao.name)) FILTER (WHERE r.id IS NOT NULL), '{}') AS adopters
       FROM asset a
       JOIN asset_version v ON v.asset_id = a.id AND v.number = a.published_version
       JOIN pps p ON p.id = a.pps_id
       LEFT JOIN reuse r ON r.asset_id = a.id
       LEFT JOIN pps ap ON ap.id = r.adopter_pps_id
       LEFT JOIN organisation ao ON ao.id = r.adopter_organisation_id
       WHERE a.status <> 'draft' AND ${where}
       GROUP BY a.id, v.title, a.kind, p.id, p.name, a.reuse_count
       ORDER BY a.reuse_count DESC, v.title
       LIMIT ${Number(limit)}`,
      params,
    );
  }

  /** Published assets of some PPS, most recently published first, for overlap checks. */
  async publishedAssetIds(ppsIds: string[], limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM asset WHERE status = 'published' AND pps_id = ANY($1::uuid[])
       ORDER BY updated_at DESC, id LIMIT $2`,
      [ppsIds, limit],
    );
    return rows.map((row) => row.id);
  }

  /** Reuse from one of these PPS by another of them. */
  async crossovers(ppsIds: string[]): Promise<CrossoverRow[]> {
    return this.dataSource.query(
      `SELECT owner.name AS from_pps, adopter.name AS to_pps, v.title AS asset_title, r.mode
       FROM reuse r
       JOIN asset a ON a.id = r.asset_id
       JOIN asset_version v ON v.asset_id = a.id AND v.number = a.published_version
       JOIN pps owner ON owner.id = a.pps_id
       JOIN pps adopter ON adopter.id = r.adopter_pps_id
       WHERE a.pps_id = ANY($1::uuid[]) AND r.adopter_pps_id = ANY($1::uuid[])
       ORDER BY owner.name, adopter.name, v.title`,
      [ppsIds],
    );
  }

  /** PPS ranked by how much they adopted from others ("proudly found elsewhere"). */
  async adopters(
    limit: number,
  ): Promise<{ pps_id: string; pps_name: string; reuses_made: number; sources: number }[]> {
    return this.dataSource.query(
      `SELECT p.id AS pps_id, p.name AS pps_name, count(r.id)::int AS reuses_made,
              count(DISTINCT a.pps_id)::int AS sources
       FROM reuse r JOIN pps p ON p.id = r.adopter_pps_id JOIN asset a ON a.id = r.asset_id
       GROUP BY p.id, p.name ORDER BY reuses_made DESC, p.name LIMIT $1`,
      [limit],
    );
  }
}
