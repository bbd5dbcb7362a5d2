import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { updateAtRevision } from '@bouwsteen/database';
import { CourseStatus } from './dto/course.dto';
import { CourseEntity } from './entities/course.entity';
import { CourseError } from './course.errors';
import type { ShareState } from '@bouwsteen/common';

/** A course as the library sees it. */
export interface Course {
  id: string;
  title: string;
  employer: { id: string; name: string };
  ownerUserId: string | null;
  ownerOrganisationId: string | null;
  audience: string;
  goals: string | null;
  startDate: string | null;
  endDate: string | null;
  durationWeeks: number | null;
  status: CourseStatus;
  extrasCents: number;
  extrasDescription: string | null;
  shared: boolean;
  revision: number;
  updatedAt: Date;
}

/** One course item with the facts of the published version it pins (from assets' read surface). */
export interface CourseItem {
  position: number;
  assetId: string;
  kind: string;
  title: string;
  status: string;
  ppsName: string;
  version: number;
  latestVersion: number;
  successorId: string | null;
  studyLoadHours: number | null;
  priceCents: number | null;
  certification: string | null;
  stackable: boolean | null;
  deliveryModes: string[];
  levels: string[];
  license: string;
  prerequisiteIds: string[];
  location: string | null;
}

export type CourseFields = Pick<
  Course,
  | 'title'
  | 'audience'
  | 'goals'
  | 'startDate'
  | 'endDate'
  | 'durationWeeks'
  | 'status'
  | 'extrasCents'
  | 'extrasDescription'
> & { employerOrganisationId: string };

export interface ItemInput {
  assetId: string;
  version: number | null;
  location: string | null;
}

interface CourseRow {
  id: string;
  title: string;
  employer_organisation_id: string;
  employer_name: string;
  owner_user_id: string | null;
  owner_organisation_id: string | null;
  audience: string;
  goals: string | null;
  start_date: string | null;
  end_date: string | null;
  duration_weeks: number | null;
  status: CourseStatus;
  extras_cents: number;
  extras_description: string | null;
  share_token_hash: string | null;
  row_version: number;
  updated_at: Date;
}

interface ItemRow {
  position: string;
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

const toCourse = (row: CourseRow): Course => ({
  id: row.id,
  title: row.title,
  employer: { id: row.employer_organisation_id, name: row.employer_name },
  ownerUserId: row.owner_user_id,
  ownerOrganisationId: row.owner_organisation_id,
  audience: row.audience,
  goals: row.goals,
  startDate: row.start_date,
  endDate: row.end_date,
  durationWeeks: row.duration_weeks,
  status: row.status,
  extrasCents: row.extras_cents,
  extrasDescription: row.extras_description,
  shared: row.share_token_hash !== null,
  revision: row.row_version,
  updatedAt: new Date(row.updated_at),
});

const toItem = (row: ItemRow): CourseItem => ({
  position: Number(row.position),
  assetId: row.asset_id,
  kind: row.kind,
  title: row.title,
  status: row.status,
  ppsName: row.pps_name,
  version: row.version,
  latestVersion: row.latest_version ?? row.version,
  successorId: row.successor_id,
  studyLoadHours: row.study_load_hours === null ? null : Number(row.study_load_hours),
  priceCents: row.price_cents,
  certification: row.certification,
  stackable: row.stackable,
  deliveryModes: row.delivery_modes,
  levels: row.levels,
  license: row.license,
  prerequisiteIds: row.prerequisite_ids,
  location: row.location,
});

const COURSE_SELECT = `
  SELECT c.id, c.title, c.employer_organisation_id, e.name AS employer_name, c.owner_user_id,
         c.owner_organisation_id, c.audience, c.goals, to_char(c.start_date, 'YYYY-MM-DD') AS start_date,
         to_char(c.end_date, 'YYYY-MM-DD') AS end_date, c.duration_weeks, c.status, c.extras_cents,
         c.extras_description, c.share_token_hash, c.row_version, c.updated_at
  FROM course c
  JOIN organisation_public e ON e.id = c.employer_organisation_id`;

/**
 * Facts of (asset, version) pairs from a relation `items` (position, asset_id, version,
 * location): version defaults to the current published one. `extra` selects more of `items`.
 */
const itemFacts = (extra = '') => `
  SELECT ${extra} i.position, v.asset_id, v.kind, v.title, v.status, p.name AS pps_name,
         v.version, v.current_version AS latest_version, v.successor_id,
         v.study_load_hours, v.price_cents, v.certification, v.stackable, v.delivery_modes, v.levels,
         v.license, v.prerequisite_ids, i.location
  FROM items i
  JOIN asset_published_version v ON v.asset_id = i.asset_id
   AND (v.version = i.version OR (i.version IS NULL AND v.is_current))
  JOIN pps_public p ON p.id = v.pps_id
  ORDER BY i.position`;

@Injectable()
export class CoursesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(id: string): Promise<Course | undefined> {
    const [row] = await this.dataSource.query(`${COURSE_SELECT} WHERE c.id = $1`, [id]);
    return row && toCourse(row);
  }

  async findByShareHash(hash: string): Promise<Course | undefined> {
    const [row] = await this.dataSource.query(`${COURSE_SELECT} WHERE c.share_token_hash = $1`, [
      hash,
    ]);
    return row && toCourse(row);
  }

