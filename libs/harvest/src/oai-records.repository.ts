import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** One building block as OAI-PMH shows it: live (published) or a persistent deletion (archived). */
export interface OaiRecordRow {
  id: string;
  kind: string;
  deleted: boolean;
  /** Seconds precision: what the header says, what from/until and the resumption order use. */
  datestamp: Date;
  pps_id: string;
  pps_name: string;
  provinces: string[];
  lead_name: string;
  title: string;
  summary: string;
  description: string | null;
  keywords: string[];
  language: string;
  levels: string[];
  license: string;
  study_load_hours: string | null;
  price_cents: number | null;
  audiences: string[];
  module_type: string | null;
  first_published_at: Date;
  based_on_asset_id: string | null;
  /** A curriculum's qualifications (crebo codes). */
  crebo_codes: string[];
  /** The keuzedelen a curriculum includes, or the one a module is. */
  elective_codes: string[];
  sectors: string[];
  /** A curriculum's duration in months (its details), as text. */
  duration_months: string | null;
  /** What keeps it out of the `edurep` set ([]: in it; null: not a kind for it). */
  edurep_missing: string[] | null;
  /** It was in the `edurep` set once: out of it now, it is a deleted record there. */
  edurep_ever: boolean;
}

/** Which records a list request asks for; every field narrows it. */
export interface HarvestFilter {
  kinds?: string[];
  ppsId?: string;
  province?: string;
  /**
   * A feed's set (`edurep`): the blocks that were ever in it, the ones it no longer takes (or
   * archived) as deleted records, as OAI-PMH has a harvester of the set learn they left.
   */
  feed?: 'edurep';
  from?: Date;
  until?: Date;
}

/** Where the previous page ended: the stable (datestamp, id) order. */
export interface HarvestPosition {
  datestamp: Date;
  id: string;
}

/**
 * Every building block that was ever published, read from assets' published surface
 * (asset_published) with its PPS's public face: listed ones as records, the others (archived)
 * as deletions, which stay forever. The datestamp is when the public face last changed (the
 * current version's publication, or the archiving), kept by assets and indexed with the id for
 * paging.
 */
const recordsSql = (filter: HarvestFilter) => `
  SELECT a.id, a.kind, ${filter.feed ? IN_FEED_DELETED : 'NOT a.listed'} AS deleted,
         a.public_changed_at AS datestamp,
         p.id AS pps_id, p.name AS pps_name, p.provinces, p.lead_name,
         a.title, a.summary, a.description, a.keywords, a.language, a.levels, a.license,
         a.study_load_hours, a.price_cents, a.audiences, a.module_type, a.first_published_at,
         a.based_on_asset_id, a.crebo_codes, a.elective_codes, a.sectors,
         a.details->>'durationMonths' AS duration_months, a.edurep_missing, a.edurep_ever
  FROM asset_published a
  JOIN pps_public p ON p.id = a.pps_id`;

/** In a feed's set: deleted unless listed and taken by the feed (stored when published). */
const IN_FEED_DELETED = `NOT (a.listed AND coalesce(cardinality(a.edurep_missing) = 0, false))`;

function where(filter: HarvestFilter, parameters: unknown[], after?: HarvestPosition): string {
  const conditions: string[] = [];
  const add = (sql: (n: string) => string, value: unknown) => {
    parameters.push(value);
    conditions.push(sql(`$${parameters.length}`));
  };
  if (filter.kinds) add((n) => `a.kind = ANY(${n}::text[])`, filter.kinds);
  if (filter.ppsId) add((n) => `a.pps_id = ${n}::uuid`, filter.ppsId);
  if (filter.province) add((n) => `${n} = ANY(p.provinces)`, filter.province);
  if (filter.feed) conditions.push('a.edurep_ever');
  if (filter.from) add((n) => `a.public_changed_at >= ${n}`, filter.from);
  if (filter.until) add((n) => `a.public_changed_at <= ${n}`, filter.until);
  if (after) {
    parameters.push(after.datestamp, after.id);
    const [at, id] = [parameters.length - 1, parameters.length];
    // The plain bound lets the (datestamp, id) index start at the page; the row comparison
    // then only sorts out the records of that one second.
    conditions.push(
      `a.public_changed_at >= $${at} AND (a.public_changed_at, a.id) > ($${at}, $${id}::uuid)`,
    );
  }
  return conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
}

@Injectable()
export class OaiRecordsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The next page after `after`, in (datestamp, id) order: stable while records change. */
  async page(
    filter: HarvestFilter,
    after: HarvestPosition | undefined,
    limit: number,
  ): Promise<OaiRecordRow[]> {
    const parameters: unknown[] = [];
    const sql = recordsSql(filter) + where(filter, parameters, after);
    parameters.push(limit);
    return this.dataSource.query(
      `${sql} ORDER BY a.public_changed_at, a.id LIMIT $${parameters.length}`,
      parameters,
    );
  }

  async count(filter: HarvestFilter): Promise<number> {
    const parameters: unknown[] = [];
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM (${recordsSql(filter) + where(filter, parameters)}) c`,
      parameters,
    );
    return row.n;
  }

  async one(id: string): Promise<OaiRecordRow | undefined> {
    const [row] = await this.dataSource.query(`${recordsSql({})} WHERE a.id = $1::uuid`, [id]);
    return row;
  }

  async earliestDatestamp(): Promise<Date | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT min(public_changed_at) AS d FROM asset_published`,
    );
    return row?.d ?? undefined;
  }

  /** The PPS and provinces that hold at least one record: the sets worth listing. */
  async setOwners(): Promise<{ pps: { id: string; name: string }[]; provinces: string[] }> {
    const pps = await this.dataSource.query(
      `SELECT DISTINCT p.id, p.name FROM asset_published a JOIN pps_public p ON p.id = a.pps_id ORDER BY p.name`,
    );
    const provinces = await this.dataSource.query(
      `SELECT DISTINCT unnest(p.provinces) AS code FROM asset_published a JOIN pps_public p ON p.id = a.pps_id ORDER BY code`,
    );
    return { pps, provinces: provinces.map((row: { code: string }) => row.code) };
  }
}
