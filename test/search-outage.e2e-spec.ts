import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MeiliProcess, freePort, startMeili } from '@bouwsteen/search';
import { moduleBody } from './harness/fixtures';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

/** Meilisearch goes away: writes still succeed and queue, search answers 503, and it converges. */
describe('search outage (e2e, real Meilisearch stopped and restarted)', () => {
  const masterKey = randomBytes(16).toString('hex');
  const dbPath = mkdtempSync(join(tmpdir(), 'bouwsteen-outage-'));
  let port: number;
  let meili: MeiliProcess;
  let t: TestApp;
  let editor: TestUser;
  let ppsId: string;

  beforeAll(async () => {
    port = await freePort();
    meili = await startMeili({ masterKey, dbPath, port });
    t = await createTestApp({ isolated: true, meili: { url: meili.url, masterKey } });
    await t.startWorker();
    ppsId = await t.ppsId('PPS TechPack Flevoland');
    editor = await t.user('pps-editor', [ppsId]);
  });

  afterAll(async () => {
    await t.close();
    await meili.stop();
    rmSync(dbPath, { recursive: true, force: true });
  });

  it('queues 50 publications while Meilisearch is down and indexes all of them when it returns', async () => {
    const marker = `outage${randomBytes(3).toString('hex')}`;
    await meili.stop();

    const unavailable = await t.http().get(`/api/v1/search?q=${marker}`).expect(503);
    expect(unavailable.headers['retry-after']).toBe('5');
    expect(unavailable.headers['content-type']).toContain('application/problem+json');
    expect(unavailable.body.code).toBe('search-unavailable');

    const published: string[] = [];
    for (let i = 0; i < 50; i++) {
      const created = await t
        .http()
        .post('/api/v1/assets')
        .set(bearer(editor))
        .send(moduleBody(ppsId, { keywords: [marker] }))
        .expect(201);
      await t
        .http()
        .post(`/api/v1/assets/${created.body.id}/publish`)
        .set(bearer(editor))
        .set('If-Match', `"${created.body.revision}"`)
        .send({})
        .expect(200);
      published.push(created.body.id);
    }

    const degraded = await t.http().get('/health/ready').expect(200);
    expect(degraded.body.status).toBe('degraded');
    expect(degraded.body.checks.meilisearch.status).toBe('down');
    expect(degraded.body.checks.searchOutbox.pending).toBeGreaterThanOrEqual(50);

    meili = await startMeili({ masterKey, dbPath, port });
    await t.indexed(60_000);
    const found = await t.http().get(`/api/v1/search?q=${marker}&pageSize=50`).expect(200);
    expect(found.body.totalHits).toBe(50);
    expect(new Set(found.body.hits.map((hit: { id: string }) => hit.id))).toEqual(
      new Set(published),
    );
    const ready = await t.http().get('/health/ready').expect(200);
    expect(ready.body.status).toBe('ok');
  });
});
