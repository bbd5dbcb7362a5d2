import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NotFoundError, PreconditionFailedError, toEtag } from '@bouwsteen/common';

export interface CourseRow {
  id: string;
  title: string;
  employer_organisation_id: string;
  employer_name: string;
  owner_user_id: string;
  owner_organisation_id: string | null;
  owner_name: string | null;
  audience: string;
  goals: string | null;
  start_date: string | null;
  end_date: string | null;
  duration_weeks: number | null;
  status: 'draft' | 'offered' | 'running' | 'archived';
  extras_cents: number;
  extras_description: string | null;
  share_token_hash: string | null;
  row_version: number;
  updated_at: Date;
}

export interface ItemRow {
  position: number;
  asset_id: string;
  kind: string;
  title: string;
  status: string;
  pps_name: string;
  version: number;
  latest_version: number | null;
  successor_id: string | null;
  study_load_hours: string | null;
  price_cents: number | null;
  certification: string | null;
  stackable: boolean | null;
  delivery_modes: string[];
  levels: string[];
  license: string;
  prerequisite_ids: string[];
  location: string | null;
}

export type CourseFields = {
  title: string;
  employerOrganisationId: string;
  audience: string;
  goals: string | null;
  startDate: string | null;
  endDate: string | null;
  durationWeeks: number | null;
  status: string;
  extrasCents: number;
  extrasDescription: string | null;
};

export interface ItemInput {
  assetId: string;
  version: number | null;
  location: string | null;
}

const COURSE_SELECT = `
  SELECT c.*, to_char(c.start_date, 'YYYY-MM-DD') AS start_date, to_char(c.end_date, 'YYYY-MM-DD') AS end_date,
         e.name AS employer_name, owner.name AS owner_name
  FROM course c
  JOIN organisation e ON e.id = c.employer_organisation_id
  LEFT JOIN organisation owner ON owner.id = c.owner_organisation_id`;

/**
 * Facts of (asset, version) pairs from a relation `items` (position, asset_id, version,
 * location): version defaults to the latest published one. `extra` selects more of `items`.
 */
const itemFacts = (extra = '') => `
  SELECT ${extra} i.position, a.id AS asset_id, a.kind, v.title, a.status, p.name AS pps_name,
         v.number AS version, a.published_version AS latest_version, a.successor_id,
         v.study_load_hours, v.price_cents, v.certification, v.stackable, v.delivery_modes, v.levels,
         v.license, v.prerequisite_ids, i.location
  FROM items i
  JOIN asset a ON a.id = i.asset_id
  JOIN pps p ON p.id = a.pps_id
  JOIN asset_version v ON v.asset_id = a.id AND v.number = coalesce(i.version, a.published_version) AND v.state = 'published'
  ORDER BY i.position`;
const ITEM_FACTS = itemFacts();

