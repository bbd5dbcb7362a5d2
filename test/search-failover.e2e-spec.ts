import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  MeiliProcess,
  ReindexService,
  assetsIndexName,
  freePort,
  startMeili,
} from '@bouwsteen/search';
import { moduleBody } from './harness/fixtures';
import { waitFor } from './harness/processes';
import { PageBrowser } from './harness/page-browser';
import { TestApp, TestUser, bearer, createTestApp, startWorkerContext } from './harness/test-app';

/** A Meilisearch node of its own on a fixed port and data directory, so it can come back as itself. */
class Node {
  process?: MeiliProcess;
  dir = mkdtempSync(join(tmpdir(), 'bouwsteen-node-'));

  constructor(
    readonly port: number,
    private readonly masterKey: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.process = await startMeili({
      masterKey: this.masterKey,
      dbPath: this.dir,
      port: this.port,
    });
  }

  /** kill -9: no chance to finish anything. */
  kill(): void {
    process.kill(this.process!.pid, 'SIGKILL');
  }

  /** Comes back with nothing: its data directory is gone. */
  wipe(): void {
    rmSync(this.dir, { recursive: true, force: true });
    this.dir = mkdtempSync(join(tmpdir(), 'bouwsteen-node-'));
  }

  /** The ids the node holds in `index`, read directly with the master key. */
  async ids(index: string): Promise<Set<string>> {
    const answer = await fetch(`${this.url}/indexes/${index}/documents?fields=id&limit=100000`, {
      headers: { authorization: `Bearer ${this.masterKey}` },
    }).catch(() => undefined);
    if (!answer?.ok) return new Set();
    const body = (await answer.json()) as { results: { id: string }[] };
    return new Set(body.results.map((document) => document.id));
  }

