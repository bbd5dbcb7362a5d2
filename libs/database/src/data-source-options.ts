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
    },
  };
}
