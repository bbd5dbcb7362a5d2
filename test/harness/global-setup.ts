import type { Config } from '@jest/types';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  cloneDatabase,
  ensureDatabase,
  runMigrations,
} from '../../libs/database/src/database-admin';
import { startMeili } from '../../libs/search/src/meili-process';
import { baseDatabaseUrl, databaseUrlFor } from './database-url';
import { registerAliases } from './register-aliases';

/**
 * One real Meilisearch and one template database (migrated, reference data loaded) per run.
 * Each jest worker's shared database (see worker-env.ts) and every isolated one are copies of
 * the template, which is much faster than migrating and seeding each. Test files get both
 * through the environment, which jest passes on to its workers. The service tiers all name this
 * module; it runs once.
 */
export default async function globalSetup(globalConfig?: Config.GlobalConfig): Promise<void> {
  const state = globalThis as Record<string, unknown>;
  if (state.__BOUWSTEEN__) return;
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const templateUrl = databaseUrlFor(`bouwsteen_tpl_${runId}`);
  const databaseUrl = databaseUrlFor(`bouwsteen_test_${runId}`);
  const workers = Math.max(1, globalConfig?.maxWorkers ?? 1);
  const meili = await startMeili({ masterKey: randomBytes(16).toString('hex') });
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: templateUrl,
    TEST_BASE_DATABASE_URL: baseDatabaseUrl(),
    TEST_TEMPLATE_DATABASE_URL: templateUrl,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    MEILI_INDEX_PREFIX: `test_${runId}`,
    TEST_MEILI_INDEX_PREFIX: `test_${runId}`,
    TEST_IMPORT_DIR: join(tmpdir(), `bouwsteen-imports-${runId}`),
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOGIN_RATE_LIMIT: '5',
    OUTBOX_POLL_MS: '100',
    OUTBOX_RETRY_BASE_MS: '200',
    OUTBOX_RETRY_MAX_MS: '2000',
    JOB_POLL_MS: '100',
    JOB_LEASE_SECONDS: '4',
    WEBHOOK_RETRY_BASE_SECONDS: '1',
    // The follow suite delivers to a receiver on 127.0.0.1; the SSRF suite turns this off again.
    WEBHOOK_ALLOW_PRIVATE_HOSTS: 'true',
    LOG_LEVEL: 'silent',
    BOOTSTRAP_ADMIN_EMAIL: '',
    BOOTSTRAP_ADMIN_PASSWORD: '',
  });
  await ensureDatabase(templateUrl);
  await runMigrations(templateUrl);
  registerAliases();
  const { CliModule } = await import('../../apps/cli/src/cli.module');
  const { SeedService } = await import('../../libs/seed/src/seed.service');
  const seeder = await NestFactory.createApplicationContext(CliModule, { logger: false });
  try {
    await seeder.get(SeedService).seedReferenceData();
  } finally {
    await seeder.close();
  }
  const databaseUrls = Array.from({ length: workers }, (_, i) => `${databaseUrl}_w${i + 1}`);
  for (const url of databaseUrls) await cloneDatabase(templateUrl, url);
  process.env.TEST_SHARED_DATABASE_URL = databaseUrl;
  process.env.DATABASE_URL = databaseUrls[0];
  state.__BOUWSTEEN__ = { meili, databaseUrls, templateUrl };
}
