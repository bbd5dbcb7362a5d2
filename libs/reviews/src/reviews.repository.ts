import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { pageTotal } from '@bouwsteen/common';
import type { ReviewGroup, ReviewPathway, ReviewSetting, ReviewUse } from './review-rules';

/** What a review holds as the library sees it (its author is only an id, never shown). */
export interface Review {
  id: string;
  assetId: string;
  authorId: string;
  use: ReviewUse;
  level: number;
  pathway: ReviewPathway;
  setting: ReviewSetting;
  usability: number;
  quality: number;
  adaptability: number;
  body: string | null;
  reply: string | null;
  repliedAt: Date | null;
  hidden: boolean;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

export type ReviewFields = Pick<
  Review,
  'use' | 'level' | 'pathway' | 'setting' | 'usability' | 'quality' | 'adaptability' | 'body'
>;

export interface ReviewReport {
  id: string;
  reviewId: string;
  assetId: string;
  assetTitle: string;
  reason: string;
  reviewBody: string | null;
  reviewHidden: boolean;
  reportedAt: Date;
}

const COLUMNS = `id, asset_id AS "assetId", author_id AS "authorId", use, level::int AS level,
  pathway, setting, usability::int AS usability, quality::int AS quality,
  adaptability::int AS adaptability, body, reply, replied_at AS "repliedAt",
  hidden_at IS NOT NULL AS hidden, revision, created_at AS "createdAt", updated_at AS "updatedAt"`;

const FIELDS = [
  'use',
  'level',
  'pathway',
  'setting',
  'usability',
  'quality',
  'adaptability',
  'body',
];
const values = (fields: ReviewFields) => FIELDS.map((key) => fields[key as keyof ReviewFields]);

/** The queries of review and review_report: the tables of this library. */
@Injectable()
export class ReviewsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A block's visible reviews grouped by context, with the rubric sums (for the summary). */
  async groups(assetId: string): Promise<ReviewGroup[]> {
    const rows = (await this.dataSource.query(
      `SELECT use, level::int AS level, pathway, setting, count(*)::int AS count,
              sum(usability)::int AS usability, sum(quality)::int AS quality,
              sum(adaptability)::int AS adaptability
         FROM review WHERE asset_id = $1 AND hidden_at IS NULL
        GROUP BY use, level, pathway, setting`,
      [assetId],
    )) as (Omit<ReviewGroup, 'sums'> & Record<'usability' | 'quality' | 'adaptability', number>)[];
    return rows.map(({ usability, quality, adaptability, ...group }) => ({
      ...group,
      sums: { usability, quality, adaptability },
    }));
  }

