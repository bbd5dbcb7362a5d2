import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface Ref {
  id: string;
  name: string;
}

export interface AssetReuse {
  assetId: string;
  title: string;
  kind: string;
  ppsId: string;
  ppsName: string;
  reuseCount: number;
  reuseRecords: number;
  adopters: string[];
}

export interface PpsTotals {
  ppsId: string;
  ppsName: string;
  curriculum: number;
  module: number;
  infrastructure: number;
  practice: number;
  reusesReceived: number;
  reusesMade: number;
  derivatives: number;
  assets: number;
}

export interface Crossover {
  fromPps: string;
  toPps: string;
  assetTitle: string;
  mode: string;
}

export interface AdopterRank {
  ppsId: string;
  ppsName: string;
  reusesMade: number;
  sources: number;
}

/** Which PPS a report covers: one, a lead institution's, a province's, or every PPS. */
export type PpsScope =
  | { ppsId: string }
  | { leadOrganisationId: string }
  | { province: string }
  | { region: true };

/** The scope as a condition on `p` (pps_public), its parameter numbered `$at`. */
function scopeSql(scope: PpsScope, at = 1): [string, unknown[]] {
  if ('ppsId' in scope) return [`p.id = $${at}`, [scope.ppsId]];
  if ('leadOrganisationId' in scope)
    return [`p.lead_organisation_id = $${at}`, [scope.leadOrganisationId]];
  if ('province' in scope) return [`$${at} = ANY(p.provinces)`, [scope.province]];
  return ['true', []];
}

/** The four figures at the top of a report (defined where the pages explain them). */
export interface Headline {
  published: number;
  reusedByOthers: number;
  blocksReused: number;
  newThisQuarter: number;
  quarterStart: Date;
  /** Reviews declaring the block was used (the reviews' view `review_declared_use`). */
  declaredUse: number;
}

/** One recorded reuse between a block and a PPS or organisation that is not its owner. */
export interface ReuseLink {
  assetId: string;
  title: string;
  kind: string;
  /** The block's owner (reused from) or the adopter (reused by), as the list asks. */
  otherName: string;
  mode: string;
  recordedAt: Date;
}

/**
 * Reads for reports: published and archived assets only (assets' read surface), since drafts are
 * nobody's evidence yet. Rows are returned with the camelCase names the service uses.
 */
export interface NetworkEdge {
  sourceId: string;
  sourceName: string;
  adopterId: string;
  adopterName: string;
  reuses: number;
  derivatives: number;
}

