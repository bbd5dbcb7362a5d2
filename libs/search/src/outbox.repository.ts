import { Injectable } from '@nestjs/common';
import { OUTBOX_CHANNEL } from '@bouwsteen/database';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Backlog } from './relay-pacing';

export interface OutboxEntry {
  id: string;
  entityType: 'asset' | 'pps' | 'organisation';
  entityId: string;
  attempts: number;
}

export interface OutboxStats {
  pending: number;
  failing: number;
  parked: number;
  oldestPendingSeconds: number;
  lastError: string | null;
  processedLastHour: number;
}

export interface ParkedEntry {
  id: string;
  assetId: string;
  attempts: number;
  lastError: string | null;
  parkedAt: Date;
}

/** Entries that failed this often count as failing in health and metrics. */
export const FAILING_AFTER_ATTEMPTS = 3;

interface EntryRow {
  id: string;
  entity_type: OutboxEntry['entityType'];
  entity_id: string;
  attempts: number;
}

/** What makes an entry due for a claim: not done, not parked, its (retry or lease) time come. */
const DUE = `processed_at IS NULL AND parked_at IS NULL AND next_attempt_at <= clock_timestamp()`;

const toEntry = (row: EntryRow): OutboxEntry => ({
  id: row.id,
  entityType: row.entity_type,
  entityId: row.entity_id,
  attempts: row.attempts,
});

