import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RecentRequests } from './request-rules';

/** A request for material as the library sees it (personal data: see RequestPolicy). */
export interface MaterialRequest {
  id: string;
  ppsId: string;
  assetId: string | null;
  name: string;
  email: string;
  organisation: string;
  purpose: string;
  sentAt: Date;
  handledAt: Date | null;
}

export interface NewMaterialRequest {
  ppsId: string;
  assetId: string | null;
  name: string;
  email: string;
  emailKey: string;
  organisation: string;
  purpose: string;
  senderKey: string;
}

interface RequestRow {
  id: string;
  pps_id: string;
  asset_id: string | null;
  requester_name: string;
  requester_email: string;
  requester_organisation: string;
  purpose: string;
  created_at: Date;
  handled_at: Date | null;
}

const COLUMNS = `id, pps_id, asset_id, requester_name, requester_email, requester_organisation,
  purpose, created_at, handled_at`;

function toRequest(row: RequestRow): MaterialRequest {
  return {
    id: row.id,
    ppsId: row.pps_id,
    assetId: row.asset_id,
    name: row.requester_name,
    email: row.requester_email,
    organisation: row.requester_organisation,
    purpose: row.purpose,
    sentAt: row.created_at,
    handledAt: row.handled_at,
  };
}

/** The queries of material_request: the one table of this library. */
@Injectable()
export class RequestsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Requests from this sender or e-mail address within the window (the rate limit's count). */
  async recent(
    manager: EntityManager,
    senderKey: string,
    emailKey: string,
    windowSeconds: number,
  ): Promise<RecentRequests> {
    const [row] = (await manager.query(
      `SELECT count(*) FILTER (WHERE sender_key = $1)::int AS sender_count,
              coalesce(extract(epoch FROM clock_timestamp() - min(created_at) FILTER (WHERE sender_key = $1)), 0)::float AS sender_age,
              count(*) FILTER (WHERE email_key = $2)::int AS email_count,
              coalesce(extract(epoch FROM clock_timestamp() - min(created_at) FILTER (WHERE email_key = $2)), 0)::float AS email_age
         FROM material_request
        WHERE (sender_key = $1 OR email_key = $2)
          AND created_at > clock_timestamp() - make_interval(secs => $3)`,
      [senderKey, emailKey, windowSeconds],
    )) as {
      sender_count: number;
      sender_age: number;
      email_count: number;
      email_age: number;
    }[];
    return {
      sender: { count: row.sender_count, oldestAgeSeconds: row.sender_age },
      email: { count: row.email_count, oldestAgeSeconds: row.email_age },
    };
  }

  async insert(manager: EntityManager, request: NewMaterialRequest): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO material_request (pps_id, asset_id, requester_name, requester_email, email_key,
                                     requester_organisation, purpose, sender_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        request.ppsId,
        request.assetId,
        request.name,
        request.email,
        request.emailKey,
        request.organisation,
        request.purpose,
        request.senderKey,
      ],
    )) as { id: string }[];
    return row.id;
  }

  /** A PPS's inbox: open requests first, then handled ones, newest first within each. */
  async inbox(
    ppsId: string,
    limit: number,
    offset: number,
  ): Promise<{ items: MaterialRequest[]; total: number; open: number }> {
    const [rows, [counts]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${COLUMNS} FROM material_request WHERE pps_id = $1
          ORDER BY (handled_at IS NOT NULL), created_at DESC, id
          LIMIT $2 OFFSET $3`,
        [ppsId, limit, offset],
      ) as Promise<RequestRow[]>,
      this.dataSource.query(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE handled_at IS NULL)::int AS open
           FROM material_request WHERE pps_id = $1`,
        [ppsId],
      ) as Promise<{ total: number; open: number }[]>,
    ]);
    return { items: rows.map(toRequest), total: counts.total, open: counts.open };
  }

  /** How many requests of a PPS wait for an answer (for its "Mijn PPS"). */
  async openCount(ppsId: string): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS open FROM material_request WHERE pps_id = $1 AND handled_at IS NULL`,
      [ppsId],
    )) as { open: number }[];
    return row.open;
  }

  async find(id: string): Promise<MaterialRequest | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM material_request WHERE id = $1`,
      [id],
    )) as RequestRow[];
    return rows[0] ? toRequest(rows[0]) : undefined;
  }

  /**
   * These requests with the title of the block each asks about as anyone reads it (null: asked
   * of the PPS, or the block not published), in one query however many: a mail digest's
   * entries. Absent from the map: deleted since.
   */
  async findWithTitles(
    ids: readonly string[],
  ): Promise<Map<string, MaterialRequest & { assetTitle: string | null }>> {
    if (ids.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT r.id, r.pps_id, r.asset_id, r.requester_name, r.requester_email,
              r.requester_organisation, r.purpose, r.created_at, r.handled_at,
              p.title AS asset_title
         FROM material_request r LEFT JOIN asset_published p ON p.id = r.asset_id
        WHERE r.id = ANY($1::uuid[])`,
      [ids],
    )) as (RequestRow & { asset_title: string | null })[];
    return new Map(rows.map((row) => [row.id, { ...toRequest(row), assetTitle: row.asset_title }]));
  }

  /** Marks it handled (or open again); false when it is gone. */
  async setHandled(id: string, handled: boolean, by: string): Promise<boolean> {
    // An UPDATE answers [rows, affected count] through TypeORM's pg driver.
    const [rows] = (await this.dataSource.query(
      `UPDATE material_request
          SET handled_at = CASE WHEN $2::boolean THEN coalesce(handled_at, clock_timestamp()) END,
              handled_by = CASE WHEN $2::boolean THEN $3::uuid END
        WHERE id = $1 RETURNING id`,
      [id, handled, by],
    )) as [unknown[], number];
    return rows.length > 0;
  }

  /**
   * Retention: requests older than `months` go with their personal data; a sender's network
   * key is cleared once the rate limit no longer needs it. Returns how many were deleted.
   */
  async purge(months: number, senderKeyHours: number): Promise<number> {
    const deleted = (await this.dataSource.query(
      `WITH gone AS (
         DELETE FROM material_request WHERE created_at < clock_timestamp() - make_interval(months => $1)
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [months],
    )) as { n: number }[];
    await this.dataSource.query(
      `UPDATE material_request SET sender_key = NULL
        WHERE sender_key IS NOT NULL AND created_at < clock_timestamp() - make_interval(hours => $1)`,
      [senderKeyHours],
    );
    return deleted[0].n;
  }

  /** How many requests (kept, see RETENTION_MONTHS) each of these blocks received; absent: none. */
  async countsByAsset(assetIds: readonly string[]): Promise<Map<string, number>> {
    if (assetIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT asset_id, count(*)::int AS n FROM material_request
        WHERE asset_id = ANY($1::uuid[]) GROUP BY asset_id`,
      [assetIds],
    )) as { asset_id: string; n: number }[];
    return new Map(rows.map((row) => [row.asset_id, row.n]));
  }
}
