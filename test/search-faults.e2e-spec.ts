import { Server, Socket, createServer } from 'node:net';
import { moduleBody } from './harness/fixtures';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

/** A peer that accepts connections and never answers: the worst a search engine can do. */
async function startHangingPeer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('data', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function timed<T>(work: Promise<T>): Promise<[T, number]> {
  const started = Date.now();
  const result = await work;
  return [result, Date.now() - started];
}

describe('when Meilisearch hangs (e2e)', () => {
  let peer: Awaited<ReturnType<typeof startHangingPeer>>;
  let t: TestApp;
  let editor: TestUser;
  let admin: TestUser;
  let ppsId: string;
  let assetId: string;

  beforeAll(async () => {
    peer = await startHangingPeer();
    t = await createTestApp({ isolated: true, env: { MEILI_URL: peer.url } });
    ppsId = await t.ppsId('Techport mbo');
    editor = await t.user('pps-editor', [ppsId]);
    admin = await t.user('admin');
  });
  afterAll(async () => {
    await t.close();
    await peer.close();
  });

  it('saves a draft within 2 s and says the duplicate check could not run', async () => {
    const [created, ms] = await timed(
      t.http().post('/api/v1/assets').set(bearer(editor)).send(moduleBody(ppsId)),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ similar: [], similarChecked: false });
    expect(ms).toBeLessThan(2500);
    assetId = created.body.id;
    // Publishing needs no search engine: the change waits in the outbox.
    await t
      .http()
      .post(`/api/v1/assets/${assetId}/publish`)
      .set(bearer(editor))
      .set('If-Match', `"${created.body.revision}"`)
      .send({})
      .expect(200);
  });

  it.each([
    ['GET /assets/:id/similar', () => t.http().get(`/api/v1/assets/${assetId}/similar`)],
    [
      'POST /similar',
      () => t.http().post('/api/v1/similar').send({ title: 'Veilig werken met cobots' }),
    ],
    ['GET /search', () => t.http().get('/api/v1/search?q=cobots')],
  ])('answers %s with 503 and Retry-After within 2 s', async (_name, call) => {
    const [response, ms] = await timed(call());
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.body.code).toBe('search-unavailable');
    expect(ms).toBeLessThan(2000);
  });

  it('answers the search page with a Dutch 503 page and Retry-After within 2 s', async () => {
    const [page, ms] = await timed(t.http().get('/zoeken?q=cobots'));
    expect(ms).toBeLessThan(2000);
    expect(page.status).toBe(503);
    expect(page.headers['retry-after']).toBe('5');
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('Even niet beschikbaar');
    expect(page.text).toContain('href="/zoeken?q=cobots"');
    // htmx reloads instead of silently swapping nothing.
    const fragment = await t
      .http()
      .get('/zoeken?q=cobots')
      .set('HX-Request', 'true')
      .set('HX-Target', 'zoekresultaten');
    expect(fragment.status).toBe(503);
    expect(fragment.headers['hx-refresh']).toBe('true');
  });

  it('still shows the start page and a building block, saying what is missing', async () => {
    const [home, ms] = await timed(t.http().get('/'));
    expect(ms).toBeLessThan(2500);
    expect(home.status).toBe(200);
    expect(home.text).toContain('Zoeken is even niet beschikbaar');
    const asset = await t.http().get(`/bouwstenen/${assetId}`).expect(200);
    expect(asset.text).toContain('Vergelijkbare bouwstenen kunnen nu niet worden opgezocht');
  });

  it('reports degraded readiness within 2 s, with details only for admins', async () => {
    const [anonymous, ms] = await timed(t.http().get('/health/ready'));
    expect(ms).toBeLessThan(2000);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({ status: 'degraded' });
    expect(JSON.stringify(anonymous.body)).not.toContain('127.0.0.1');
    const detailed = await t.http().get('/health/ready').set(bearer(admin)).expect(200);
    expect(detailed.body.checks.meilisearch).toMatchObject({ status: 'down' });
    const metrics = await t.http().get('/metrics').expect(200);
    expect(metrics.text).toContain('bouwsteen_meilisearch_up 0');
    expect(metrics.text).not.toContain(peer.url);
  });
});

describe('when Meilisearch refuses the key (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      isolated: true,
      env: { MEILI_MASTER_KEY: 'not-the-key-not-the-key-not-the-key' },
    });
  });
  afterAll(() => t.close());

  it('answers searches with 503, not 500, and readiness says degraded', async () => {
    const search = await t.http().get('/api/v1/search?q=lassen');
    expect(search.status).toBe(503);
    expect(search.body.code).toBe('search-unavailable');
    const similar = await t.http().post('/api/v1/similar').send({ title: 'Lassen voor beginners' });
    expect(similar.status).toBe(503);
    expect((await t.http().get('/health/ready').expect(200)).body).toEqual({ status: 'degraded' });
  });
});