  async close(): Promise<void> {
    await this.process?.stop().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

interface Traffic {
  searches: { at: number; status: number }[];
  published: number;
  stop(): Promise<void>;
}

/**
 * Search that survives a node (issue 28): two independent Meilisearch nodes, each fed from the
 * outbox on its own. While either is killed during writes and searches, searches go on from the
 * other (none fails after the first second), and once it is back each node holds exactly what
 * PostgreSQL lists — nothing lost on either, however long it was away.
 */
describe('search on two nodes, one killed (e2e, real Meilisearch processes)', () => {
  const masterKey = randomBytes(16).toString('hex');
  let first: Node;
  let second: Node;
  let t: TestApp;
  let editor: TestUser;
  let ppsId: string;
  let index: string;
  let database: Client;
  const marker = `failover${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    first = new Node(await freePort(), masterKey);
    second = new Node(await freePort(), masterKey);
    await Promise.all([first.start(), second.start()]);
    t = await createTestApp({
      isolated: true,
      env: {
        MEILI_URL: first.url,
        MEILI_NODE_URLS: second.url,
        MEILI_MASTER_KEY: masterKey,
      },
    });
    await t.startWorker();
    index = assetsIndexName(t.workerEnv().MEILI_INDEX_PREFIX);
    database = new Client({ connectionString: t.workerEnv().DATABASE_URL });
    await database.connect();
    ppsId = await t.ppsId('PPS TechPack Flevoland');
    editor = await t.user('pps-editor', [ppsId]);
    for (let i = 0; i < 5; i++) await t.publish(editor, moduleBody(ppsId, { keywords: [marker] }));
    await converged();
  });

  afterAll(async () => {
    await database?.end();
    await t?.close();
    await Promise.all([first?.close(), second?.close()]);
  });

  /** What every node must hold: the listed blocks, as PostgreSQL says. */
  async function listed(): Promise<Set<string>> {
    const rows = await database.query<{ id: string }>(
      'SELECT id FROM asset_published WHERE listed',
    );
    return new Set(rows.rows.map((row) => row.id));
  }

  /** Waits until both nodes hold exactly the listed blocks; fails with the differences if not. */
  async function converged(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let report = '';
    while (Date.now() < deadline) {
      const expected = await listed();
      const held = await Promise.all([first.ids(index), second.ids(index)]);
      const differences = held.map((ids) => ({
        missing: [...expected].filter((id) => !ids.has(id)).length,
        extra: [...ids].filter((id) => !expected.has(id)).length,
      }));
      if (differences.every((each) => each.missing === 0 && each.extra === 0)) return;
      report = JSON.stringify({ expected: expected.size, differences });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`nodes did not converge: ${report}`);
  }

  /** Searches every 20 ms and publishes blocks one after the other, until stopped. */
  function traffic(): Traffic {
    let running = true;
    const result: Traffic = { searches: [], published: 0, stop: async () => undefined };
    const searching = (async () => {
      while (running) {
        const answer = await t.http().get(`/api/v1/search?q=${marker}`);
        result.searches.push({ at: Date.now(), status: answer.status });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const writing = (async () => {
      while (running) {
        await t.publish(editor, moduleBody(ppsId, { keywords: [marker] }));
        result.published += 1;
      }
    })();
    result.stop = async () => {
      running = false;
      await Promise.all([searching, writing]);
    };
    return result;
  }

  /**
   * With the first node killed, the API's search is answered by the second alone, with every
   * listed block (its index and search key were made again too); then the first comes back.
   */
  async function servedBySecondAlone(): Promise<void> {
    first.kill();
    const answer = await t.http().get(`/api/v1/search?q=${marker}`).expect(200);
    expect(answer.body.totalHits).toBe((await listed()).size);
    await first.start();
    await converged();
  }

  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  async function killDuringTraffic(node: Node, comeBack: () => Promise<void>) {
    const load = traffic();
    await pause(1000);
    node.kill();
    const killedAt = Date.now();
    await pause(3000);
    await comeBack();
    await pause(1500);
    await load.stop();
    const late = load.searches.filter((search) => search.at > killedAt + 1000);
    return {
      searches: load.searches.length,
      published: load.published,
      failedAfterFirstSecond: late.filter((search) => search.status !== 200).length,
      failedBeforeKill: load.searches.filter((s) => s.at < killedAt && s.status !== 200).length,
      lateSearches: late.length,
    };
  }

  it('keeps searching from the second node while the first is killed, and both converge after it returns', async () => {
    const outcome = await killDuringTraffic(first, () => first.start());
    expect(outcome.failedBeforeKill).toBe(0);
    expect(outcome.lateSearches).toBeGreaterThan(20);
    expect(outcome.failedAfterFirstSecond).toBe(0);
    expect(outcome.published).toBeGreaterThan(5);
    await converged();
  });

  it('keeps searching while the second node is killed, and the second catches up by itself', async () => {
    const outcome = await killDuringTraffic(second, () => second.start());
    expect(outcome.failedAfterFirstSecond).toBe(0);
    expect(outcome.published).toBeGreaterThan(5);
    await converged();
  });

  it('fills a node again that comes back without its data', async () => {
    const outcome = await killDuringTraffic(second, async () => {
      second.wipe();
      await second.start();
    });
    expect(outcome.failedAfterFirstSecond).toBe(0);
    await converged();
    await servedBySecondAlone();
  });

  it('fills a node again that comes back empty while nothing is written', async () => {
    second.kill();
    second.wipe();
    await second.start();
    await pause(1500);
    await converged();
    await servedBySecondAlone();
  });

  it('keeps feeding a node while a worker of an older configuration (without it) starts', async () => {
    const older = await startWorkerContext({ ...t.workerEnv(), MEILI_NODE_URLS: '' });
    try {
      await t.publish(editor, moduleBody(ppsId, { keywords: [marker] }));
      await converged();
    } finally {
      await older.close();
    }
  });

  it('removes from a node what is no longer listed when it is filled again (a rebuild)', async () => {
    const stray = { id: '00000000-0000-4000-8000-000000000001', title: 'Verdwaald' };
    const added = await fetch(`${second.url}/indexes/${index}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${masterKey}`, 'content-type': 'application/json' },
      body: JSON.stringify([stray]),
    });
    expect(added.ok).toBe(true);
    const { taskUid } = (await added.json()) as { taskUid: number };
    for (let tries = 0; tries < 50; tries++) {
      const task = await fetch(`${second.url}/tasks/${taskUid}`, {
        headers: { authorization: `Bearer ${masterKey}` },
      }).then((answer) => answer.json() as Promise<{ status: string }>);
      if (task.status === 'succeeded') break;
      await pause(100);
    }
    await expect(converged(1500)).rejects.toThrow('nodes did not converge');
    await t.worker().get(ReindexService).rebuild();
    await converged();
  });

  it('passes over a node that hangs (stopped, not dead) within the failover time', async () => {
    const load = traffic();
    await pause(500);
    process.kill(first.process!.pid, 'SIGSTOP');
    const hungAt = Date.now();
    await pause(3000);
    const resumedAt = Date.now();
    process.kill(first.process!.pid, 'SIGCONT');
    await pause(500);
    await load.stop();
    // Searches went on while the node was still stopped, each passing over it: never a wait
    // near the hang's three seconds between answers (how many answers fit depends on the
    // machine, so the waits are what is held, not a count).
    const late = load.searches.filter((search) => search.at > hungAt + 1000);
    expect(late.filter((search) => search.at < resumedAt).length).toBeGreaterThanOrEqual(3);
    const waits = late.slice(1).map((search, at) => search.at - late[at].at);
    expect(Math.max(late[0].at - (hungAt + 1000), ...waits)).toBeLessThan(1500);
    expect(late.filter((search) => search.status !== 200)).toEqual([]);
    await converged();
  });

  it("lists in a block's kept similar findings a block the second node applied while the first is down", async () => {
    const text = {
      summary:
        'Online module over het afstellen en onderhouden van persluchtinstallaties in de werkplaats.',
      keywords: ['perslucht', 'compressor', 'onderhoud'],
    };
    const logistics = await t.ppsId('House of Logistics');
    const other = await t.user('pps-editor', [logistics]);
    const original = await t.publish(
      editor,
      moduleBody(ppsId, { title: 'Persluchtinstallaties afstellen en onderhouden', ...text }),
    );
    await converged();
    const similar = async () =>
      (await t.http().get(`/api/v1/assets/${original.id}/similar`).expect(200)).body.map(
        (finding: { id: string }) => finding.id,
      );
    const before = await similar(); // kept from now on
    first.kill();
    try {
      const twin = await t.publish(
        other,
        moduleBody(logistics, { title: 'Persluchtinstallaties onderhouden en afstellen', ...text }),
      );
      // Only the second node's follower applies it (the relay waits for the first): the
      // follower moves the index generation too, so the kept answer is not shown any more.
      expect(before).not.toContain(twin.id);
      await waitFor('the twin found', async () => (await similar()).includes(twin.id), 15_000);
    } finally {
      await first.start();
      await converged();
    }
  });

  it('shows the admin each node, whether it answers and what it has still to apply', async () => {
    const browser = new PageBrowser(t);
    const admin = await t.user('admin');
    await browser.signIn(admin);
    const [host1, host2] = [new URL(first.url).host, new URL(second.url).host];
    const page = async () => (await browser.get('/beheer/zoekindex')).text;
    const ready = async () =>
      (await t.http().get('/health/ready').set(bearer(admin)).expect(200)).body;
    expect(await page()).toContain(`Zoekserver 2 (${host2}): werkt, bijgewerkt`);
    expect((await ready()).status).toBe('ok');

    second.kill();
    await t.publish(editor, moduleBody(ppsId, { keywords: [marker] }));
    await pause(1500);
    expect(await page()).toContain(`Zoekserver 2 (${host2}): onbereikbaar`);
    const secondDown = await ready();
    expect(secondDown.status).toBe('degraded');
    expect(secondDown.checks.searchNodes).toEqual([
      { node: 1, status: 'up' },
      {
        node: 2,
        status: 'down',
        message: expect.any(String),
        pending: 1,
        oldestPendingSeconds: expect.any(Number),
      },
    ]);
    await second.start();
    await converged();

    // The first node down: searches go on from the second, and the admin is told which is away.
    first.kill();
    await pause(500);
    const text = await page();
    expect(text).toContain(`Zoekserver 1 (${host1}): onbereikbaar`);
    expect(text).toContain('Een zoekserver is onbereikbaar');
    const firstDown = await ready();
    expect(firstDown.status).toBe('degraded');
    expect(firstDown.checks.meilisearch.status).toBe('up');
    expect(firstDown.checks.searchNodes[0]).toMatchObject({ node: 1, status: 'down' });
    const metrics = await t.http().get('/metrics').set(bearer(admin)).expect(200);
    expect(metrics.text).toContain('bouwsteen_search_nodes_down 1');
    await first.start();
    await converged();
  });

  it('lets the worker stop within seconds while a node is down', async () => {
    first.kill();
    await pause(1500);
    const stopping = Date.now();
    await t.worker().close();
    expect(Date.now() - stopping).toBeLessThan(5000);
  });
});
