import { rmSync } from 'node:fs';
import { dropDatabase } from '../../libs/database/src/database-admin';
import { MeiliProcess } from '../../libs/search/src/meili-process';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis as Record<string, unknown>;
  const run = state.__BOUWSTEEN__ as
    | { meili: MeiliProcess; databaseUrls: string[]; templateUrl: string }
    | undefined;
  if (!run) return;
  delete state.__BOUWSTEEN__;
  await run.meili.stop();
  for (let worker = 1; worker <= run.databaseUrls.length; worker++)
    rmSync(`${process.env.TEST_IMPORT_DIR}-w${worker}`, { recursive: true, force: true });
  if (process.env.KEEP_TEST_DATABASE) return;
  for (const url of run.databaseUrls) await dropDatabase(url);
  await dropDatabase(`${run.templateUrl}_demo`);
  await dropDatabase(run.templateUrl);
}
