import { IncomingHttpHeaders, Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  BlockedDestinationError,
  DnsResolver,
  OutboundRequest,
  PublicHttpClient,
  ResolvedAddress,
} from './public-http-client';

/** A real local receiver; only name resolution is replaced, since no test can own public DNS. */
describe('PublicHttpClient', () => {
  let server: Server;
  let port: number;
  const received: IncomingHttpHeaders[] = [];
  let answer = true;

  beforeAll(async () => {
    server = createServer((request, response) => {
      received.push(request.headers);
      request.resume();
      if (answer) request.on('end', () => response.writeHead(204).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    received.length = 0;
    answer = true;
  });

  function resolverOf(...answers: ResolvedAddress[][]): DnsResolver & { calls: string[] } {
    const calls: string[] = [];
    return {
      calls,
      resolve: async (host) => {
        calls.push(host);
        return answers[Math.min(calls.length - 1, answers.length - 1)];
      },
    };
  }

  const request = (url: string, allowPrivate: boolean, timeoutMs = 2000): OutboundRequest => ({
    url,
    headers: { 'content-type': 'application/json' },
    body: '{"ok":true}',
    timeoutMs,
    allowPrivate,
  });
  const loopback = [{ address: '127.0.0.1', family: 4 }];

  it('connects to the address it resolved and checked, with the name as Host', async () => {
    const resolver = resolverOf(loopback);
    const result = await new PublicHttpClient(resolver).post(
      request(`http://hooks.test:${port}/hook`, true),
    );
    expect(result.status).toBe(204);
    expect(received[0].host).toBe(`hooks.test:${port}`);
    expect(resolver.calls).toEqual(['hooks.test']);
  });

  it('refuses a public-looking name that resolves to a private address, before connecting', async () => {
    const resolver = resolverOf(loopback);
    await expect(
      new PublicHttpClient(resolver).post(request('http://hooks.example.nl/hook', false)),
    ).rejects.toThrow(/resolves to 127\.0\.0\.1, which is a loopback/);
    expect(received).toHaveLength(0);
  });

  it('refuses when any of the addresses is private (a split answer)', async () => {
    const resolver = resolverOf([
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.5', family: 4 },
    ]);
    await expect(
      new PublicHttpClient(resolver).post(request('http://hooks.example.nl/hook', false)),
    ).rejects.toBeInstanceOf(BlockedDestinationError);
  });

  it('resolves once per request, so a second answer cannot rebind the connection', async () => {
    // First answer loopback (allowed here), later answers something else entirely.
    const resolver = resolverOf(loopback, [{ address: '192.0.2.1', family: 4 }]);
    const client = new PublicHttpClient(resolver);
    await client.post(request(`http://rebind.test:${port}/hook`, true));
    expect(resolver.calls).toHaveLength(1);
    expect(received).toHaveLength(1);
  });

  it('refuses literal private addresses and internal names without resolving them', async () => {
    const resolver = resolverOf(loopback);
    const client = new PublicHttpClient(resolver);
    for (const url of [
      `http://127.0.0.1:${port}/`,
      'http://[::ffff:127.0.0.1]/',
      'http://0x7f000001/',
      'http://meilisearch:7700/',
      'http://169.254.169.254/latest/meta-data/',
    ])
      await expect(client.post(request(url, false))).rejects.toBeInstanceOf(
        BlockedDestinationError,
      );
    expect(resolver.calls).toEqual([]);
    expect(received).toHaveLength(0);
  });

  it('refuses a public host on a port that is not allowed before resolving it', async () => {
    const resolver = resolverOf(loopback);
    const client = new PublicHttpClient(resolver);
    for (const url of [`http://hooks.example.nl:${port}/hook`, 'https://hooks.example.nl:8443/'])
      await expect(client.post(request(url, false))).rejects.toThrow(/must use port 80 or 443/);
    await expect(
      client.post({ ...request(`http://hooks.example.nl:${port}/`, false), allowedPorts: [443] }),
    ).rejects.toThrow(/must use port 443 \(it uses \d+\)/);
    expect(resolver.calls).toEqual([]);
    expect(received).toHaveLength(0);
  });

  it('reports a name that does not resolve as blocked', async () => {
    const client = new PublicHttpClient({
      resolve: () => Promise.reject(new Error('ENOTFOUND')),
    });
    await expect(client.post(request('https://nowhere.example.nl/', false))).rejects.toThrow(
      /does not resolve/,
    );
  });

  it('gives up on a receiver that never answers', async () => {
    answer = false;
    const started = Date.now();
    await expect(
      new PublicHttpClient(resolverOf(loopback)).post(
        request(`http://slow.test:${port}/hook`, true, 300),
      ),
    ).rejects.toThrow(/within 300 ms/);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
