import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface StoredSession {
  userId: string;
  tokenVersion: number;
  lastSeenAt: Date | null;
}

/** The issuer a session was started through, and the ID token it gave (for its logout). */
export interface SessionFederation {
  issuer: string;
  idToken: string;
}

/** A signed-in browser as its owner sees it in their list. */
export interface SessionSummary {
  /** What the list names it by; never the fingerprint of its secret. */
  id: string;
  idHash: string;
  startedAt: Date;
  lastSeenAt: Date | null;
  expiresAt: Date;
  browser: string | null;
}

/** Signed-in browsers, by the fingerprint of their cookie's secret. */
@Injectable()
export class WebSessionsRepository {
  constructor(private readonly db: DataSource) {}

  async create(
    idHash: string,
    userId: string,
    tokenVersion: number,
    expiresAt: Date,
    browser: string,
    federation?: SessionFederation,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO web_session (id_hash, user_id, token_version, expires_at, browser, last_seen_at,
                                federation_issuer, id_token)
       VALUES ($1, $2, $3, $4, $5, clock_timestamp(), $6, $7)`,
      [
        idHash,
        userId,
        tokenVersion,
        expiresAt,
        browser,
        federation?.issuer ?? null,
        federation?.idToken ?? null,
      ],
    );
  }

  async findLive(idHash: string, now: Date): Promise<StoredSession | undefined> {
    const rows: StoredSession[] = await this.db.query(
      `SELECT user_id AS "userId", token_version AS "tokenVersion", last_seen_at AS "lastSeenAt"
       FROM web_session WHERE id_hash = $1 AND expires_at > $2`,
      [idHash, now],
    );
    return rows[0];
  }

  /**
   * The account's sessions that still sign in (not expired, of its current token version): the
   * asking one (`currentHash`) first, then the most recently used, at most `limit`; `total`
   * counts them all.
   */
  async listLive(
    userId: string,
    tokenVersion: number,
    now: Date,
    limit: number,
    currentHash = '',
  ): Promise<{ sessions: SessionSummary[]; total: number }> {
    const rows: (SessionSummary & { total: number })[] = await this.db.query(
      `SELECT id, id_hash AS "idHash", created_at AS "startedAt", last_seen_at AS "lastSeenAt",
              expires_at AS "expiresAt", browser, count(*) OVER ()::int AS total
       FROM web_session
       WHERE user_id = $1 AND token_version = $2 AND expires_at > $3
       ORDER BY id_hash = $5 DESC, coalesce(last_seen_at, created_at) DESC, id_hash
       LIMIT $4`,
      [userId, tokenVersion, now, limit, currentHash],
    );
    return {
      sessions: rows.map(({ total: _total, ...session }) => session),
      total: rows[0]?.total ?? 0,
    };
  }

  /** Ends one session of the account by its id; its fingerprint when there was one. */
  async deleteOfUser(id: string, userId: string): Promise<string | undefined> {
    const [rows]: [{ id_hash: string }[], number] = await this.db.query(
      `DELETE FROM web_session WHERE id = $1 AND user_id = $2 RETURNING id_hash`,
      [id, userId],
    );
    return rows[0]?.id_hash;
  }

  async touch(idHash: string, at: Date): Promise<void> {
    await this.db.query(`UPDATE web_session SET last_seen_at = $2 WHERE id_hash = $1`, [
      idHash,
      at,
    ]);
  }

  /** Ends the session; the issuer it was started through and its ID token, if any. */
  async delete(idHash: string): Promise<SessionFederation | undefined> {
    const [rows]: [{ issuer: string | null; idToken: string | null }[], number] =
      await this.db.query(
        `DELETE FROM web_session WHERE id_hash = $1
         RETURNING federation_issuer AS issuer, id_token AS "idToken"`,
        [idHash],
      );
    const { issuer, idToken } = rows[0] ?? {};
    return issuer && idToken ? { issuer, idToken } : undefined;
  }

  /** Every session of the account (its credentials ended: see AccountCredentials). */
  async deleteAllOf(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM web_session WHERE user_id = $1`, [userId]);
  }

  async deleteExpired(now: Date): Promise<void> {
    await this.db.query(`DELETE FROM web_session WHERE expires_at <= $1`, [now]);
  }
}
