import { INestApplicationContext } from '@nestjs/common';
import { join, resolve } from 'node:path';
import { loadConfig } from '@bouwsteen/config';
import { MeiliProcess, searchKeyFor, startMeili } from '@bouwsteen/search';
import { migrate, printSummary, seed } from './commands';
import { loadOrCreateSecrets } from './local-secrets';
import {
  inspectPidFile,
  portInUse,
  removePidFile,
  stopLeftover,
  writePidFile,
} from './local-processes';

/**
 * How to run a second copy beside the first. They may share nothing: two copies on one database
 * would each index only the changes their own worker happened to claim.
 */
const SECOND_COPY =
  'a second copy needs its own database, data directory and ports, e.g. ' +
  'DATABASE_URL=postgres://postgres@127.0.0.1:5432/bouwsteen_2 DATA_DIR=.data-2 PORT=3001 MEILI_PORT=7701 npm start.';

/**
 * One command for a laptop: a database (created if missing), a Meilisearch (the bundled binary
 * when MEILI_URL is unset), the demo data on first start, the search worker and the API.
 *
 * Everything it starts, it stops: SIGINT, SIGTERM or SIGHUP (to npm or to node) close the API,
 * the worker and the bundled Meilisearch, once each, and then the process exits. Before anything
 * is created, migrated, seeded or stopped, it checks that its ports are free and that no running
 * copy uses its data directory; only then is a Meilisearch that a killed start left behind
 * (found by its pid file) stopped. Generated secrets are kept in <DATA_DIR>/secrets.json (mode
 * 0600) so a restart keeps sessions and the index.
 */
export async function startLocal(): Promise<void> {
  const dataDir = resolve(process.env.DATA_DIR || '.data');
  const bundled = !process.env.MEILI_URL;
  const apiPort = Number(process.env.PORT || 3000);
  const meiliPort = Number(process.env.MEILI_PORT || 7700);
  const meiliDir = join(dataDir, 'meili');
  const pidFile = join(dataDir, 'meilisearch.pid');

  const earlier = bundled ? inspectPidFile(pidFile, meiliDir) : ({ kind: 'none' } as const);
  // A leftover Meilisearch holds its port until it is stopped below, so that port counts as free.
  const leftoverHolds = (port: number) => earlier.kind === 'leftover' && earlier.port === port;
  const taken = [
    ...((await portInUse(apiPort, '0.0.0.0')) ? [`PORT ${apiPort} (the API)`] : []),
    ...(bundled && !leftoverHolds(meiliPort) && (await portInUse(meiliPort, '127.0.0.1'))
      ? [`MEILI_PORT ${meiliPort} (the bundled Meilisearch)`]
      : []),
  ];
  if (taken.length > 0 || earlier.kind === 'live') {
    const reasons = [
      ...(taken.length > 0
        ? [`${taken.join(' and ')} ${taken.length > 1 ? 'are' : 'is'} already in use`]
        : []),
      ...(earlier.kind === 'live'
        ? [
            `a copy started from ${dataDir} is running (start pid ${earlier.startPid}, ` +
              `Meilisearch pid ${earlier.pid}) and is left as it is`,
          ]
        : []),
    ];
    console.error(
      `Not started: ${reasons.join('; ')}. Stop what runs there, or run this one beside it: ` +
        `${SECOND_COPY} Nothing was created, changed or stopped.`,
    );
    process.exitCode = 1;
    return;
  }
  if (earlier.kind === 'leftover') {
    await stopLeftover(earlier.pid);
    console.log(`Stopped a Meilisearch an earlier start left running (pid ${earlier.pid})`);
  }
  if (bundled) removePidFile(pidFile);
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
      // Only our own: a start that never launched Meilisearch leaves the file as it found it.
      if (meili) removePidFile(pidFile);
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
    worker = await bootstrapWorker({ shutdownHooks: false, ownProcess: false });
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
