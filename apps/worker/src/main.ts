import { getPriority, setPriority } from 'node:os';
import { INestApplicationContext, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { APP_CONFIG, AppConfig, assertWorkerSecrets } from '@bouwsteen/config';
import { JobRunner } from '@bouwsteen/jobs';
import { SavedSearchAlerts } from '@bouwsteen/lists';
import { OutboxRelay } from '@bouwsteen/search';
import { WorkerModule } from './worker.module';

/**
 * The worker drains the search outbox into Meilisearch and runs the background jobs (imports,
 * webhook deliveries). Run as many as you like: outbox entries and jobs are claimed with FOR
 * UPDATE SKIP LOCKED, so no two workers take the same, and a job whose worker dies is taken up
 * by another within seconds of its lease running out.
 */
export async function bootstrapWorker(
  options: { shutdownHooks: boolean; ownProcess: boolean } = {
    shutdownHooks: true,
    ownProcess: true,
  },
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: ['error', 'warn', 'log'],
  });
  assertWorkerSecrets(app.get<AppConfig>(APP_CONFIG));
  // WORKER_TASKS splits the work over processes (each with its own heap and event loop): an
  // import's rows and a 10,000-document search round need not share one.
  if (options.shutdownHooks) app.enableShutdownHooks();
  const { worker } = app.get<AppConfig>(APP_CONFIG);
  // A worker of its own yields the CPU to the API (WORKER_NICE): a person's save waits less
  // behind an import's rows. Inside `npm start`'s one process it would slow the API as well.
  if (options.ownProcess && worker.nice > 0) lowerPriority(worker.nice);
  if (worker.search) await app.get(OutboxRelay).start();
  if (worker.jobs) {
    await app.get(JobRunner).start();
    // Every interval a run of the saved-search alerts is asked for (one per interval, however
    // many workers ask).
    app.get(SavedSearchAlerts).schedule();
  }
  new Logger('Worker').log(
    `${[worker.search && 'Search outbox relay', worker.jobs && 'background jobs'].filter(Boolean).join(' and ')} started`,
  );
  return app;
}

/** Lowers this process's CPU priority by `nice`; where that is not allowed, says so and goes on. */
function lowerPriority(nice: number): void {
  try {
    setPriority(Math.min(19, getPriority() + nice));
  } catch (error) {
    new Logger('Worker').warn(
      `Could not lower the worker's CPU priority: ${error instanceof Error ? error.message : error}`,
    );
  }
}

if (require.main === module) {
  bootstrapWorker().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
