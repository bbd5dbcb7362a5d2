import { INestApplicationContext } from '@nestjs/common';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '@bouwsteen/config';
import { MeiliProcess, searchKeyFor, startMeili } from '@bouwsteen/search';
import { migrate, printSummary, seed } from './commands';
import { loadOrCreateSecrets } from './local-secrets';
import { portInUse, stopLeftoverMeilisearch, writePidFile } from './local-processes';

/**
 * One command for a laptop: a database (created if missing), a Meilisearch (the bundled binary
 * when MEILI_URL is unset), the demo data on first start, the search worker and the API.
 *
 * Everything it starts, it stops: SIGINT, SIGTERM or SIGHUP (to npm or to node) close the API,
 * the worker and the bundled Meilisearch, once each, and then the process exits. A Meilisearch
 * left behind by a start that was killed outright is found by its pid file and stopped. Ports
 * are checked before anything is created, migrated or seeded. Generated secrets are kept in
 * <DATA_DIR>/secrets.json (mode 0600) so a restart keeps sessions and the index.
 */
export async function startLocal(): Promise<void> {
  const dataDir = resolve(process.env.DATA_DIR || '.data');
  const bundled = !process.env.MEILI_URL;
  const apiPort = Number(process.env.PORT || 3000);
  const meiliPort = Number(process.env.MEILI_PORT || 7700);
  const meiliDir = join(dataDir, 'meili');
  const pidFile = join(dataDir, 'meilisearch.pid');

  if (bundled) {
    const leftover = await stopLeftoverMeilisearch(pidFile, meiliDir);
    if (leftover)
      console.log(`Stopped a Meilisearch an earlier start left running (pid ${leftover})`);
  }
  const taken = [
    ...((await portInUse(apiPort, '0.0.0.0')) ? [`PORT ${apiPort} (the API)`] : []),
    ...(bundled && (await portInUse(meiliPort, '127.0.0.1'))
      ? [`MEILI_PORT ${meiliPort} (the bundled Meilisearch)`]
      : []),
  ];
  if (taken.length > 0) {
    console.error(
      `Not started: ${taken.join(' and ')} ${taken.length > 1 ? 'are' : 'is'} already in use. ` +
        'Stop what runs there, or choose other ports, e.g. PORT=3001 MEILI_PORT=7701 npm start. ' +
        'Nothing was created or changed.',
    );
    process.exitCode = 1;
    return;
  }
  const secrets = loadOrCreateSecrets(dataDir);
  process.env.JWT_SECRET ||= secrets.jwtSecret;

  let meili: MeiliProcess | undefined;
  let worker: INestApplicationContext | undefined;
  let api: INestApplicationContext | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (code: number) =>
    (stopping ??= (async () => {
      for (const [name, close] of [
        ['API', () => api?.close()],
        ['worker', () => worker?.close()],
        ['Meilisearch', () => meili?.stop()],
      ] as const) {
        await Promise.resolve(close()).catch((error: Error) =>
          console.error(`Stopping the ${name} failed: ${error.message}`),
        );
      }
      rmSync(pidFile, { force: true });
      process.exit(code);
    })());
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(signal, () => {
      console.log(`\n${signal}: stopping the API, the worker and Meilisearch…`);
      void stop(0);
    });

  try {
    if (bundled) {
      process.env.MEILI_MASTER_KEY ||= secrets.meiliMasterKey;
      meili = await startMeili({
        masterKey: process.env.MEILI_MASTER_KEY,
        dbPath: meiliDir,
        port: meiliPort,
      });
      writePidFile(pidFile, meili.pid);
      process.env.MEILI_URL = meili.url;
      console.log(`Started the bundled Meilisearch on ${meili.url} (data in ${meiliDir})`);
    }
    await migrate(loadConfig());
    printSummary(await seed({ demo: true }));
    const { bootstrapWorker } = await import('../../worker/src/main');
    worker = await bootstrapWorker({ shutdownHooks: false });
    // The API searches with the search-only key the worker registered; it never gets the master key.
    process.env.MEILI_SEARCH_KEY ||= searchKeyFor(
      process.env.MEILI_MASTER_KEY ?? '',
      process.env.MEILI_INDEX_PREFIX || 'bouwsteen',
    );
    delete process.env.MEILI_MASTER_KEY;
    const { bootstrapApi } = await import('../../api/src/main');
    api = await bootstrapApi({ shutdownHooks: false });
  } catch (error) {
    console.error(`Start failed: ${error instanceof Error ? error.message : error}`);
    await stop(1);
  }
}
