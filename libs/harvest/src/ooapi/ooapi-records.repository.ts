import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ROOT_CODE } from './ooapi-mapping';
import { SqlFilter, orderBy } from './ooapi-filters';
import { CourseQuery, OrganizationQuery, ProgramQuery } from './ooapi-parameters';

/** What courses and programs both say: a published building block and its PPS. */
interface PublishedRow {
  id: string;
  title: string;
  summary: string;
  description: string | null;
  language: string;
  levels: string[];
  license: string;
  pps_id: string;
  pps_name: string;
}

/** A published module as OOAPI describes it: a course, with its offerings. */
export interface CourseRow extends PublishedRow {
  module_type: string | null;
  study_load_hours: string | null;
  delivery_modes: string[];
  price_cents: number | null;
  /** The keuzedeel this module is (none or one). */
  elective_codes: string[];
  details: {
    learningOutcomes?: { text: string }[];
    offerings?: {
      /** Its own id (OOAPI's offeringId), kept through edits; none when it says nothing. */
      id?: string;
      period: { start: string; end: string };
      location?: string;
      seats?: number;
    }[];
  };
}

/** A published curriculum as OOAPI describes it: a program. */
export interface ProgramRow extends PublishedRow {
  crebo_codes: string[];
  /** The keuzedelen the curriculum offers. */
  elective_codes: string[];
  learning_paths: string[];
  /** Its modules, in its order (listed or not: ask for the listed ones). */
  component_ids: string[];
  details: { durationMonths?: number };
}

export interface OrganizationRow {
  id: string;
  name: string;
  type: 'root' | 'institute' | 'department';
  parent_id: string | null;
}

/** Which rows of a listing: OFFSET and LIMIT. */
export interface Window {
  offset: number;
  limit: number;
}

/**
 * Listed modules (published, not archived), from assets' published surface, with their PPS
 * from organisations' public face.
 */
const COURSES_SQL = `
  SELECT a.id, a.title, a.summary, a.description, a.language, a.levels, a.license, a.module_type,
         a.study_load_hours, a.delivery_modes, a.price_cents, a.elective_codes,
         p.id AS pps_id, p.name AS pps_name, a.details
  FROM asset_published a
  JOIN pps_public p ON p.id = a.pps_id
  WHERE a.listed AND a.kind = 'module'`;

const PROGRAMS_SQL = `
  SELECT a.id, a.title, a.summary, a.description, a.language, a.levels, a.license, a.crebo_codes,
         a.elective_codes, a.learning_paths, a.component_ids, p.id AS pps_id, p.name AS pps_name, a.details
  FROM asset_published a
  JOIN pps_public p ON p.id = a.pps_id
  WHERE a.listed AND a.kind = 'curriculum'`;

/**
 * The organisations behind the courses: the root for the registry ($1, $2), lead institutions
 * (institutes) and the PPS they lead (departments below them), each only when it has a listed
 * building block; with the primary code each shows.
 */
const ORGANIZATIONS_SQL = `
  SELECT $1::uuid AS id, $2::text AS name, 'root' AS type, NULL::uuid AS parent_id,
         '${ROOT_CODE}' AS primary_code
  UNION ALL
  SELECT o.id, o.name, 'institute', NULL::uuid, o.id::text
  FROM organisation_public o
  WHERE EXISTS (SELECT 1 FROM pps_public p JOIN asset_published a ON a.pps_id = p.id
                WHERE p.lead_organisation_id = o.id AND a.listed)
  UNION ALL
  SELECT p.id, p.name, 'department', p.lead_organisation_id, p.id::text
  FROM pps_public p
  WHERE EXISTS (SELECT 1 FROM asset_published a WHERE a.pps_id = p.id AND a.listed)`;

export interface Root {
  id: string;
  name: string;
}

