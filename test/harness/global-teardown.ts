import { dropDatabase } from '../../libs/database/src/database-admin';
import { MeiliProcess } from '../../libs/search/src/meili-process';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__BOUWSTEEN__ as
    | { meili: MeiliProcess; databaseUrl: string }
    | undefined;
  if (!state) return;
  await state.meili.stop();
  if (!process.env.KEEP_TEST_DATABASE) await dropDatabase(state.databaseUrl);
}
