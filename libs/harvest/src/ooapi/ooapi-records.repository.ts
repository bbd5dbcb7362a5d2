import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

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
    offerings?: { period: { start: string; end: string }; location?: string; seats?: number }[];
  };
}

/** A published curriculum as OOAPI describes it: a program. */
export interface ProgramRow extends PublishedRow {
  crebo_codes: string[];
  learning_paths: string[];
  /** Its modules, in its order (listed or not: ask for the listed ones). */
  component_ids: string[];
  details: { durationMonths?: number };
}

export interface OrganizationRow {
  id: string;
  name: string;
  type: 'institute' | 'department';
  parent_id: string | null;
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
         a.learning_paths, a.component_ids, p.id AS pps_id, p.name AS pps_name, a.details
  FROM asset_published a
  JOIN pps_public p ON p.id = a.pps_id
  WHERE a.listed AND a.kind = 'curriculum'`;

/**
 * The organisations behind the courses: lead institutions (institutes) and the PPS they lead
 * (departments below them), each only when it has a listed building block.
 */
const ORGANIZATIONS_SQL = `
  SELECT o.id, o.name, 'institute' AS type, NULL::uuid AS parent_id
  FROM organisation_public o
  WHERE EXISTS (SELECT 1 FROM pps_public p JOIN asset_published a ON a.pps_id = p.id
                WHERE p.lead_organisation_id = o.id AND a.listed)
  UNION ALL
  SELECT p.id, p.name, 'department', p.lead_organisation_id
  FROM pps_public p
  WHERE EXISTS (SELECT 1 FROM asset_published a WHERE a.pps_id = p.id AND a.listed)`;

@Injectable()
export class OoapiRecordsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A page of courses in the spec's default order (name), with the total for paging. */
  async courses(offset: number, limit: number): Promise<{ rows: CourseRow[]; total: number }> {
    const rows: CourseRow[] = await this.dataSource.query(
      `${COURSES_SQL} ORDER BY a.title, a.id OFFSET $1 LIMIT $2`,
      [offset, limit],
    );
    const [{ n }] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM (${COURSES_SQL}) c`,
    );
    return { rows, total: n };
  }

  async course(id: string): Promise<CourseRow | undefined> {
    const [row] = await this.dataSource.query(`${COURSES_SQL} AND a.id = $1::uuid`, [id]);
    return row;
  }

  /** Programs (curricula) in name order, one more than asked to know whether a next page exists. */
  async programs(offset: number, limit: number): Promise<ProgramRow[]> {
    return this.dataSource.query(`${PROGRAMS_SQL} ORDER BY a.title, a.id OFFSET $1 LIMIT $2`, [
      offset,
      limit,
    ]);
  }

  /**
   * A page of the listed courses among these ids (a program's modules) in the spec's default
   * order for a program's courses (courseId), with their total.
   */
  async coursesAmong(
    ids: string[],
    offset: number,
    limit: number,
  ): Promise<{ rows: CourseRow[]; total: number }> {
    const rows: CourseRow[] = await this.dataSource.query(
      `${COURSES_SQL} AND a.id = ANY($1::uuid[]) ORDER BY a.id OFFSET $2 LIMIT $3`,
      [ids, offset, limit],
    );
    const [{ n }] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM (${COURSES_SQL} AND a.id = ANY($1::uuid[])) c`,
      [ids],
    );
    return { rows, total: n };
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

  /**
   * Every course that has offerings, in pages: an offering's id is derived from its course, so
   * finding one by id means looking through them (see README: known limits).
   */
  async *coursesWithOfferings(batch = 1000): AsyncGenerator<CourseRow[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: CourseRow[] = await this.dataSource.query(
        `${COURSES_SQL} AND jsonb_array_length(COALESCE(a.details->'offerings', '[]'::jsonb)) > 0
           AND a.id > $1::uuid ORDER BY a.id LIMIT $2`,
        [after, batch],
      );
      if (rows.length === 0) return;
      yield rows;
      after = rows[rows.length - 1].id;
    }
  }

  async organizations(
    offset: number,
    limit: number,
    type?: OrganizationRow['type'],
  ): Promise<{ rows: OrganizationRow[]; total: number }> {
    const filter = type ? 'WHERE o.type = $3' : 'WHERE $3::text IS NULL';
    const rows: OrganizationRow[] = await this.dataSource.query(
      `SELECT * FROM (${ORGANIZATIONS_SQL}) o ${filter}
       ORDER BY o.type DESC, o.name, o.id OFFSET $1 LIMIT $2`,
      [offset, limit, type ?? null],
    );
    const [{ n }] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM (${ORGANIZATIONS_SQL}) o ${filter.replace('$3', '$1')}`,
      [type ?? null],
    );
    return { rows, total: n };
  }

  async organization(id: string): Promise<OrganizationRow | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT * FROM (${ORGANIZATIONS_SQL}) o WHERE o.id = $1::uuid`,
      [id],
    );
    return row;
  }
}
