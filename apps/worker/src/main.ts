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
  options: { shutdownHooks: boolean } = { shutdownHooks: true },
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: ['error', 'warn', 'log'],
  });
  assertWorkerSecrets(app.get<AppConfig>(APP_CONFIG));
  if (options.shutdownHooks) app.enableShutdownHooks();
  await app.get(OutboxRelay).start();
  app.get(WebhookDispatcher).start();
  new Logger('Worker').log('Search outbox relay and webhook dispatcher started');
  return app;
}

if (require.main === module) {
  bootstrapWorker().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