@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async pps(id: string): Promise<(Ref & { leadName: string; provinces: string[] }) | undefined> {
    const rows = await this.dataSource.query(
      `SELECT p.id, p.name, p.provinces, p.lead_name AS "leadName"
       FROM pps_public p WHERE p.id = $1`,
      [id],
    );
    return rows[0];
  }

  async organisation(id: string): Promise<Ref | undefined> {
    return (
      await this.dataSource.query('SELECT id, name FROM organisation_public WHERE id = $1', [id])
    )[0];
  }

  /** Per PPS: assets by kind, reuse received and made, derivatives of other PPS's work. */
  totals(scope: PpsScope): Promise<PpsTotals[]> {
    const [where, params] = scopeSql(scope);
    return this.dataSource.query(
      `SELECT p.id AS "ppsId", p.name AS "ppsName",
         count(a.id) FILTER (WHERE a.kind = 'curriculum')::int AS curriculum,
         count(a.id) FILTER (WHERE a.kind = 'module')::int AS module,
         count(a.id) FILTER (WHERE a.kind = 'infrastructure')::int AS infrastructure,
         count(a.id) FILTER (WHERE a.kind = 'practice')::int AS practice,
         count(a.id)::int AS assets,
         (SELECT count(*) FROM reuse r JOIN asset_published x ON x.id = r.asset_id WHERE x.pps_id = p.id)::int AS "reusesReceived",
         (SELECT count(*) FROM reuse r WHERE r.adopter_pps_id = p.id)::int AS "reusesMade",
         count(a.id) FILTER (WHERE a.based_on_asset_id IS NOT NULL AND src.pps_id <> p.id)::int AS derivatives
       FROM pps_public p
       LEFT JOIN asset_published a ON a.pps_id = p.id
       LEFT JOIN asset_published_version src ON src.asset_id = a.based_on_asset_id AND src.version = a.based_on_version
       WHERE ${where}
       GROUP BY p.id, p.name
       ORDER BY p.name`,
      params,
    );
  }

  /**
   * The headline figures of a scope, over its listed blocks (published, not archived): how many,
   * how often others recorded reuse of them, how many were reused at all, and how many were first
   * published since the start of the calendar quarter of `now` (Dutch time).
   */
  async headline(scope: PpsScope, now: Date): Promise<Headline> {
    const [where, params] = scopeSql(scope, 2);
    const rows: Headline[] = await this.dataSource.query(
      `WITH blocks AS (
         SELECT a.first_published_at,
                (SELECT count(*) FROM reuse r
                  WHERE r.asset_id = a.id AND r.adopter_pps_id IS DISTINCT FROM a.pps_id) AS reuses,
                coalesce(d.used, 0) AS declared
         FROM asset_published a JOIN pps_public p ON p.id = a.pps_id
         LEFT JOIN review_declared_use d ON d.asset_id = a.id
         WHERE a.listed AND ${where}
       ), quarter AS (
         SELECT date_trunc('quarter', $1::timestamptz AT TIME ZONE 'Europe/Amsterdam')
                AT TIME ZONE 'Europe/Amsterdam' AS start
       )
       SELECT count(b.first_published_at)::int AS published,
              coalesce(sum(b.reuses), 0)::int AS "reusedByOthers",
              count(*) FILTER (WHERE b.reuses > 0)::int AS "blocksReused",
              count(*) FILTER (WHERE b.first_published_at >= q.start)::int AS "newThisQuarter",
              coalesce(sum(b.declared), 0)::int AS "declaredUse",
              q.start AS "quarterStart"
       FROM quarter q LEFT JOIN blocks b ON true
       GROUP BY q.start`,
      [now, ...params],
    );
    return rows[0];
  }

  /**
   * A PPS's reuse, one row per record, newest first: what it reused from others ('from': the
   * other is the block's owner) or who reused its blocks ('by': the other is the adopter).
   */
  async reuseLinks(
    ppsId: string,
    direction: 'from' | 'by',
    limit: number,
    offset: number,
  ): Promise<{ rows: ReuseLink[]; total: number }> {
    const sql =
      direction === 'from'
        ? `SELECT a.id AS "assetId", a.title, a.kind, owner.name AS "otherName", r.mode,
                  r.created_at AS "recordedAt", count(*) OVER ()::int AS total
           FROM reuse r
           JOIN asset_published a ON a.id = r.asset_id
           JOIN pps_public owner ON owner.id = a.pps_id
           WHERE r.adopter_pps_id = $1 AND a.pps_id <> $1`
        : `SELECT a.id AS "assetId", a.title, a.kind, coalesce(ap.name, ao.name) AS "otherName",
                  r.mode, r.created_at AS "recordedAt", count(*) OVER ()::int AS total
           FROM reuse r
           JOIN asset_published a ON a.id = r.asset_id
           LEFT JOIN pps_public ap ON ap.id = r.adopter_pps_id
           LEFT JOIN organisation_public ao ON ao.id = r.adopter_organisation_id
           WHERE a.pps_id = $1 AND r.adopter_pps_id IS DISTINCT FROM $1`;
    const rows: (ReuseLink & { total: number })[] = await this.dataSource.query(
      `${sql} ORDER BY r.created_at DESC, r.id LIMIT $2 OFFSET $3`,
      [ppsId, limit, offset],
    );
    if (rows.length === 0 && offset > 0) {
      // Past the last page: the total still tells the page how many there are.
      const [counted] = await this.dataSource.query(
        `SELECT count(*)::int AS total FROM (${sql}) AS links`,
        [ppsId],
      );
      return { rows: [], total: counted?.total ?? 0 };
    }
    return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
  }

  /** Assets with who reuses them, most reused first: of one PPS, or every reused asset. */
  assetReuse(
    scope: { ppsId: string } | { reusedOnly: true },
    limit: number,
  ): Promise<AssetReuse[]> {
    const [where, params] =
      'ppsId' in scope ? ['a.pps_id = $2', [scope.ppsId]] : ['a.reuse_count > 0', []];
    return this.dataSource.query(
      `SELECT a.id AS "assetId", a.title, a.kind, p.id AS "ppsId", p.name AS "ppsName", a.reuse_count AS "reuseCount",
              count(r.id)::int AS "reuseRecords",
              coalesce(array_agg(DISTINCT coalesce(ap.name, ao.name)) FILTER (WHERE r.id IS NOT NULL), '{}') AS adopters
       FROM asset_published a
       JOIN pps_public p ON p.id = a.pps_id
       LEFT JOIN reuse r ON r.asset_id = a.id
       LEFT JOIN pps_public ap ON ap.id = r.adopter_pps_id
       LEFT JOIN organisation_public ao ON ao.id = r.adopter_organisation_id
       WHERE ${where}
       GROUP BY a.id, a.title, a.kind, p.id, p.name, a.reuse_count
       ORDER BY a.reuse_count DESC, a.title
       LIMIT $1`,
      [limit, ...params],
    );
  }

  /** Listed assets of some PPS, most recently published first, for overlap checks. */
  async publishedAssetIds(ppsIds: string[], limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM asset_published WHERE listed AND pps_id = ANY($1::uuid[])
       ORDER BY published_at DESC, id LIMIT $2`,
      [ppsIds, limit],
    );
    return rows.map((row) => row.id);
  }

  /** Reuse from one of these PPS by another of them. */
  crossovers(ppsIds: string[]): Promise<Crossover[]> {
    return this.dataSource.query(
      `SELECT owner.name AS "fromPps", adopter.name AS "toPps", a.title AS "assetTitle", r.mode
       FROM reuse r
       JOIN asset_published a ON a.id = r.asset_id
       JOIN pps_public owner ON owner.id = a.pps_id
       JOIN pps_public adopter ON adopter.id = r.adopter_pps_id
       WHERE a.pps_id = ANY($1::uuid[]) AND r.adopter_pps_id = ANY($1::uuid[])
       ORDER BY owner.name, adopter.name, a.title`,
      [ppsIds],
    );
  }

  /** PPS ranked by how much they adopted from others ("proudly found elsewhere"). */
  adopters(limit: number): Promise<AdopterRank[]> {
    return this.dataSource.query(
      `SELECT p.id AS "ppsId", p.name AS "ppsName", count(r.id)::int AS "reusesMade",
              count(DISTINCT a.pps_id)::int AS sources
       FROM reuse r JOIN pps_public p ON p.id = r.adopter_pps_id JOIN asset_published a ON a.id = r.asset_id
       GROUP BY p.id, p.name ORDER BY "reusesMade" DESC, p.name LIMIT $1`,
      [limit],
    );
  }

  /**
   * Who builds on whom, region-wide: per pair of PPS, how often the second recorded reuse of, or
   * published a derivative of, a published building block of the first. With `ppsIds`, only
   * the pairs of which both are among them (a portfolio's own network).
   */
  network(limit: number, ppsIds?: string[]): Promise<NetworkEdge[]> {
    return this.dataSource.query(
      `WITH edges AS (
         SELECT a.pps_id AS source, r.adopter_pps_id AS adopter, 'reuse' AS how
           FROM reuse r JOIN asset_published a ON a.id = r.asset_id
           WHERE r.adopter_pps_id IS NOT NULL AND r.adopter_pps_id <> a.pps_id
         UNION ALL
         SELECT src.pps_id, d.pps_id, 'derivative'
           FROM asset_published d JOIN asset_published src ON src.id = d.based_on_asset_id
           WHERE d.pps_id <> src.pps_id
       )
       SELECT s.id AS "sourceId", s.name AS "sourceName", t.id AS "adopterId", t.name AS "adopterName",
              count(*) FILTER (WHERE how = 'reuse')::int AS reuses,
              count(*) FILTER (WHERE how = 'derivative')::int AS derivatives
       FROM edges e JOIN pps_public s ON s.id = e.source JOIN pps_public t ON t.id = e.adopter
       WHERE $2::uuid[] IS NULL OR (e.source = ANY($2::uuid[]) AND e.adopter = ANY($2::uuid[]))
       GROUP BY s.id, s.name, t.id, t.name
       ORDER BY count(*) DESC, s.name, t.name
       LIMIT $1`,
      [limit, ppsIds ?? null],
    );
  }
}
