import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from './worker.module';

/**
 * Starts the worker process: connects to PostgreSQL and Meilisearch and stays up until stopped.
 * Its first job, the search outbox relay, arrives with the search issue (#3).
 */
export async function bootstrapWorker() {
  const app = await NestFactory.createApplicationContext(WorkerModule);
  app.enableShutdownHooks();
  new Logger('Worker').log('Worker started');
  return app;
}

if (require.main === module) {
  bootstrapWorker().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
