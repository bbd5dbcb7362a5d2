import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export type FollowTarget = 'asset' | 'pps';

export interface Notification {
  id: string;
  type: string;
  /** The block it is about; null for a saved search's notification (it names several). */
  assetId: string | null;
  assetVersion: number | null;
  reason: string;
  message: string;
  /** Where to look (a page path): a saved search's results; null for the others. */
  link: string | null;
  /** The blocks a saved search found (the first few); empty for the others. */
  assetIds: string[];
  createdAt: Date;
  readAt: Date | null;
}

export interface Webhook {
  id: string;
  url: string;
  createdAt: Date;
}

export interface Follow {
  targetType: FollowTarget;
  targetId: string;
  since: Date;
}

export interface DueDelivery {
  id: string;
  attempts: number;
  url: string;
  secret: string;
  notification: Notification;
}

/** Columns as the camelCase names the rest of the library uses (rows map at this boundary). */
const NOTIFICATION_COLUMNS = `id, type, asset_id AS "assetId", asset_version AS "assetVersion", reason, message,
  link, coalesce(asset_ids, '{}') AS "assetIds", created_at AS "createdAt", read_at AS "readAt"`;
const WEBHOOK_COLUMNS = `id, url, created_at AS "createdAt"`;

@Injectable()
export class FollowRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Whose and what kind the notifications are, in the transaction that wrote them (e-mail). */
  recipients(
    manager: EntityManager,
    ids: string[],
  ): Promise<{ id: string; userId: string; type: string }[]> {
    return manager.query(
      `SELECT id, user_id AS "userId", type FROM notification WHERE id = ANY($1::uuid[]) ORDER BY id`,
      [ids],
    );
  }

  /** Notifications by id, whoever they are for (e-mail renders them); gone ones are left out. */
  async byIds(ids: string[]): Promise<Notification[]> {
    if (ids.length === 0) return [];
    const rows: Notification[] = await this.dataSource.query(
      `SELECT ${NOTIFICATION_COLUMNS} FROM notification WHERE id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [ids],
    );
    return rows;
  }

  async follow(userId: string, type: FollowTarget, id: string): Promise<void> {
    await this.dataSource.query(
      'INSERT INTO follow (user_id, target_type, target_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [userId, type, id],
    );
  }

  async unfollow(userId: string, type: FollowTarget, id: string): Promise<void> {
    await this.dataSource.query(
      'DELETE FROM follow WHERE user_id = $1 AND target_type = $2 AND target_id = $3',
      [userId, type, id],
    );
  }

  async follows(userId: string, offset: number, limit: number): Promise<[Follow[], number]> {
    const rows: Follow[] = await this.dataSource.query(
      `SELECT target_type AS "targetType", target_id AS "targetId", created_at AS since FROM follow WHERE user_id = $1
       ORDER BY created_at DESC, target_type, target_id LIMIT $2 OFFSET $3`,
      [userId, limit, offset],
    );
    const [{ count }] = await this.dataSource.query(
      'SELECT count(*)::int AS count FROM follow WHERE user_id = $1',
      [userId],
    );
    return [rows, count];
  }

  async notifications(
    userId: string,
    unreadOnly: boolean,
    offset: number,
    limit: number,
  ): Promise<[Notification[], number]> {
    const where = `user_id = $1${unreadOnly ? ' AND read_at IS NULL' : ''}`;
    const rows: Notification[] = await this.dataSource.query(
      `SELECT ${NOTIFICATION_COLUMNS} FROM notification
       WHERE ${where} ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
      [userId, limit, offset],
    );
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM notification WHERE ${where}`,
      [userId],
    );
    return [rows, count];
  }

  /** TypeORM answers UPDATE and DELETE with [rows, affected], hence the destructuring here. */
  async markRead(userId: string, id: string): Promise<boolean> {
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      'UPDATE notification SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2',
      [id, userId],
    );
    return affected > 0;
  }

  /** Every unread notification of the account made up to `upTo` (all: null) is read; how many. */
  async markAllRead(userId: string, upTo: Date | null): Promise<number> {
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      `UPDATE notification SET read_at = now()
        WHERE user_id = $1 AND read_at IS NULL AND ($2::timestamptz IS NULL OR created_at <= $2)`,
      [userId, upTo],
    );
    return affected;
  }

  /**
   * How many of the account's newest `window` notifications are unread: at most `window` rows
   * of notification_user_idx, however many the account has (the header asks on every page).
   */
  async unreadAmongNewest(userId: string, window: number): Promise<number> {
    const [{ count }]: { count: number }[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE read_at IS NULL)::int AS count
         FROM (SELECT read_at FROM notification WHERE user_id = $1
                ORDER BY created_at DESC LIMIT $2) newest`,
      [userId, window],
    );
    return count;
  }

  webhooks(userId: string): Promise<Webhook[]> {
    return this.dataSource.query(
      `SELECT ${WEBHOOK_COLUMNS} FROM webhook WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
  }

  async countWebhooks(manager: EntityManager, userId: string): Promise<number> {
    return (
      await manager.query('SELECT count(*)::int AS count FROM webhook WHERE user_id = $1', [userId])
    )[0].count;
  }

  async addWebhook(
    manager: EntityManager,
    userId: string,
    url: string,
    secret: string,
  ): Promise<Webhook> {
    return (
      await manager.query(
        `INSERT INTO webhook (user_id, url, secret) VALUES ($1, $2, $3) RETURNING ${WEBHOOK_COLUMNS}`,
        [userId, url, secret],
      )
    )[0];
  }

  async removeWebhook(userId: string, id: string): Promise<boolean> {
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      'DELETE FROM webhook WHERE id = $1 AND user_id = $2',
      [id, userId],
    );
    return affected > 0;
  }

  /** A delivery still to be made, with what it sends and where; null once made or given up. */
  async pendingDelivery(id: string): Promise<DueDelivery | null> {
    const rows: (Omit<DueDelivery, 'notification'> & {
      notification: Omit<Notification, 'createdAt'> & { createdAt: string };
    })[] = await this.dataSource.query(
      `SELECT d.id, d.attempts, w.url, w.secret,
              json_build_object('id', n.id, 'type', n.type, 'assetId', n.asset_id, 'assetVersion', n.asset_version,
                                'reason', n.reason, 'message', n.message, 'link', n.link,
                                'assetIds', coalesce(n.asset_ids, '{}'), 'createdAt', n.created_at,
                                'readAt', n.read_at) AS notification
       FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id JOIN notification n ON n.id = d.notification_id
       WHERE d.id = $1 AND d.delivered_at IS NULL AND d.gave_up_at IS NULL`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      ...row,
      id: String(row.id),
      notification: {
        ...row.notification,
        createdAt: new Date(row.notification.createdAt),
        readAt: row.notification.readAt ? new Date(row.notification.readAt) : null,
      },
    };
  }

  async delivered(manager: EntityManager, id: string, status: number): Promise<void> {
    await manager.query(
      'UPDATE webhook_delivery SET delivered_at = now(), last_status = $2, attempts = attempts + 1 WHERE id = $1',
      [id, status],
    );
  }

  /** An attempt that failed; `giveUp` when no attempt follows (the job engine does the waiting). */
  async failed(
    manager: EntityManager,
    id: string,
    status: number | null,
    error: string,
    giveUp: boolean,
  ): Promise<void> {
    await manager.query(
      `UPDATE webhook_delivery
       SET attempts = attempts + 1, last_status = $2, last_error = left($3, 1000),
           gave_up_at = CASE WHEN $4 THEN now() END
       WHERE id = $1`,
      [id, status, error, giveUp],
    );
  }

  /** No attempt follows (the last one's worker stopped): given up, nothing else changes. */
  async giveUp(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE webhook_delivery SET gave_up_at = now() WHERE id = $1 AND delivered_at IS NULL`,
      [id],
    );
  }

  /** How many people follow a PPS, and how many follow at least one of its assets. */
  async followerCounts(ppsId: string): Promise<{ pps: number; assets: number }> {
    const [row]: { pps: number; assets: number }[] = await this.dataSource.query(
      `SELECT
         (SELECT count(*)::int FROM follow WHERE target_type = 'pps' AND target_id = $1) AS pps,
         (SELECT count(DISTINCT f.user_id)::int FROM follow f JOIN asset_published a ON a.id = f.target_id
            WHERE f.target_type = 'asset' AND a.pps_id = $1) AS assets`,
      [ppsId],
    );
    return row;
  }

  async isFollowing(userId: string, type: FollowTarget, id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM follow WHERE user_id = $1 AND target_type = $2 AND target_id = $3',
      [userId, type, id],
    );
    return rows.length > 0;
  }

  /** How many people follow each of these blocks (counts only, never who); absent: none. */
  async countsByAsset(assetIds: readonly string[]): Promise<Map<string, number>> {
    if (assetIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT target_id AS asset_id, count(*)::int AS n FROM follow
        WHERE target_type = 'asset' AND target_id = ANY($1::uuid[]) GROUP BY target_id`,
      [assetIds],
    )) as { asset_id: string; n: number }[];
    return new Map(rows.map((row) => [row.asset_id, row.n]));
  }
}
