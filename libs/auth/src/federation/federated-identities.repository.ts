import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { StartCounts } from './start-limits';

/** A sign-in under way: what the issuer's answer is checked against. */
export interface PendingSignIn {
  issuer: string;
  nonce: string;
  codeVerifier: string;
  browserHash: string;
  /** Set when a signed-in account links an institution account (from /mijn-account). */
  linkUserId: string | null;
  back: string;
}

/** An institution account linked to one of ours, as its owner's account page lists it. */
export interface LinkedIdentity {
  issuer: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** federated_identity and federated_sign_in (auth's own tables). */
@Injectable()
export class FederatedIdentitiesRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Stores a sign-in under way (expired ones go first) and counts, this one included, the
   * unfinished ones of its address and of everyone: counted after the insert, so starts at the
   * same moment all see each other.
   */
  async savePending(
    stateHash: string,
    pending: PendingSignIn,
    addressHash: string,
    expiresAt: Date,
    now: Date,
  ): Promise<StartCounts> {
    await this.db.query(`DELETE FROM federated_sign_in WHERE expires_at <= $1`, [now]);
    await this.db.query(
      `INSERT INTO federated_sign_in (state_hash, issuer, nonce, code_verifier, browser_hash,
                                      link_user_id, back, expires_at, address_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        stateHash,
        pending.issuer,
        pending.nonce,
        pending.codeVerifier,
        pending.browserHash,
        pending.linkUserId,
        pending.back,
        expiresAt,
        addressHash,
      ],
    );
    const [row]: StartCounts[] = await this.db.query(
      `SELECT count(*) FILTER (WHERE address_hash = $1)::int AS address, count(*)::int AS total,
              coalesce(extract(epoch FROM clock_timestamp()
                - min(created_at) FILTER (WHERE address_hash = $1)), 0)::float8
                AS "addressOldestAgeSeconds",
              coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0)::float8
                AS "totalOldestAgeSeconds"
       FROM federated_sign_in WHERE expires_at > $2`,
      [addressHash, now],
    );
    return row;
  }

  /** A start refused by the bounds leaves nothing behind. */
  async dropPending(stateHash: string): Promise<void> {
    await this.db.query(`DELETE FROM federated_sign_in WHERE state_hash = $1`, [stateHash]);
  }

  /** Takes the sign-in of this state out (it works once), when it has not expired. */
  async takePending(stateHash: string, now: Date): Promise<PendingSignIn | undefined> {
    const [rows]: [(PendingSignIn & { expiresAt: Date })[], number] = await this.db.query(
      `DELETE FROM federated_sign_in WHERE state_hash = $1
       RETURNING issuer, nonce, code_verifier AS "codeVerifier", browser_hash AS "browserHash",
                 link_user_id AS "linkUserId", back, expires_at AS "expiresAt"`,
      [stateHash],
    );
    const found = rows[0];
    if (!found || found.expiresAt <= now) return undefined;
    const { expiresAt: _expiresAt, ...pending } = found;
    return pending;
  }

  async userOf(issuer: string, subject: string): Promise<string | undefined> {
    const rows: { userId: string }[] = await this.db.query(
      `SELECT user_id AS "userId" FROM federated_identity WHERE issuer = $1 AND subject = $2`,
      [issuer, subject],
    );
    return rows[0]?.userId;
  }

  /** Links (issuer, subject) to the account; false when it is linked already (to anyone). */
  async link(
    manager: EntityManager,
    issuer: string,
    subject: string,
    userId: string,
  ): Promise<boolean> {
    // An INSERT's rows come back as they are (an UPDATE's or DELETE's as [rows, count]).
    const rows: unknown[] = await manager.query(
      `INSERT INTO federated_identity (issuer, subject, user_id, last_used_at)
       VALUES ($1, $2, $3, clock_timestamp())
       ON CONFLICT DO NOTHING RETURNING id`,
      [issuer, subject, userId],
    );
    return rows.length === 1;
  }

  async touch(issuer: string, subject: string, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE federated_identity SET last_used_at = $3 WHERE issuer = $1 AND subject = $2`,
      [issuer, subject, at],
    );
  }

  /** The institution accounts linked to this account, oldest first. */
  async linkedIssuers(userId: string): Promise<LinkedIdentity[]> {
    return this.db.query(
      `SELECT issuer, created_at AS "createdAt", last_used_at AS "lastUsedAt"
       FROM federated_identity WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
  }

  /**
   * How this account can sign in (its password, its institution accounts), with the account's
   * row locked until the transaction ends.
   */
  async waysIn(
    manager: EntityManager,
    userId: string,
  ): Promise<{ password: boolean; issuers: string[] }> {
    const [row]: { password: boolean }[] = await manager.query(
      `SELECT password_hash IS NOT NULL AS password FROM app_user WHERE id = $1 FOR UPDATE`,
      [userId],
    );
    const rows: { issuer: string }[] = await manager.query(
      `SELECT issuer FROM federated_identity WHERE user_id = $1`,
      [userId],
    );
    return { password: row?.password ?? false, issuers: rows.map((r) => r.issuer) };
  }

  async unlink(manager: EntityManager, userId: string, issuer: string): Promise<void> {
    await manager.query(`DELETE FROM federated_identity WHERE user_id = $1 AND issuer = $2`, [
      userId,
      issuer,
    ]);
  }
}
