import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MeiliProcess, freePort, startMeili } from '@bouwsteen/search';
import { COBOT_MODULE, COBOT_REWRITE, comparedModule, moduleBody } from './harness/fixtures';
import { finished, reportOf } from './harness/imports';
import { PageBrowser } from './harness/page-browser';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

/** Meilisearch goes away: writes still succeed and queue, search answers 503, and it converges. */
describe('search outage (e2e, real Meilisearch stopped and restarted)', () => {
  const masterKey = randomBytes(16).toString('hex');
  const dbPath = mkdtempSync(join(tmpdir(), 'bouwsteen-outage-'));
  let port: number;
  let meili: MeiliProcess;
  let t: TestApp;
  let editor: TestUser;
  let admin: TestUser;
  let ppsId: string;

  beforeAll(async () => {
    port = await freePort();
    meili = await startMeili({ masterKey, dbPath, port });
    t = await createTestApp({
      isolated: true,
      env: {
        MEILI_URL: meili.url,
        MEILI_MASTER_KEY: masterKey,
        // Production-like backoff: a retry schedule that grows with the outage must not delay
        // convergence once Meilisearch is back.
        OUTBOX_RETRY_BASE_MS: '400',
        OUTBOX_RETRY_MAX_MS: '300000',
      },
    });
    await t.startWorker();
    ppsId = await t.ppsId('PPS TechPack Flevoland');
    editor = await t.user('pps-editor', [ppsId]);
    admin = await t.user('admin');
  });

  afterAll(async () => {
    await t.close();
    await meili.stop();
    rmSync(dbPath, { recursive: true, force: true });
  });

  it('queues 50 publications while Meilisearch is down and indexes all of them when it returns', async () => {
    const marker = `outage${randomBytes(3).toString('hex')}`;
    await meili.stop();
    const outageStarted = Date.now();

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

    const degraded = await t.http().get('/health/ready').set(bearer(admin)).expect(200);
    expect(degraded.body.status).toBe('degraded');
    expect(degraded.body.checks.meilisearch.status).toBe('down');
    expect(degraded.body.checks.searchOutbox.pending).toBeGreaterThanOrEqual(50);

    // At least 13 s down: with the old growing backoff (0.4, 0.8, 1.6, 3.2, 6.4 s …) the next
    // retry would then lie more than 5 s away.
    const remaining = 13_000 - (Date.now() - outageStarted);
    if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining));
    meili = await startMeili({ masterKey, dbPath, port });
    const back = Date.now();
    await t.indexed(60_000);
    const converged = Date.now() - back;
    console.log(`outage: 50 queued documents indexed ${converged} ms after Meilisearch returned`);
    expect(converged).toBeLessThan(5000);
    const found = await t.http().get(`/api/v1/search?q=${marker}&pageSize=50`).expect(200);
    expect(found.body.totalHits).toBe(50);
    expect(new Set(found.body.hits.map((hit: { id: string }) => hit.id))).toEqual(
      new Set(published),
    );
    const ready = await t.http().get('/health/ready').expect(200);
    expect(ready.body.status).toBe('ok');
  });

  it('finishes an import without Meilisearch; its "dit bestaat al" waits, then runs when it is back', async () => {
    const otherPps = await t.ppsId('Techport mbo');
    const otherLead = await t.user('pps-editor', [otherPps]);
    const lead = editor;
    const original = await t.publish(otherLead, comparedModule(otherPps, COBOT_MODULE));
    await t.indexed();
    await meili.stop();
    const file = [
      {
        ...comparedModule(ppsId, {
          title: 'Lassen voor beginners',
          summary: 'Basistechnieken van het booglassen in de werkplaats.',
          keywords: ['lassen'],
          outcomes: ['Last een hoeknaad met een beklede elektrode'],
        }),
        sourceId: 'LATER-1',
      },
      { ...comparedModule(ppsId, COBOT_REWRITE), sourceId: 'LATER-2' },
    ]
      .map((row) => JSON.stringify(row))
      .join('\n');
    const started = await t
      .http()
      .post(`/api/v1/imports?ppsId=${ppsId}&dryRun=false`)
      .set(bearer(lead))
      .set('Content-Type', 'application/x-ndjson')
      .send(file)
      .expect(202);
    // The rows are written without the search engine; their check waits for it.
    const written = await finished(t, lead, started.body.id, 60_000, true);
    expect(written).toMatchObject({
      status: 'done',
      totals: { created: 2, similar: 0 },
      similarCheck: { status: 'waiting', rowsLeft: 2 },
    });
    // A failed attempt leaves every row to check (the next comes after the engine's backoff).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const still = await t.http().get(`/api/v1/imports/${started.body.id}`).set(bearer(lead));
    expect(still.body.similarCheck).toEqual({ status: 'waiting', rowsLeft: 2 });
    // The import's page says so and keeps asking; a page that waited for the rows reloads.
    const browser = new PageBrowser(t);
    await browser.signIn(lead);
    const page = await browser.get(`/mijn-pps/importeren/${started.body.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(
      'We kijken nog of de nieuwe bouwstenen al bestaan bij een andere PPS: nog 2 rijen te gaan.',
    );
    // Not "Klaar" while the check goes on, and no count that htmx would leave behind.
    expect(page.text).toContain('Status: Ingelezen.');
    expect(page.text).toContain('wordt nog gecontroleerd');
    expect(page.text).toContain(
      `hx-get="/mijn-pps/importeren/${started.body.id}/voortgang?wacht=controle"`,
    );
    const afterRows = await browser.get(
      `/mijn-pps/importeren/${started.body.id}/voortgang?wacht=import`,
    );
    expect(afterRows.headers['hx-refresh']).toBe('true');
    const stillChecking = await browser.get(
      `/mijn-pps/importeren/${started.body.id}/voortgang?wacht=controle`,
    );
    expect(stillChecking.headers['hx-refresh']).toBeUndefined();

    meili = await startMeili({ masterKey, dbPath, port });
    const checked = await finished(t, lead, started.body.id, 90_000);
    expect(checked).toMatchObject({
      totals: { created: 2, similar: 1 },
      similarCheck: { status: 'done', rowsLeft: 0 },
    });
    const findings = (await reportOf(t, lead, started.body.id)).filter(
      (line) => line.severity === 'similar',
    );
    expect(findings.map((line) => [line.row, line.sourceId, line.similarAssetId])).toEqual([
      ['regel 2', 'LATER-2', original.id],
    ]);
    const over = await browser.get(
      `/mijn-pps/importeren/${started.body.id}/voortgang?wacht=controle`,
    );
    expect(over.headers['hx-refresh']).toBe('true');
    expect(over.text).not.toContain('hx-get');
  });
});
