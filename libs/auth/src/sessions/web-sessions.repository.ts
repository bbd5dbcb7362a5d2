import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface StoredSession {
  userId: string;
  tokenVersion: number;
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
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO web_session (id_hash, user_id, token_version, expires_at) VALUES ($1, $2, $3, $4)`,
      [idHash, userId, tokenVersion, expiresAt],
    );
  }

  async findLive(idHash: string, now: Date): Promise<StoredSession | undefined> {
    const rows: { user_id: string; token_version: number }[] = await this.db.query(
      `SELECT user_id, token_version FROM web_session WHERE id_hash = $1 AND expires_at > $2`,
      [idHash, now],
    );
    return rows[0] ? { userId: rows[0].user_id, tokenVersion: rows[0].token_version } : undefined;
  }

  async delete(idHash: string): Promise<void> {
    await this.db.query(`DELETE FROM web_session WHERE id_hash = $1`, [idHash]);
  }

  async deleteExpired(now: Date): Promise<void> {
    await this.db.query(`DELETE FROM web_session WHERE expires_at <= $1`, [now]);
  }
}
