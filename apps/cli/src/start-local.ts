import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@bouwsteen/config';
import { MeiliProcess, startMeili } from '@bouwsteen/search';
import { migrate, printSummary, seed } from './commands';

/**
 * One command for a laptop: a database (created if missing), a Meilisearch (the bundled binary
 * when MEILI_URL is unset), the demo data on first start, the search worker and the API on :3000.
 */
export async function startLocal(): Promise<void> {
  process.env.JWT_SECRET ??= randomBytes(32).toString('hex');
  let meili: MeiliProcess | undefined;
  if (!process.env.MEILI_URL) {
    const dataDir = join(process.cwd(), '.data', 'meili');
    mkdirSync(dataDir, { recursive: true });
    process.env.MEILI_MASTER_KEY ??= randomBytes(24).toString('hex');
    meili = await startMeili({
      masterKey: process.env.MEILI_MASTER_KEY,
      dbPath: dataDir,
      port: Number(process.env.MEILI_PORT ?? 7700),
    });
    process.env.MEILI_URL = meili.url;
    console.log(`Started the bundled Meilisearch on ${meili.url} (data in .data/meili)`);
  }
  const config = loadConfig();
  await migrate(config);
  printSummary(await seed({ demo: true }));
  const { bootstrapWorker } = await import('../../worker/src/main');
  const worker = await bootstrapWorker();
  const { bootstrapApi } = await import('../../api/src/main');
  const app = await bootstrapApi();
  const stop = async () => {
    await app.close();
    await worker.close();
    await meili?.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
