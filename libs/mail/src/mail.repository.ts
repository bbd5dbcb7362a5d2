import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MAIL_RECORD_DAYS, type StoredPreferences } from './mail-rules';
import type { DigestFrequency, MailMode } from './mail-types';

export type MailSource = 'notification' | 'request' | 'password-link';

export interface MailItem {
  id: string;
  userId: string;
  type: string;
  source: MailSource;
  sourceId: string;
  sealed: string | null;
  createdAt: Date;
}

export interface Recipient {
  email: string;
  displayName: string;
  active: boolean;
}

/** An account as its mail sees it: see MailRepository.readers. */
export interface Reader extends Recipient {
  preferences: StoredPreferences;
  sentInLastDay: number;
}

const ITEM_COLUMNS = `id, user_id AS "userId", type, source, source_id AS "sourceId", sealed,
  created_at AS "createdAt"`;
const PENDING = 'sent_at IS NULL AND skipped_at IS NULL';

/** The queries of the mail tables; app_user only for whether and where a recipient gets mail. */
@Injectable()
export class MailRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async preferences(userId: string, manager?: EntityManager): Promise<StoredPreferences> {
    const q = manager ?? this.db.manager;
    const [setting]: { frequency: DigestFrequency }[] = await q.query(
      'SELECT digest_frequency AS frequency FROM mail_setting WHERE user_id = $1',
      [userId],
    );
    const rows: { type: string; mode: MailMode }[] = await q.query(
      'SELECT type, mode FROM mail_preference WHERE user_id = $1',
      [userId],
    );
    return {
      frequency: setting?.frequency ?? null,
      modes: Object.fromEntries(rows.map((row) => [row.type, row.mode])),
    };
  }

  async save(
    manager: EntityManager,
    userId: string,
    frequency: DigestFrequency | undefined,
    modes: { type: string; mode: MailMode }[],
  ): Promise<void> {
    if (frequency)
      await manager.query(
        `INSERT INTO mail_setting (user_id, digest_frequency) VALUES ($1, $2)
         ON CONFLICT (user_id) DO UPDATE SET digest_frequency = $2, updated_at = now()`,
        [userId, frequency],
      );
    for (const { type, mode } of modes)
      await manager.query(
        `INSERT INTO mail_preference (user_id, type, mode) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, type) DO UPDATE SET mode = $3`,
        [userId, type, mode],
      );
  }

  /** For each active account of `userIds`: its own mode for `type`, or null (the default). */
  async modesFor(
    manager: EntityManager,
    userIds: string[],
    type: string,
  ): Promise<{ userId: string; mode: MailMode | null }[]> {
    if (userIds.length === 0) return [];
    return manager.query(
      `SELECT u.id AS "userId", p.mode FROM app_user u
         LEFT JOIN mail_preference p ON p.user_id = u.id AND p.type = $2
        WHERE u.id = ANY($1::uuid[]) AND u.active ORDER BY u.id`,
      [userIds, type],
    );
  }

  async insertItems(
    manager: EntityManager,
    items: {
      userId: string;
      type: string;
      source: MailSource;
      sourceId: string;
      sealed?: string;
    }[],
  ): Promise<{ id: string; userId: string }[]> {
    if (items.length === 0) return [];
    return manager.query(
      `INSERT INTO mail_item (user_id, type, source, source_id, sealed)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[])
       RETURNING id, user_id AS "userId"`,
      [
        items.map((item) => item.userId),
        items.map((item) => item.type),
        items.map((item) => item.source),
        items.map((item) => item.sourceId),
        items.map((item) => item.sealed ?? null),
      ],
    );
  }

  /** A waiting item, locked for the mail that sends it (skipped when another mail has it). */
  async lockItem(manager: EntityManager, id: string): Promise<MailItem | undefined> {
    const rows: MailItem[] = await manager.query(
      `SELECT ${ITEM_COLUMNS} FROM mail_item WHERE id = $1 AND ${PENDING} FOR UPDATE SKIP LOCKED`,
      [id],
    );
    return rows[0];
  }

  /**
   * The waiting items of `userIds` made before `before` (account links aside; at most 500 an
   * account, oldest first), locked; items another mail holds are left out. The outer test of
   * PENDING is checked again on the row it locks, so an item sent meanwhile is never taken.
   */
  lockPending(manager: EntityManager, userIds: string[], before: Date): Promise<MailItem[]> {
    return manager.query(
      `SELECT ${ITEM_COLUMNS} FROM mail_item
        WHERE ${PENDING} AND id IN (
          SELECT id FROM (
            SELECT id, row_number() OVER (PARTITION BY user_id ORDER BY created_at, id) AS n
              FROM mail_item
             WHERE user_id = ANY($1::uuid[]) AND ${PENDING} AND created_at < $2
               AND source <> 'password-link') ranked
           WHERE n <= 500)
        ORDER BY user_id, created_at, id FOR UPDATE SKIP LOCKED`,
      [userIds, before],
    );
  }

  /**
   * What the mail of each of `userIds` needs, in one read: where it goes, whether the account is
   * active, its choices, and the counted mails it received in the last 24 hours (the daily
   * bound: read it after taking the accounts' bound locks). Unknown ids are absent.
   */
  async readers(manager: EntityManager, userIds: string[]): Promise<Map<string, Reader>> {
    if (userIds.length === 0) return new Map();
    const rows: (Recipient & {
      userId: string;
      frequency: DigestFrequency | null;
      modes: Record<string, MailMode>;
      sentInLastDay: number;
    })[] = await manager.query(
      `SELECT u.id AS "userId", u.email, u.display_name AS "displayName", u.active,
              s.digest_frequency AS frequency,
              (SELECT coalesce(json_object_agg(p.type, p.mode), '{}') FROM mail_preference p
                WHERE p.user_id = u.id) AS modes,
              (SELECT count(*)::int FROM mail_sent m
                WHERE m.user_id = u.id AND m.counted AND m.sent_at > now() - interval '24 hours')
                AS "sentInLastDay"
         FROM app_user u LEFT JOIN mail_setting s ON s.user_id = u.id
        WHERE u.id = ANY($1::uuid[])`,
      [userIds],
    );
    return new Map(
      rows.map(({ userId, email, displayName, active, frequency, modes, sentInLastDay }) => [
        userId,
        {
          email,
          displayName,
          active,
          preferences: { frequency, modes },
          sentInLastDay,
        },
      ]),
    );
  }

  async markSkipped(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      `UPDATE mail_item SET skipped_at = now(), sealed = NULL WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  async recipient(manager: EntityManager, userId: string): Promise<Recipient | undefined> {
    const rows: Recipient[] = await manager.query(
      `SELECT email, display_name AS "displayName", active FROM app_user WHERE id = $1`,
      [userId],
    );
    return rows[0];
  }

  /**
   * Mails that went out: their items are marked sent (their sealed links cleared) and each mail
   * is recorded for the daily bound, in one statement however many mails.
   */
  async recordSent(
    manager: EntityManager,
    mails: { userId: string; type: string; ids: string[]; counted: boolean }[],
  ): Promise<void> {
    if (mails.length === 0) return;
    await manager.query(
      `WITH marked AS (
         UPDATE mail_item SET sent_at = now(), sealed = NULL WHERE id = ANY($1::uuid[]))
       INSERT INTO mail_sent (user_id, type, items, counted)
       SELECT * FROM unnest($2::uuid[], $3::text[], $4::int[], $5::boolean[])`,
      [
        mails.flatMap((mail) => mail.ids),
        mails.map((mail) => mail.userId),
        mails.map((mail) => mail.type),
        mails.map((mail) => mail.ids.length),
        mails.map((mail) => mail.counted),
      ],
    );
  }

  /**
   * Accounts whose digest is due (see digestDue: something waits from before their period's
   * start, and no digest went out since), claimed: their last digest is set to now, so no
   * other look queues one again. Deactivated accounts' waiting items are skipped first.
   */
  async claimDueDigests(
    manager: EntityManager,
    starts: { daily: Date; weekly: Date },
    limit: number,
  ): Promise<{ userId: string; before: Date }[]> {
    await manager.query(
      `UPDATE mail_item i SET skipped_at = now(), sealed = NULL FROM app_user u
        WHERE u.id = i.user_id AND NOT u.active AND i.${PENDING}`,
    );
    const rows: { userId: string; before: Date }[] = await manager.query(
      `WITH due AS (
         SELECT i.user_id,
                CASE coalesce(s.digest_frequency, 'daily') WHEN 'weekly' THEN $2::timestamptz
                     ELSE $1::timestamptz END AS start
           FROM mail_item i LEFT JOIN mail_setting s ON s.user_id = i.user_id
          WHERE i.${PENDING} AND i.source <> 'password-link'
          GROUP BY i.user_id, s.digest_frequency, s.last_digest_at
         HAVING min(i.created_at) < CASE coalesce(s.digest_frequency, 'daily')
                  WHEN 'weekly' THEN $2::timestamptz ELSE $1::timestamptz END
            AND (s.last_digest_at IS NULL OR s.last_digest_at < CASE coalesce(s.digest_frequency, 'daily')
                  WHEN 'weekly' THEN $2::timestamptz ELSE $1::timestamptz END)
          ORDER BY i.user_id LIMIT $3
       )
       INSERT INTO mail_setting (user_id, last_digest_at)
       SELECT user_id, now() FROM due
       ON CONFLICT (user_id) DO UPDATE SET last_digest_at = now()
       RETURNING user_id AS "userId",
         (SELECT start FROM due WHERE due.user_id = mail_setting.user_id) AS before`,
      [starts.daily, starts.weekly, limit],
    );
    return rows;
  }

  /** Forgets what was sent or skipped MAIL_RECORD_DAYS ago (the bound reads one day). */
  async purge(manager: EntityManager): Promise<void> {
    await manager.query(
      `DELETE FROM mail_item
        WHERE coalesce(sent_at, skipped_at) < now() - make_interval(days => $1)`,
      [MAIL_RECORD_DAYS],
    );
    await manager.query(`DELETE FROM mail_sent WHERE sent_at < now() - make_interval(days => $1)`, [
      MAIL_RECORD_DAYS,
    ]);
  }
}
