import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface OutboxEntry {
  id: string;
  entity_type: 'asset' | 'pps' | 'organisation';
  entity_id: string;
  attempts: number;
}

export interface OutboxStats {
  pending: number;
  failing: number;
  oldestPendingSeconds: number;
  lastError: string | null;
  processedLastHour: number;
}

/** Entries that failed this often count as failing in health and metrics. */
export const FAILING_AFTER_ATTEMPTS = 3;

@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Claims due entries; SKIP LOCKED lets several workers drain without waiting on each other. */
  claim(manager: EntityManager, limit: number): Promise<OutboxEntry[]> {
    return manager.query(
      `SELECT id, entity_type, entity_id, attempts FROM search_outbox
       WHERE processed_at IS NULL AND next_attempt_at <= clock_timestamp()
       ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  async markDone(manager: EntityManager, ids: string[]): Promise<void> {
    await manager.query(
      `UPDATE search_outbox SET processed_at = clock_timestamp(), last_error = NULL WHERE id = ANY($1::bigint[])`,
      [ids],
    );
  }

  /** Exponential backoff from `baseMs`, capped at `maxMs`. */
  async markFailed(
    manager: EntityManager,
    ids: string[],
    error: string,
    baseMs: number,
    maxMs: number,
  ): Promise<void> {
    await manager.query(
      `UPDATE search_outbox
       SET attempts = attempts + 1, last_error = left($2, 2000),
           next_attempt_at = clock_timestamp() + make_interval(secs => LEAST($4::float8, $3::float8 * power(2, attempts)) / 1000)
       WHERE id = ANY($1::bigint[])`,
      [ids, error, baseMs, maxMs],
    );
  }

  async deleteProcessedBefore(cutoff: Date): Promise<void> {
    await this.dataSource.query('DELETE FROM search_outbox WHERE processed_at < $1', [cutoff]);
  }

  async stats(): Promise<OutboxStats> {
    const [row] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE processed_at IS NULL)::int AS pending,
              count(*) FILTER (WHERE processed_at IS NULL AND attempts >= $1)::int AS failing,
              coalesce(extract(epoch FROM clock_timestamp() - min(created_at) FILTER (WHERE processed_at IS NULL)), 0)::float8 AS oldest,
              count(*) FILTER (WHERE processed_at > clock_timestamp() - interval '1 hour')::int AS processed_last_hour,
              (SELECT last_error FROM search_outbox WHERE processed_at IS NULL AND last_error IS NOT NULL ORDER BY id DESC LIMIT 1) AS last_error
       FROM search_outbox`,
      [FAILING_AFTER_ATTEMPTS],
    );
    return {
      pending: row.pending,
      failing: row.failing,
      oldestPendingSeconds: Math.round(row.oldest * 10) / 10,
      lastError: row.last_error,
      processedLastHour: row.processed_last_hour,
    };
  }
}
