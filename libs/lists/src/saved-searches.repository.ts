import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface SavedSearch {
  id: string;
  ownerUserId: string;
  name: string;
  /** The query string of GET /api/v1/search. */
  query: string;
  alerts: boolean;
  checkedUntil: Date;
  revision: number;
  createdAt: Date;
}

/** A block published for the first time, as the alert run considers it. */
export interface NewBlock {
  id: string;
  firstPublishedAt: Date;
}

const SELECT = `
  SELECT id, owner_user_id AS "ownerUserId", name, query, alerts, checked_until AS "checkedUntil",
         row_version AS revision, created_at AS "createdAt"
  FROM saved_search`;

/** The queries of saved_search, and of the new blocks its alerts look at (read surface). */
@Injectable()
export class SavedSearchesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(id: string): Promise<SavedSearch | undefined> {
    const [row] = (await this.dataSource.query(`${SELECT} WHERE id = $1`, [id])) as SavedSearch[];
    return row;
  }

  async owned(userId: string, offset: number, limit: number): Promise<[SavedSearch[], number]> {
    const rows = (await this.dataSource.query(
      `${SELECT} WHERE owner_user_id = $1 ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
      [userId, limit, offset],
    )) as SavedSearch[];
    return [rows, await this.countOwned(this.dataSource.manager, userId)];
  }

  async countOwned(manager: EntityManager, userId: string): Promise<number> {
    const [row] = (await manager.query(
      'SELECT count(*)::int AS count FROM saved_search WHERE owner_user_id = $1',
      [userId],
    )) as { count: number }[];
    return row.count;
  }

  async lockOwner(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('saved_search:' || $1))`, [userId]);
  }

  /** New blocks count from now: a search saved today is not told of last year's blocks. */
  async insert(
    manager: EntityManager,
    userId: string,
    fields: { name: string; query: string; alerts: boolean },
  ): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO saved_search (owner_user_id, name, query, alerts, checked_until)
       VALUES ($1, $2, $3, $4, clock_timestamp()) RETURNING id`,
      [userId, fields.name, fields.query, fields.alerts],
    )) as { id: string }[];
    return row.id;
  }

  /**
   * Renames, changes the search or switches alerts at a revision; false when it moved on.
   * Switching alerts on, or another search, starts counting from now (blocks published while
   * they were off, or found by the old search, are not news).
   */
  async update(
    id: string,
    revision: number,
    fields: { name: string; query: string; alerts: boolean },
  ): Promise<boolean> {
    const [, affected] = (await this.dataSource.query(
      `UPDATE saved_search SET name = $3, alerts = $5, query = $4,
              checked_until = CASE WHEN ($5 AND NOT alerts) OR query <> $4 THEN clock_timestamp()
                                   ELSE checked_until END,
              row_version = row_version + 1, updated_at = now()
       WHERE id = $1 AND row_version = $2`,
      [id, revision, fields.name, fields.query, fields.alerts],
    )) as [unknown, number];
    return affected === 1;
  }

  async delete(id: string, revision: number): Promise<boolean> {
    const [, affected] = (await this.dataSource.query(
      'DELETE FROM saved_search WHERE id = $1 AND row_version = $2',
      [id, revision],
    )) as [unknown, number];
    return affected === 1;
  }

  /**
   * Saved searches with alerts on, longest unchecked first, locked for this run (another
   * worker's run skips them): at most `limit`, none of those this run `done` already.
   */
  async claimForAlerts(
    manager: EntityManager,
    limit: number,
    done: readonly string[],
  ): Promise<SavedSearch[]> {
    return (await manager.query(
      `${SELECT} WHERE alerts AND id <> ALL($2::uuid[])
       ORDER BY checked_until, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit, done],
    )) as SavedSearch[];
  }

  /** Blocks first published after `since`, oldest first (at most `limit`): listed ones only. */
  async publishedSince(manager: EntityManager, since: Date, limit: number): Promise<NewBlock[]> {
    return (await manager.query(
      `SELECT id, first_published_at AS "firstPublishedAt" FROM asset_published
       WHERE listed AND first_published_at > $1
       ORDER BY first_published_at, id LIMIT $2`,
      [since, limit],
    )) as NewBlock[];
  }

  async checkedUntil(manager: EntityManager, id: string, until: Date): Promise<void> {
    await manager.query('UPDATE saved_search SET checked_until = $2 WHERE id = $1', [id, until]);
  }
}
