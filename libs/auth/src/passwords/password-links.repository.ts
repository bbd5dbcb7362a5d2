import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PasswordLinkPurpose } from './password-link-rules';

export interface StoredPasswordLink {
  id: string;
  userId: string;
  purpose: PasswordLinkPurpose;
  expiresAt: Date;
  usedAt: Date | null;
  replacedAt: Date | null;
}

const COLUMNS = `id, user_id AS "userId", purpose, expires_at AS "expiresAt", used_at AS "usedAt",
  replaced_at AS "replacedAt"`;

/** Invitation and reset links, by the fingerprint of their secret (the secret is never stored). */
@Injectable()
export class PasswordLinksRepository {
  constructor(private readonly db: DataSource) {}

  async create(
    manager: EntityManager,
    link: {
      userId: string;
      purpose: PasswordLinkPurpose;
      secretHash: string;
      createdBy: string | null;
      expiresAt: Date;
    },
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO password_link (user_id, purpose, secret_hash, created_by, expires_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [link.userId, link.purpose, link.secretHash, link.createdBy, link.expiresAt],
    );
    return rows[0].id;
  }

  async findById(id: string): Promise<StoredPasswordLink | undefined> {
    const rows: StoredPasswordLink[] = await this.db.query(
      `SELECT ${COLUMNS} FROM password_link WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  async findBySecretHash(secretHash: string): Promise<StoredPasswordLink | undefined> {
    const rows: StoredPasswordLink[] = await this.db.query(
      `SELECT ${COLUMNS} FROM password_link WHERE secret_hash = $1`,
      [secretHash],
    );
    return rows[0];
  }

  /** The link again inside a transaction, locked: of two redeemers at once, one waits and sees it used. */
  async lock(manager: EntityManager, id: string): Promise<StoredPasswordLink> {
    const rows: StoredPasswordLink[] = await manager.query(
      `SELECT ${COLUMNS} FROM password_link WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0];
  }

  async markUsed(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(`UPDATE password_link SET used_at = $2 WHERE id = $1`, [id, at]);
  }

  /** Ends every link of the account still open: a newer one, a new password or a deactivation. */
  async replaceOpen(manager: EntityManager, userId: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE password_link SET replaced_at = $2
       WHERE user_id = $1 AND used_at IS NULL AND replaced_at IS NULL`,
      [userId, at],
    );
  }
}
