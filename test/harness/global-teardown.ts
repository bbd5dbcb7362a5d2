import { dropDatabase } from '../../libs/database/src/database-admin';
import { MeiliProcess } from '../../libs/search/src/meili-process';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis as Record<string, unknown>;
  const run = state.__BOUWSTEEN__ as
    | { meili: MeiliProcess; databaseUrl: string; templateUrl: string }
    | undefined;
  if (!run) return;
  delete state.__BOUWSTEEN__;
  await run.meili.stop();
  if (process.env.KEEP_TEST_DATABASE) return;
  await dropDatabase(run.databaseUrl);
  await dropDatabase(run.templateUrl);
}
