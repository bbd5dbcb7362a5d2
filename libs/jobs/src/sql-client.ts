import type PgBoss from 'pg-boss';
import type { DataSource, EntityManager } from 'typeorm';

/** What pg-boss runs its statements through: the pg pool or one transaction's connection. */
export type EngineDb = PgBoss.Db;

interface PgQueryable {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * pg-boss on the application's own pool: no second pool per process, and the engine's
 * statements count against DATABASE_POOL_SIZE like every other.
 */
export function poolDb(dataSource: DataSource): EngineDb {
  const pool = (dataSource.driver as unknown as { master: PgQueryable }).master;
  return { executeSql: (text, values) => pool.query(text, values) };
}

/**
 * pg-boss inside a TypeORM transaction: a job sent, fetched, completed or failed this way
 * commits or rolls back with the rest of the transaction's work.
 */
export function transactionDb(manager: EntityManager): EngineDb {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive)
    throw new Error('transactionDb needs the manager of an open transaction');
  return {
    executeSql: async (text, values) => {
      const client = (await runner.connect()) as PgQueryable;
      return client.query(text, values);
    },
  };
}