  /** `owner`: whose courses (see CoursePolicy.ownerScope); null lists everyone's. */
  async list(
    owner: { organisationId: string | null; userId: string } | null,
    offset: number,
    limit: number,
  ): Promise<[Course[], number]> {
    const where =
      owner === null
        ? 'true'
        : owner.organisationId
          ? 'c.owner_organisation_id = $1'
          : 'c.owner_user_id = $1';
    const params = owner === null ? [] : [owner.organisationId ?? owner.userId];
    const rows: CourseRow[] = await this.dataSource.query(
      `${COURSE_SELECT} WHERE ${where} ORDER BY c.updated_at DESC, c.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM course c WHERE ${where}`,
      params,
    );
    return [rows.map(toCourse), count];
  }

  /** Facts for items not stored yet (validation before a write). Unknown assets are absent. */
  async describe(items: ItemInput[]): Promise<CourseItem[]> {
    const rows: ItemRow[] = await this.dataSource.query(
      `WITH items AS (
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[]) WITH ORDINALITY AS x(asset_id, version, location, position)
       ) ${itemFacts()}`,
      [
        items.map((item) => item.assetId),
        items.map((item) => item.version),
        items.map((item) => item.location),
      ],
    );
    return rows.map(toItem);
  }

  async items(courseId: string): Promise<CourseItem[]> {
    return (await this.itemsOf([courseId])).get(courseId)!;
  }

  /** The items of several courses in one query (a page of the course list). */
  async itemsOf(courseIds: string[]): Promise<Map<string, CourseItem[]>> {
    const result = new Map<string, CourseItem[]>(courseIds.map((id) => [id, []]));
    if (courseIds.length === 0) return result;
    const rows: (ItemRow & { course_id: string })[] = await this.dataSource.query(
      `WITH items AS (
         SELECT course_id, asset_id, asset_version AS version, location, position
         FROM course_item WHERE course_id = ANY($1::uuid[])
       ) ${itemFacts('i.course_id,')}`,
      [courseIds],
    );
    for (const { course_id, ...row } of rows) result.get(course_id)!.push(toItem(row));
    return result;
  }

  async insert(
    manager: EntityManager,
    fields: CourseFields,
    owner: { userId: string; organisationId: string | null },
  ): Promise<string> {
    const repository = manager.getRepository(CourseEntity);
    const saved = await repository.save(
      repository.create({
        ...fields,
        ownerUserId: owner.userId,
        ownerOrganisationId: owner.organisationId,
      }),
    );
    return saved.id;
  }

  /** Applies the fields only at the revision the editor read (412 otherwise). */
  update(
    manager: EntityManager,
    id: string,
    revision: number,
    fields: CourseFields,
  ): Promise<void> {
    return updateAtRevision(manager, CourseEntity, CourseError.NotFound, id, revision, fields);
  }

  async replaceItems(
    manager: EntityManager,
    courseId: string,
    items: { assetId: string; version: number; location: string | null }[],
  ): Promise<void> {
    await manager.query('DELETE FROM course_item WHERE course_id = $1', [courseId]);
    if (items.length === 0) return;
    await manager.query(
      `INSERT INTO course_item (course_id, position, asset_id, asset_version, location)
       SELECT $1, position, asset_id, version, location
       FROM unnest($2::uuid[], $3::int[], $4::text[]) WITH ORDINALITY AS x(asset_id, version, location, position)`,
      [
        courseId,
        items.map((item) => item.assetId),
        items.map((item) => item.version),
        items.map((item) => item.location),
      ],
    );
  }

  async shareState(id: string): Promise<ShareState | undefined> {
    const [row] = await this.dataSource.query(
      'SELECT share_nonce, share_token_hash FROM course WHERE id = $1',
      [id],
    );
    return row && { nonce: row.share_nonce, hash: row.share_token_hash };
  }

  /**
   * Sets the link (nonce and fingerprint) only if its nonce is still `from` (null: none yet),
   * in one statement: of parallel requests exactly one changes it. Returns whether this one did.
   */
  async setShare(id: string, from: string | null, nonce: string, hash: string): Promise<boolean> {
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      `UPDATE course SET share_nonce = $3, share_token_hash = $4, shared_at = now()
       WHERE id = $1 AND share_nonce IS NOT DISTINCT FROM $2::text`,
      [id, from, nonce, hash],
    );
    return affected > 0;
  }

  async unshare(id: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE course SET share_nonce = NULL, share_token_hash = NULL, shared_at = NULL WHERE id = $1',
      [id],
    );
  }

  /** How many courses hold each of these blocks (any version); absent: none. */
  async countsByAsset(assetIds: readonly string[]): Promise<Map<string, number>> {
    if (assetIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT asset_id, count(DISTINCT course_id)::int AS n FROM course_item
        WHERE asset_id = ANY($1::uuid[]) GROUP BY asset_id`,
      [assetIds],
    )) as { asset_id: string; n: number }[];
    return new Map(rows.map((row) => [row.asset_id, row.n]));
  }

  /**
   * An account is being deleted: the courses that were its own (made without an office) go
   * with it; an office's courses stay with the office (the foreign key unnames them).
   */
  async deleteOwnedBy(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(
      'DELETE FROM course WHERE owner_user_id = $1 AND owner_organisation_id IS NULL',
      [userId],
    );
  }
}
