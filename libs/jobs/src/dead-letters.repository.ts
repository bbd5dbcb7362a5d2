import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { JobData, JobEndReason, JobQueueName } from './job-queues';

export interface DeadLetterRow {
  id: string;
  data: JobData & Record<string, unknown>;
  /** Why the last attempt ended (pg-boss keeps it as the job's output). */
  reason: JobEndReason | null;
  /** The technical detail of the last error, for admins. */
  detail: string | null;
  diedAt: Date;
}

/** pg-boss's own expiry writes `{ value: { message } }`; our ends write `{ reason, message }`. */
const COLUMNS = `id, data, COALESCE(output->>'reason', 'expired') AS reason,
  left(COALESCE(output->>'message', output->'value'->>'message'), 1000) AS detail,
  created_on AS "diedAt"`;

/**
 * The dead-letter queue as admins see it. pg-boss has no listing of its own, so this reads
 * its job table — the jobs library owns that schema, and only this library reads it.
 */
@Injectable()
export class DeadLettersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async page(offset: number, limit: number): Promise<[DeadLetterRow[], number]> {
    const where = `name = '${JobQueueName.DeadLetter}' AND state < 'active'`;
    const [rows, [count]] = await Promise.all([
      this.db.query(
        `SELECT ${COLUMNS} FROM pgboss.job WHERE ${where} ORDER BY created_on DESC, id LIMIT $1 OFFSET $2`,
        [limit, offset],
      ),
      this.db.query(`SELECT count(*)::int AS count FROM pgboss.job WHERE ${where}`),
    ]);
    return [rows, count.count];
  }

  /** Jobs of each kind by state (created, retry, active), for the admins' overview. */
  async queueCounts(): Promise<{ kind: string; state: string; count: number }[]> {
    return this.db.query(
      `SELECT data->>'kind' AS kind, state::text AS state, count(*)::int AS count FROM pgboss.job
        WHERE name IN ($1, $2, $3) AND state < 'completed' GROUP BY 1, 2`,
      [JobQueueName.Import, JobQueueName.ImportSmall, JobQueueName.Webhook],
    );
  }

  async find(manager: EntityManager, id: string): Promise<DeadLetterRow | null> {
    const [row] = await manager.query(
      `SELECT ${COLUMNS} FROM pgboss.job WHERE name = $1 AND id = $2 AND state < 'active' FOR UPDATE`,
      [JobQueueName.DeadLetter, id],
    );
    return row ?? null;
  }

  async remove(manager: EntityManager, id: string): Promise<boolean> {
    const [, affected]: [unknown[], number] = await manager.query(
      `DELETE FROM pgboss.job WHERE name = $1 AND id = $2 AND state < 'active'`,
      [JobQueueName.DeadLetter, id],
    );
    return affected > 0;
  }
}
