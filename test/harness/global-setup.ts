import { randomBytes } from 'node:crypto';
import { ensureDatabase, runMigrations } from '../../libs/database/src/database-admin';
import { startMeili } from '../../libs/search/src/meili-process';
import { baseDatabaseUrl, databaseUrlFor } from './database-url';

/**
 * One fresh database and one real Meilisearch per run; test files get them through the
 * environment, which jest passes on to its workers.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const databaseUrl = databaseUrlFor(`bouwsteen_test_${runId}`);
  await ensureDatabase(databaseUrl);
  await runMigrations(databaseUrl);
  const meili = await startMeili({ masterKey: randomBytes(16).toString('hex') });
  (globalThis as Record<string, unknown>).__BOUWSTEEN__ = { meili, databaseUrl };
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    TEST_BASE_DATABASE_URL: baseDatabaseUrl(),
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    MEILI_INDEX_PREFIX: `test_${runId}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOGIN_RATE_LIMIT: '5',
    OUTBOX_POLL_MS: '100',
    OUTBOX_RETRY_BASE_MS: '200',
    OUTBOX_RETRY_MAX_MS: '2000',
    WEBHOOK_POLL_MS: '100',
    WEBHOOK_RETRY_BASE_MS: '200',
    LOG_LEVEL: 'silent',
    BOOTSTRAP_ADMIN_EMAIL: '',
    BOOTSTRAP_ADMIN_PASSWORD: '',
  });
}
