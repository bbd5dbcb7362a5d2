import { getPriority, setPriority } from 'node:os';
import { INestApplicationContext, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { APP_CONFIG, AppConfig, assertWorkerSecrets } from '@bouwsteen/config';
import { WebhookDispatcher } from '@bouwsteen/follow';
import { OutboxRelay } from '@bouwsteen/search';
import { WorkerModule } from './worker.module';

/**
 * The worker drains the search outbox into Meilisearch and delivers webhooks. Run as many as you like: entries are
 * claimed with FOR UPDATE SKIP LOCKED, so workers never process the same batch twice.
 */
export async function bootstrapWorker(
  options: { shutdownHooks: boolean; ownProcess?: boolean } = {
    shutdownHooks: true,
    ownProcess: true,
  },
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: ['error', 'warn', 'log'],
  });
  const config = app.get<AppConfig>(APP_CONFIG);
  assertWorkerSecrets(config);
  // Not when it shares a process with the API (npm start): that would slow the API down too.
  if (options.ownProcess) yieldCpu(config.worker.nice);
  if (options.shutdownHooks) app.enableShutdownHooks();
  await app.get(OutboxRelay).start();
  app.get(WebhookDispatcher).start();
  new Logger('Worker').log('Search outbox relay and webhook dispatcher started');
  return app;
}

/**
 * Background work gives way: during a bulk load the worker would otherwise take CPU from the
 * API's requests and from Meilisearch itself, whose indexing it is waiting for. A process may
 * always lower its own priority; it never raises it.
 */
function yieldCpu(nice: number): void {
  const logger = new Logger('Worker');
  try {
    if (getPriority() < nice) setPriority(nice);
  } catch (error) {
    logger.warn(`Could not lower the worker's CPU priority: ${(error as Error).message}`);
  }
}

if (require.main === module) {
  bootstrapWorker().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
