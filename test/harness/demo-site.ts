import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { Browser } from 'playwright-core';
import { UsersService } from '@bouwsteen/auth';
import { databaseExists } from '../../libs/database/src/database-admin';
import { DemoService } from '@bouwsteen/seed';
import { CliModule } from '../../apps/cli/src/cli.module';
import { DEMO_PUBLISHER } from '../../apps/cli/src/commands';
import { OFFLINE_TILES, launchChromium } from './browser';
import { baseDatabaseUrl, demoTemplateUrl, freshDatabase } from './database-url';
import { TestApp, createTestApp, withEnv } from './test-app';

export interface DemoSite {
  t: TestApp;
  browser: Browser;
  baseURL: string;
  close(): Promise<void>;
}

/**
 * What the browser tier drives: its own app over the demo data that `npm start` shows, indexed,
 * with map tiles that cannot load (the map must say so and the list must carry the page), and
 * Debian's Chromium.
 */
export async function openDemoSite(): Promise<DemoSite> {
  const t = await createTestApp({
    isolated: true,
    template: await demoTemplate(),
    atPublicAddress: true,
    env: { MAP_TILE_URL: OFFLINE_TILES },
  });
  try {
    // The copy's outbox holds every demo block still to be indexed, into this app's own index.
    await t.startWorker();
    await t.indexed(60_000);
    const browser = await launchChromium();
    const port = (t.app.getHttpServer().address() as { port: number }).port;
    return {
      t,
      browser,
      baseURL: `http://127.0.0.1:${port}`,
      async close() {
        await browser.close();
        await t.close();
      },
    };
  } catch (error) {
    await t.close();
    throw error;
  }
}

/**
 * The seeded template with the demo data loaded through the services (as `npm run seed --
 * --demo` loads it), made by the first suite of a run that needs it and copied by every one:
 * loading it took each browser suite about 3 s. Its outbox is left undelivered, so each copy's
 * worker indexes the blocks into that app's own index. Made under a lock (jest runs suites in
 * parallel) and under another name first, so no suite copies a half-loaded database.
 */
export async function demoTemplate(): Promise<string> {
  const url = demoTemplateUrl();
  const lock = new Client({ connectionString: baseDatabaseUrl() });
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtext('bouwsteen-demo-template'))`);
    if (await databaseExists(url)) return url;
    const building = await freshDatabase('demo_building');
    await withEnv(
      { ...process.env, DATABASE_URL: building } as Record<string, string>,
      async () => {
        const context = await NestFactory.createApplicationContext(CliModule, { logger: false });
        try {
          const publisher = await context
            .get(UsersService)
            .serviceAccount(DEMO_PUBLISHER, 'Bouwsteen demo');
          await context.get(DemoService).load(publisher);
        } finally {
          await context.close();
        }
      },
    );
    const name = (databaseUrl: string) => new URL(databaseUrl).pathname.slice(1);
    await lock.query(`ALTER DATABASE "${name(building)}" RENAME TO "${name(url)}"`);
    return url;
  } finally {
    await lock.end();
  }
}
