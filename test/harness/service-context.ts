import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../apps/api/src/app.module';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { dropDatabase } from '@bouwsteen/database';
import { SeedModule } from '@bouwsteen/seed';
import { IsolationOptions, withEnv, withIsolation } from './test-app';

export interface ServiceContext {
  /** The API's services (no HTTP): write through the same code paths the controllers use. */
  api: INestApplicationContext;
  /** Starts one more worker process-alike (its own connections and relay) on the same database. */
  worker(env?: Record<string, string>): Promise<INestApplicationContext>;
  databaseUrl: string;
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * The integration tier: the application's modules on a database and index of their own,
 * without HTTP. Workers are separate Nest contexts, like separate worker processes.
 */
export async function createServiceContext(
  options: Omit<IsolationOptions, 'isolated'> = {},
): Promise<ServiceContext> {
  const contexts: INestApplicationContext[] = [];
  let env: Record<string, string> = {};
  const { api, databaseUrl } = await withIsolation(
    { ...options, isolated: true },
    async ({ isolatedUrl, workerEnv }) => {
      env = workerEnv;
      const moduleRef = await Test.createTestingModule({
        imports: [AppModule, SeedModule],
      }).compile();
      moduleRef.useLogger(false);
      await moduleRef.init();
      return { api: moduleRef as INestApplicationContext, databaseUrl: isolatedUrl! };
    },
  );
  contexts.push(api);
  return {
    api,
    databaseUrl,
    env,
    async worker(extra = {}) {
      const worker = await withEnv({ ...env, ...extra }, async () => {
        const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
        moduleRef.useLogger(false);
        await moduleRef.init();
        return moduleRef;
      });
      contexts.push(worker);
      return worker;
    },
    async close() {
      for (const context of contexts.reverse()) await context.close();
      await dropDatabase(databaseUrl);
    },
  };
}
