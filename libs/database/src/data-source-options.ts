import { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../migrations';

export interface PoolOptions {
  poolSize: number;
  connectTimeoutMs: number;
}

/**
 * A waiting request gives up after `connectTimeoutMs` (answered 503) instead of queueing
 * forever when every connection is taken.
 */
export function dataSourceOptions(
  databaseUrl: string,
  pool: PoolOptions = { poolSize: 5, connectTimeoutMs: 10_000 },
): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    migrations,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: {
      max: pool.poolSize,
      connectionTimeoutMillis: pool.connectTimeoutMs,
      application_name: 'bouwsteen',
      // Every query here is short (an index probe, a page of rows). PostgreSQL compiles a plan
      // with JIT once its estimated cost passes jit_above_cost, and estimates of rare array
      // elements run high: the harvest's relations query (1 ms) was compiled on every page
      // (40 ms). Off for our connections, set by the server as each one starts.
      options: '-c jit=off',
    },
  };
}