  /** A page of a block's visible reviews, most recently changed first. */
  async page(
    assetId: string,
    limit: number,
    offset: number,
  ): Promise<{ items: Review[]; total: number }> {
    const items = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM review WHERE asset_id = $1 AND hidden_at IS NULL
        ORDER BY updated_at DESC, id LIMIT $2 OFFSET $3`,
      [assetId, limit, offset],
    )) as Review[];
    const total = await pageTotal(offset, limit, items.length, async () => {
      const [count] = (await this.dataSource.query(
        `SELECT count(*)::int AS total FROM review WHERE asset_id = $1 AND hidden_at IS NULL`,
        [assetId],
      )) as { total: number }[];
      return count.total;
    });
    return { items, total };
  }

  async mine(assetId: string, authorId: string): Promise<Review | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM review WHERE asset_id = $1 AND author_id = $2`,
      [assetId, authorId],
    )) as Review[];
    return rows[0];
  }

  async find(id: string): Promise<Review | undefined> {
    const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM review WHERE id = $1`, [
      id,
    ])) as Review[];
    return rows[0];
  }

  /** The new review; undefined when this person has one already (the unique pair decides). */
  async insert(
    manager: EntityManager,
    assetId: string,
    authorId: string,
    fields: ReviewFields,
  ): Promise<Review | undefined> {
    const rows = (await manager.query(
      `INSERT INTO review (asset_id, author_id, ${FIELDS.join(', ')})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (asset_id, author_id) DO NOTHING RETURNING ${COLUMNS}`,
      [assetId, authorId, ...values(fields)],
    )) as Review[];
    return rows[0];
  }

  /** The edited review; undefined when its revision moved on (or it is gone). */
  async update(id: string, revision: number, fields: ReviewFields): Promise<Review | undefined> {
    const set = FIELDS.map((field, index) => `${field} = $${index + 3}`).join(', ');
    const rows = (await this.dataSource.query(
      `UPDATE review SET ${set}, revision = revision + 1, updated_at = clock_timestamp()
        WHERE id = $1 AND revision = $2 RETURNING ${COLUMNS}`,
      [id, revision, ...values(fields)],
    )) as [Review[], number];
    return rows[0][0];
  }

  async delete(id: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM review WHERE id = $1`, [id]);
  }

  /** Sets the reply; false when there is one already (one reply per review). */
  async reply(id: string, body: string, by: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `UPDATE review SET reply = $2, reply_by = $3, replied_at = clock_timestamp()
        WHERE id = $1 AND reply IS NULL RETURNING id`,
      [id, body, by],
    )) as [unknown[], number];
    return rows[0].length > 0;
  }

  /** Records a report; false when this person reported the review before. */
  async report(reviewId: string, reporterId: string, reason: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `INSERT INTO review_report (review_id, reporter_id, reason) VALUES ($1, $2, $3)
       ON CONFLICT (review_id, reporter_id) DO NOTHING RETURNING id`,
      [reviewId, reporterId, reason],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Which of these reviews this person has reported (a page offers the report form once). */
  async reportedBy(reporterId: string, reviewIds: string[]): Promise<string[]> {
    if (reviewIds.length === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT review_id AS "reviewId" FROM review_report
        WHERE reporter_id = $1 AND review_id = ANY($2::uuid[])`,
      [reporterId, reviewIds],
    )) as { reviewId: string }[];
    return rows.map((row) => row.reviewId);
  }

  /** Who reported this review (for the rule of which reports let a PPS hide it). */
  async reporterIds(reviewId: string): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT reporter_id AS "reporterId" FROM review_report WHERE review_id = $1`,
      [reviewId],
    )) as { reporterId: string }[];
    return rows.map((row) => row.reporterId);
  }

  /**
   * Hides a review reported by one of `reporterIds` (those whose report counts, by the policy);
   * false when none of them did. Checked in the statement itself, so a review withdrawn between
   * the reading of its reports and this is not hidden on their account.
   */
  async hide(id: string, by: string, reporterIds: string[]): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `UPDATE review SET hidden_at = coalesce(hidden_at, clock_timestamp()), hidden_by = $2
        WHERE id = $1 AND EXISTS (SELECT 1 FROM review_report r
                                   WHERE r.review_id = review.id AND r.reporter_id = ANY($3::uuid[]))
        RETURNING id`,
      [id, by, reporterIds],
    )) as [unknown[], number];
    return rows[0].length > 0;
  }

  /** Shows a reported review again; false when nobody reported it (so it was never hidden). */
  async show(id: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `UPDATE review SET hidden_at = NULL, hidden_by = NULL
        WHERE id = $1 AND EXISTS (SELECT 1 FROM review_report r WHERE r.review_id = review.id)
        RETURNING id`,
      [id],
    )) as [unknown[], number];
    return rows[0].length > 0;
  }

  /** Reports on reviews of the blocks of these PPS, newest first (for "Mijn PPS"). */
  async reportsFor(
    ppsIds: string[],
    limit: number,
    offset: number,
  ): Promise<{ items: ReviewReport[]; total: number }> {
    const rows = (await this.dataSource.query(
      `SELECT rr.id, rr.review_id AS "reviewId", r.asset_id AS "assetId", a.title AS "assetTitle",
              rr.reason, r.body AS "reviewBody", r.hidden_at IS NOT NULL AS "reviewHidden",
              rr.created_at AS "reportedAt", count(*) OVER ()::int AS total
         FROM review_report rr
         JOIN review r ON r.id = rr.review_id
         JOIN asset_published a ON a.id = r.asset_id
        WHERE a.pps_id = ANY($1::uuid[])
        ORDER BY rr.created_at DESC, rr.id LIMIT $2 OFFSET $3`,
      [ppsIds, limit, offset],
    )) as (ReviewReport & { total: number })[];
    return {
      items: rows.map(({ total: _total, ...report }) => report),
      total: rows[0]?.total ?? 0,
    };
  }

  /** How many visible reviews each of these blocks has; absent: none. */
  async countsByAsset(assetIds: readonly string[]): Promise<Map<string, number>> {
    if (assetIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT asset_id, count(*)::int AS n FROM review
        WHERE asset_id = ANY($1::uuid[]) AND hidden_at IS NULL GROUP BY asset_id`,
      [assetIds],
    )) as { asset_id: string; n: number }[];
    return new Map(rows.map((row) => [row.asset_id, row.n]));
  }
}
