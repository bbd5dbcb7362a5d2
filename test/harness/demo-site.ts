import { Browser } from 'playwright-core';
import { UsersService } from '@bouwsteen/auth';
import { DemoService } from '@bouwsteen/seed';
import { DEMO_PUBLISHER } from '../../apps/cli/src/commands';
import { OFFLINE_TILES, launchChromium } from './browser';
import { TestApp, createTestApp } from './test-app';

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
    atPublicAddress: true,
    env: { MAP_TILE_URL: OFFLINE_TILES },
  });
  try {
    await t.startWorker();
    const publisher = await t.app
      .get(UsersService)
      .serviceAccount(DEMO_PUBLISHER, 'Bouwsteen demo');
    await t.app.get(DemoService).load(publisher);
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
