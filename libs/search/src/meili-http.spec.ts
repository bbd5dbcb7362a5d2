import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { MeiliHttpError, failoverHttpClient, nodeFailed, passOverMs } from './meili-http';

/** A node that answers every request with `status` and its own name, after `delayMs`. */
async function node(
  name: string,
  status = 200,
  delayMs = 0,
): Promise<{ origin: string; server: Server; hits: number }> {
  const state = { origin: '', server: createServer(), hits: 0 };
  state.server.on('request', (_request, response) => {
    state.hits += 1;
    setTimeout(() => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ node: name }));
    }, delayMs).unref();
  });
  await new Promise<void>((resolve) => state.server.listen(0, '127.0.0.1', resolve));
  state.origin = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}`;
  return state;
}

/** An origin nothing listens on (a node that is down). */
async function downOrigin(): Promise<string> {
  const probe = await node('gone');
  await new Promise((resolve) => probe.server.close(resolve));
  return probe.origin;
}

describe('reading from several search nodes', () => {
  const servers: Server[] = [];
  afterAll(() =>
    servers.forEach((server) => {
      server.closeAllConnections();
      server.close();
    }),
  );

  it('passes a failed node over for 1 s, doubling to at most 30 s', () => {
    expect([1, 2, 3, 6, 20].map(passOverMs)).toEqual([1000, 2000, 4000, 30_000, 30_000]);
  });

  it('asks the next node when a node is down, hung or not ready, not when the question was wrong', () => {
    expect(nodeFailed(new TypeError('fetch failed'))).toBe(true);
    expect(nodeFailed(new MeiliHttpError(503, {}))).toBe(true);
    expect(nodeFailed(new MeiliHttpError(404, { code: 'index_not_found' }))).toBe(true);
    expect(nodeFailed(new MeiliHttpError(403, { code: 'invalid_api_key' }))).toBe(true);
    expect(nodeFailed(new MeiliHttpError(400, { code: 'invalid_search_filter' }))).toBe(false);
  });

  it('answers from the first node that can, and passes over a dead one until its time is up', async () => {
    const second = await node('second');
    servers.push(second.server);
    let now = 0;
    const read = failoverHttpClient([await downOrigin(), second.origin], {
      failoverMs: 200,
      now: () => now,
    });
    expect(await read(`http://any/indexes/x/search`)).toEqual({ node: 'second' });
    now = 500;
    expect(await read(`http://any/indexes/x/search`)).toEqual({ node: 'second' });
    expect(second.hits).toBe(2);
  });

  it('gives a hung node the failover time only, then asks the next', async () => {
    const hung = await node('hung', 200, 5000);
    const second = await node('second');
    servers.push(hung.server, second.server);
    const read = failoverHttpClient([hung.origin, second.origin], { failoverMs: 200 });
    const started = Date.now();
    expect(await read(`http://any/health`)).toEqual({ node: 'second' });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("takes a slow node's answer when the node asked after it cannot answer (hedged)", async () => {
    const slow = await node('slow', 200, 400);
    const refusing = await node('second', 503);
    servers.push(slow.server, refusing.server);
    const read = failoverHttpClient([slow.origin, refusing.origin], { failoverMs: 100 });
    expect(await read(`http://any/indexes/x/search`)).toEqual({ node: 'slow' });
    expect(refusing.hits).toBe(1);
  });

  it('passes over a slow node that lost to the next one', async () => {
    const slow = await node('slow', 200, 1000);
    const second = await node('second');
    servers.push(slow.server, second.server);
    const read = failoverHttpClient([slow.origin, second.origin], { failoverMs: 100 });
    expect(await read(`http://any/indexes/x/search`)).toEqual({ node: 'second' });
    const started = Date.now();
    expect(await read(`http://any/indexes/x/search`)).toEqual({ node: 'second' });
    expect(Date.now() - started).toBeLessThan(90);
    expect(slow.hits).toBe(1);
  });

  it('gives a wrong question its own answer without asking another node', async () => {
    const refusing = await node('first', 400);
    const second = await node('second');
    servers.push(refusing.server, second.server);
    const read = failoverHttpClient([refusing.origin, second.origin], { failoverMs: 200 });
    await expect(read(`http://any/indexes/x/search`)).rejects.toMatchObject({ status: 400 });
    expect(second.hits).toBe(0);
  });
});