@Injectable()
export class CoursesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(id: string): Promise<CourseRow | undefined> {
    return (await this.dataSource.query(`${COURSE_SELECT} WHERE c.id = $1`, [id]))[0];
  }

  async findByShareHash(hash: string): Promise<CourseRow | undefined> {
    return (
      await this.dataSource.query(`${COURSE_SELECT} WHERE c.share_token_hash = $1`, [hash])
    )[0];
  }

  async list(
    scope: { organisationId: string | null; userId: string } | null,
    offset: number,
    limit: number,
  ): Promise<[CourseRow[], number]> {
    const where =
      scope === null
        ? 'true'
        : scope.organisationId
          ? 'c.owner_organisation_id = $1'
          : 'c.owner_user_id = $1';
    const params = scope === null ? [] : [scope.organisationId ?? scope.userId];
    const rows = await this.dataSource.query(
      `${COURSE_SELECT} WHERE ${where} ORDER BY c.updated_at DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM course c WHERE ${where}`,
      params,
    );
    return [rows, count];
  }

  /** Facts for items not stored yet (validation before a write). Unknown assets are absent. */
  describe(items: ItemInput[]): Promise<ItemRow[]> {
    return this.dataSource.query(
      `WITH items AS (
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[]) WITH ORDINALITY AS x(asset_id, version, location, position)
       ) ${ITEM_FACTS}`,
      [
        items.map((item) => item.assetId),
        items.map((item) => item.version),
        items.map((item) => item.location),
      ],
    );
  }

  items(courseId: string): Promise<ItemRow[]> {
    return this.dataSource.query(
      `WITH items AS (SELECT asset_id, asset_version AS version, location, position FROM course_item WHERE course_id = $1) ${ITEM_FACTS}`,
      [courseId],
    );
  }

  /** The items of several courses in one query (a page of the course list). */
  async itemsOf(courseIds: string[]): Promise<Map<string, ItemRow[]>> {
    const result = new Map<string, ItemRow[]>(courseIds.map((id) => [id, []]));
    if (courseIds.length === 0) return result;
    const rows: (ItemRow & { course_id: string })[] = await this.dataSource.query(
      `WITH items AS (
         SELECT course_id, asset_id, asset_version AS version, location, position
         FROM course_item WHERE course_id = ANY($1::uuid[])
       ) ${itemFacts('i.course_id,')}`,
      [courseIds],
    );
    for (const { course_id, ...row } of rows) result.get(course_id)!.push(row);
    return result;
  }

  async insert(
    manager: EntityManager,
    fields: CourseFields,
    owner: { userId: string; organisationId: string | null },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO course (title, employer_organisation_id, owner_user_id, owner_organisation_id, audience, goals,
                           start_date, end_date, duration_weeks, status, extras_cents, extras_description)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        fields.title,
        fields.employerOrganisationId,
        owner.userId,
        owner.organisationId,
        fields.audience,
        fields.goals,
        fields.startDate,
        fields.endDate,
        fields.durationWeeks,
        fields.status,
        fields.extrasCents,
        fields.extrasDescription,
      ],
    );
    return row.id;
  }

  async update(
    manager: EntityManager,
    id: string,
    revision: number,
    fields: CourseFields,
  ): Promise<void> {
    const [, affected]: [unknown[], number] = await manager.query(
      `UPDATE course SET title = $3, employer_organisation_id = $4, audience = $5, goals = $6, start_date = $7,
              end_date = $8, duration_weeks = $9, status = $10, extras_cents = $11, extras_description = $12,
              row_version = row_version + 1, updated_at = now()
       WHERE id = $1 AND row_version = $2`,
      [
        id,
        revision,
        fields.title,
        fields.employerOrganisationId,
        fields.audience,
        fields.goals,
        fields.startDate,
        fields.endDate,
        fields.durationWeeks,
        fields.status,
        fields.extrasCents,
        fields.extrasDescription,
      ],
    );
    if (affected === 1) return;
    const current = await this.find(id);
    if (!current) throw new NotFoundError('course', id);
    throw new PreconditionFailedError(toEtag(current.row_version));
  }

  async replaceItems(
    manager: EntityManager,
    courseId: string,
    items: { assetId: string; version: number; location: string | null }[],
  ): Promise<void> {
    await manager.query('DELETE FROM course_item WHERE course_id = $1', [courseId]);
    for (const [index, item] of items.entries()) {
      await manager.query(
        'INSERT INTO course_item (course_id, position, asset_id, asset_version, location) VALUES ($1, $2, $3, $4, $5)',
        [courseId, index + 1, item.assetId, item.version, item.location],
      );
    }
  }

  async setShareHash(id: string, hash: string | null): Promise<void> {
    await this.dataSource.query(
      'UPDATE course SET share_token_hash = $2::text, shared_at = CASE WHEN $2::text IS NULL THEN NULL ELSE now() END WHERE id = $1',
      [id, hash],
    );
  }
}