@Injectable()
export class OoapiRecordsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A window of courses with the spec's filters, in the order asked (default: name). */
  /** A window of courses with the spec's filters; `among`: only these (a program's modules). */
  async courses(query: CourseQuery, window: Window, among?: string[]): Promise<CourseRow[]> {
    const filter = new SqlFilter();
    if (among) filter.add(`a.id = ANY(${filter.value(among)}::uuid[])`);
    filter
      .contains(['a.title', 'COALESCE(a.description, a.summary)'], query.q)
      .equals('a.id::text', query.primaryCode?.toLowerCase())
      .teachingLanguage('a.language', query.teachingLanguage)
      .level('a.levels', query.level)
      .modesOfDelivery('a.delivery_modes', query.modesOfDelivery);
    const order = orderBy(query.sort, { name: 'a.title', courseId: 'a.id' }, 'a.id');
    if (filter.conditions.length > 0) return this.window(COURSES_SQL, filter, order, window);
    // Unfiltered (what harvesters page through): the page's ids from the listing's index, which
    // skips the earlier pages without reading a version, then only those rows in full.
    const keys = orderBy(query.sort, { name: 'l.title', courseId: 'l.id' }, 'l.id');
    return this.dataSource.query(
      `WITH page AS (
         SELECT l.id, l.title FROM asset_listing l WHERE l.kind = 'module'
         ${keys} OFFSET $1 LIMIT $2)
       ${COURSES_SQL} AND a.id IN (SELECT id FROM page)
       ${order}`,
      [window.offset, window.limit],
    );
  }

  async course(id: string): Promise<CourseRow | undefined> {
    const [row] = await this.dataSource.query(`${COURSES_SQL} AND a.id = $1::uuid`, [id]);
    return row;
  }

  /** A window of programs (curricula) with the spec's filters that our data can answer. */
  async programs(query: ProgramQuery, window: Window): Promise<ProgramRow[]> {
    // levelOfQualification is shown for one mbo level, as that level (toProgram).
    const qualification = query.levelOfQualification;
    const filter = new SqlFilter()
      .contains(['a.title', 'COALESCE(a.description, a.summary)'], query.q)
      .equals('COALESCE(a.crebo_codes[1], a.id::text)', query.primaryCode)
      .teachingLanguage('a.language', query.teachingLanguage)
      .level(
        'a.levels',
        qualification &&
          (/^[1-4]$/.test(qualification)
            ? `secondary vocational education ${qualification}`
            : 'never'),
      );
    const order = orderBy(query.sort, { name: 'a.title', programId: 'a.id' }, 'a.id');
    return this.window(PROGRAMS_SQL, filter, order, window);
  }

  /** Listed programs by id, in name order (a course's programs). */
  async programsAmong(ids: string[]): Promise<ProgramRow[]> {
    if (ids.length === 0) return [];
    return this.dataSource.query(
      `${PROGRAMS_SQL} AND a.id = ANY($1::uuid[]) ORDER BY a.title, a.id`,
      [ids],
    );
  }

  async program(id: string): Promise<ProgramRow | undefined> {
    const [row] = await this.dataSource.query(`${PROGRAMS_SQL} AND a.id = $1::uuid`, [id]);
    return row;
  }

  /** Rows of a listing (whose WHERE is already open) with more conditions, ordered, windowed. */
  private window<T>(sql: string, filter: SqlFilter, order: string, window: Window): Promise<T[]> {
    const more = filter.conditions.map((condition) => ` AND ${condition}`).join('');
    const offset = filter.value(window.offset);
    const limit = filter.value(window.limit);
    return this.dataSource.query(`${sql}${more} ${order} OFFSET ${offset} LIMIT ${limit}`, [
      ...filter.params,
    ]);
  }

  /** The course an offering belongs to, found by the offering's id (an index holds them). */
  async courseOfOffering(offeringId: string): Promise<CourseRow | undefined> {
    const [row] = await this.dataSource.query(
      `${COURSES_SQL} AND a.details->'offerings' @> $1::jsonb LIMIT 1`,
      [JSON.stringify([{ id: offeringId }])],
    );
    return row;
  }

  /** A window of the organisations, the root among them, with the spec's filters. */
  async organizations(
    query: OrganizationQuery,
    root: Root,
    window: Window,
  ): Promise<OrganizationRow[]> {
    const filter = new SqlFilter();
    filter.value(root.id);
    filter.value(root.name);
    filter
      .contains(['o.name'], query.q)
      .equals('o.primary_code', query.primaryCode)
      .equals('o.type', query.organizationType);
    const order = orderBy(query.sort, { name: 'o.name', organizationId: 'o.id' }, 'o.id');
    const offset = filter.value(window.offset);
    const limit = filter.value(window.limit);
    return this.dataSource.query(
      `SELECT o.id, o.name, o.type, o.parent_id FROM (${ORGANIZATIONS_SQL}) o ${filter.where()}
       ${order} OFFSET ${offset} LIMIT ${limit}`,
      filter.params,
    );
  }

  async organization(id: string, root: Root): Promise<OrganizationRow | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT o.id, o.name, o.type, o.parent_id FROM (${ORGANIZATIONS_SQL}) o
       WHERE o.id = $3::uuid`,
      [root.id, root.name, id],
    );
    return row;
  }

  /** The organisations directly below one (for `expand=children`), at most `limit`. */
  async children(id: string, root: Root, limit: number): Promise<OrganizationRow[]> {
    return this.dataSource.query(
      `SELECT o.id, o.name, o.type, o.parent_id FROM (${ORGANIZATIONS_SQL}) o
       WHERE COALESCE(o.parent_id, CASE WHEN o.type = 'root' THEN NULL ELSE $1::uuid END) = $3::uuid
       ORDER BY o.name, o.id LIMIT $4`,
      [root.id, root.name, id, limit],
    );
  }
}