@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Claims due entries; SKIP LOCKED lets several workers drain without waiting on each other. */
  async claim(manager: EntityManager, limit: number): Promise<OutboxEntry[]> {
    const rows: EntryRow[] = await manager.query(
      `SELECT id, entity_type, entity_id, attempts FROM search_outbox
       WHERE ${DUE}
       ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return rows.map(toEntry);
  }

  /**
   * How many entries are due, counted up to `limit` (a cheap "is there a full batch?"), and
   * how long ago the oldest and newest of them were written (by the database's clock).
   */
  async backlog(limit: number): Promise<Backlog> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS due,
              coalesce(extract(epoch FROM clock_timestamp() - min(created_at)) * 1000, 0)::float8 AS oldest,
              coalesce(extract(epoch FROM clock_timestamp() - max(created_at)) * 1000, 0)::float8 AS newest
         FROM (SELECT created_at FROM search_outbox WHERE ${DUE} LIMIT $1) AS due`,
      [limit],
    );
    return { due: row.due, oldestAgeMs: row.oldest, newestAgeMs: row.newest };
  }

  /** One entry per asset (a PPS or organisation change touches many documents). */
  async fanOut(manager: EntityManager, assetIds: string[]): Promise<void> {
    if (assetIds.length === 0) return;
    await manager.query(
      `INSERT INTO search_outbox (entity_type, entity_id) SELECT 'asset', id FROM unnest($1::uuid[]) AS id`,
      [assetIds],
    );
  }

  /**
   * Entries whose documents are on their way to Meilisearch are hidden from other claims for
   * `ms`; if the worker dies before it knows how the indexing ended, they are sent again then.
   */
  async lease(manager: EntityManager, ids: string[], ms: number): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      `UPDATE search_outbox SET next_attempt_at = clock_timestamp() + make_interval(secs => $2::float8 / 1000) WHERE id = ANY($1::bigint[])`,
      [ids, ms],
    );
  }

  async markDone(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      `UPDATE search_outbox SET processed_at = clock_timestamp(), last_error = NULL WHERE id = ANY($1::bigint[])`,
      [ids],
    );
  }

  /**
   * Moves the index generation (see migration SearchGeneration) as soon as Meilisearch is seen to
   * have applied a change (on any node). A sequence is not transactional: the new number is
   * visible to every reader at once.
   */
  async indexChanged(): Promise<void> {
    await this.dataSource.query(`SELECT nextval('search_generation')`);
  }

  /** The index generation now (0 before the first change): it moves whenever the index has changed. */
  async generation(): Promise<bigint> {
    // A new sequence reads last_value 1 before and after its first nextval; is_called tells them apart.
    const [row] = await this.dataSource.query(
      `SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS generation FROM search_generation`,
    );
    return BigInt(row.generation);
  }

  /** A later change of these assets indexed cleanly: their parked entries are settled with it. */
  async settleParked(manager: EntityManager, assetIds: string[]): Promise<void> {
    if (assetIds.length === 0) return;
    await manager.query(
      `UPDATE search_outbox SET processed_at = clock_timestamp()
       WHERE entity_type = 'asset' AND entity_id = ANY($1::uuid[]) AND parked_at IS NOT NULL AND processed_at IS NULL`,
      [assetIds],
    );
  }

  /**
   * Meilisearch rejected these documents: retry with exponential backoff from `baseMs` (capped
   * at `maxMs`), and park an entry once it has failed `parkAfter` times.
   */
  async markRejected(
    manager: EntityManager,
    ids: string[],
    error: string,
    retry: { baseMs: number; maxMs: number; parkAfter: number },
  ): Promise<number> {
    const rows: { parked: boolean }[] = await manager.query(
      `UPDATE search_outbox
       SET attempts = attempts + 1, last_error = left($2, 2000),
           next_attempt_at = clock_timestamp() + make_interval(secs => LEAST($4::float8, $3::float8 * power(2, attempts)) / 1000),
           parked_at = CASE WHEN attempts + 1 >= $5 THEN clock_timestamp() END
       WHERE id = ANY($1::bigint[])
       RETURNING parked_at IS NOT NULL AS parked`,
      [ids, error, retry.baseMs, retry.maxMs, retry.parkAfter],
    );
    return rows.filter((row) => row.parked).length;
  }

  /**
   * Meilisearch itself failed (down, too slow, wrong key): the entries stay due, since the relay
   * waits out the outage and they must go in the moment it ends; only the count goes up.
   */
  async markUnavailable(manager: EntityManager, ids: string[], error: string): Promise<void> {
    await manager.query(
      `UPDATE search_outbox SET attempts = attempts + 1, last_error = left($2, 2000), next_attempt_at = clock_timestamp()
       WHERE id = ANY($1::bigint[])`,
      [ids, error],
    );
  }

  /** The database's clock, so times compared with processed_at come from one source. */
  async now(): Promise<Date> {
    return (await this.dataSource.query('SELECT clock_timestamp() AS now'))[0].now;
  }

  /** Assets whose entries were applied at or after `since`, or are still waiting or parked. */
  async assetsTouchedSince(since: Date): Promise<string[]> {
    const rows: { entity_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT entity_id FROM search_outbox
       WHERE entity_type = 'asset' AND (processed_at IS NULL OR processed_at >= $1)`,
      [since],
    );
    return rows.map((row) => row.entity_id);
  }

  async parked(limit = 100): Promise<ParkedEntry[]> {
    const rows: {
      id: string;
      entity_id: string;
      attempts: number;
      last_error: string | null;
      parked_at: Date;
    }[] = await this.dataSource.query(
      `SELECT id, entity_id, attempts, last_error, parked_at FROM search_outbox
       WHERE parked_at IS NOT NULL AND processed_at IS NULL ORDER BY id LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({
      id: row.id,
      assetId: row.entity_id,
      attempts: row.attempts,
      lastError: row.last_error,
      parkedAt: row.parked_at,
    }));
  }

  /** An admin's "try again": parked entries become due now, with their count of attempts reset. */
  async retryParked(): Promise<number> {
    // An UPDATE … RETURNING answers [rows, count] through TypeORM's query().
    const [rows]: [unknown[], number] = await this.dataSource.query(
      `UPDATE search_outbox SET parked_at = NULL, attempts = 0, next_attempt_at = clock_timestamp()
       WHERE parked_at IS NOT NULL AND processed_at IS NULL RETURNING id`,
    );
    await this.dataSource.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
    return rows.length;
  }

  async deleteProcessedBefore(cutoff: Date): Promise<void> {
    await this.dataSource.query('DELETE FROM search_outbox WHERE processed_at < $1', [cutoff]);
  }

  /** Whether any change still waits to become searchable (sent or not). */
  async anyPending(): Promise<boolean> {
    const [row] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM search_outbox
                       WHERE processed_at IS NULL AND parked_at IS NULL) AS pending`,
    );
    return row.pending;
  }

  async stats(): Promise<OutboxStats> {
    const [row] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE processed_at IS NULL AND parked_at IS NULL)::int AS pending,
              count(*) FILTER (WHERE processed_at IS NULL AND parked_at IS NULL AND attempts >= $1)::int AS failing,
              count(*) FILTER (WHERE processed_at IS NULL AND parked_at IS NOT NULL)::int AS parked,
              coalesce(extract(epoch FROM clock_timestamp() - min(created_at) FILTER (WHERE processed_at IS NULL AND parked_at IS NULL)), 0)::float8 AS oldest,
              count(*) FILTER (WHERE processed_at > clock_timestamp() - interval '1 hour')::int AS processed_last_hour,
              (SELECT last_error FROM search_outbox WHERE processed_at IS NULL AND last_error IS NOT NULL ORDER BY id DESC LIMIT 1) AS last_error
       FROM search_outbox`,
      [FAILING_AFTER_ATTEMPTS],
    );
    return {
      pending: row.pending,
      failing: row.failing,
      parked: row.parked,
      oldestPendingSeconds: Math.round(row.oldest * 10) / 10,
      lastError: row.last_error,
      processedLastHour: row.processed_last_hour,
    };
  }
}
