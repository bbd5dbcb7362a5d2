import { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { dropDatabase } from '@bouwsteen/database';
import { freePort, searchKeyFor } from '@bouwsteen/search';
import { freshDatabase } from './harness/database-url';
import { Started, ensureBuilt, run, waitFor } from './harness/processes';
import { TcpProxy, startTcpProxy } from './harness/tcp-proxy';
import { startWorkerContext } from './harness/test-app';

/**
 * What people type never reaches a log line: the API runs as in production (its own process,
 * pino on stdout, every level on) and is sent a proposal and search words through the pages and
 * the API, by GET and POST, answered 200, 4xx, 500 (a table gone) and 503 (Meilisearch gone).
 * The log must say where each request went (path, parameter names, status), and hold none of
 * the words.
 */
describe('request logs hold paths and parameter names, never what was typed (process level)', () => {
  const mark = randomBytes(4).toString('hex');
  /** Words nobody else writes: a proposal's title and text, search words, an e-mail address. */
  const words = {
    title: `lasrobotkas${mark}`,
    text: `dronevlucht${mark}`,
    search: `zoekwoord${mark}`,
    page: `paginawoord${mark}`,
    email: `iemand${mark}`,
  };
  const proposal = {
    titel: `Een ${words.title} voor de glastuinbouw`,
    tekst: `Wij willen met ${words.text} de oogst in de kas volgen en de teelt bijsturen.`,
  };
  let databaseUrl: string;
  let proxy: TcpProxy;
  let worker: INestApplicationContext;
  let api: Started;
  let base: string;

  beforeAll(async () => {
    ensureBuilt();
    databaseUrl = await freshDatabase('logs');
    const prefix = `${process.env.MEILI_INDEX_PREFIX}_${randomBytes(4).toString('hex')}`;
    const masterKey = process.env.MEILI_MASTER_KEY!;
    // The worker makes the index and registers the API's search key, as in production.
    worker = await startWorkerContext({
      ...(process.env as Record<string, string>),
      DATABASE_URL: databaseUrl,
      MEILI_INDEX_PREFIX: prefix,
    });
    // The API reaches Meilisearch through a hop this test can cut (the 503 path).
    proxy = await startTcpProxy(Number(new URL(process.env.MEILI_URL!).port));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = run('node', ['dist/apps/api/src/main.js'], {
      NODE_ENV: 'production',
      LOG_LEVEL: 'trace',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      MEILI_URL: `http://127.0.0.1:${proxy.port}`,
      MEILI_INDEX_PREFIX: prefix,
      MEILI_SEARCH_KEY: searchKeyFor(masterKey, prefix),
      JWT_SECRET: randomBytes(32).toString('hex'),
      PUBLIC_BASE_URL: 'https://bouwsteen.example.nl',
      OAI_REPOSITORY_IDENTIFIER: 'bouwsteen.example.nl',
      OAI_ADMIN_EMAIL: 'beheer@example.nl',
    });
    await waitFor(
      'the API to listen',
      async () => {
        if (api.child.exitCode !== null) throw new Error(`The API exited:\n${api.output()}`);
        return fetch(`${base}/health/live`).then(
          (response) => response.ok,
          () => false,
        );
      },
      60_000,
    );
  });

  afterAll(async () => {
    api?.child.kill('SIGTERM');
    await api?.exited;
    await proxy?.close();
    await worker?.close();
    if (databaseUrl) await dropDatabase(databaseUrl);
  });

  const get = (path: string, accept = 'text/html') =>
    fetch(`${base}${path}`, { headers: { accept }, redirect: 'manual' });
  const post = (path: string, body: string, type: string) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': type, accept: 'application/json' },
      body,
      redirect: 'manual',
    });
  const json = (value: unknown) => JSON.stringify(value);
  const form = (value: Record<string, string>) => new URLSearchParams(value).toString();
  /**
   * The proposal check as a browser does it: the form (GET), then the post with its cookie and
   * token. The GET's answer when there is no form to post.
   */
  const checkProposal = async (fields: Record<string, string>) => {
    const page = await get('/rapportages/voorstel');
    const token = /name="_formulier" value="([^"]+)"/.exec(await page.text())?.[1];
    if (!token) return page;
    const cookie = page.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');
    return fetch(`${base}/rapportages/voorstel`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html',
        cookie,
      },
      body: form({ _formulier: token, ...fields }),
      redirect: 'manual',
    });
  };
  /** A proposal pasted whole: longer than the check reads (2,000), far beyond a URL's 16 KB. */
  const longProposal = {
    ...proposal,
    tekst: `${proposal.tekst} `
      .repeat(Math.ceil(16_800 / (proposal.tekst.length + 1)))
      .slice(0, 16_800),
  };

  /** The log lines written so far, parsed (pino writes one JSON object a line). */
  function logLines(): Record<string, unknown>[] {
    return api
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /** The status each request was logged with, by method, path and parameter names. */
  function logged(method: string, path: string): { status: number; queryNames?: string[] }[] {
    return logLines()
      .filter((line) => {
        const req = line.req as { method?: string; path?: string } | undefined;
        return line.res && req?.method === method && req.path === path;
      })
      .map((line) => ({
        status: (line.res as { statusCode: number }).statusCode,
        queryNames: (line.req as { queryNames?: string[] }).queryNames,
      }));
  }

  async function database(sql: string): Promise<void> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  // First, before anything has read and cached the vocabularies the pages label with.
  it('answers 500 when a table is gone', async () => {
    await database('ALTER TABLE app_user RENAME TO app_user_away');
    await database('ALTER TABLE taxonomy_term RENAME TO taxonomy_term_away');
    try {
      const signIn = await post(
        '/api/v1/auth/login',
        json({ email: `${words.email}@school.nl`, password: 'een-wachtwoord-van-iemand' }),
        'application/json',
      );
      expect(signIn.status).toBe(500);
      expect((await checkProposal(proposal)).status).toBe(500);
    } finally {
      await database('ALTER TABLE app_user_away RENAME TO app_user');
      await database('ALTER TABLE taxonomy_term_away RENAME TO taxonomy_term');
    }
  });

  it('answers the proposal and the searches, right and wrong, through the pages and the API', async () => {
    expect((await checkProposal(proposal)).status).toBe(200);
    // Too short a title: the page says so, keeping what was typed.
    expect((await checkProposal({ ...proposal, titel: 'ab' })).status).toBe(400);
    // A whole proposal pasted (16,800 characters): the form again, never a 431.
    const long = await checkProposal(longProposal);
    expect(long.status).toBe(400);
    expect(await long.text()).toContain('Gebruik hoogstens 2.000 tekens.');
    expect(
      (
        await post(
          '/api/v1/similar',
          json({ title: proposal.titel, summary: proposal.tekst }),
          'application/json',
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await post(
          '/api/v1/similar',
          json({ title: proposal.titel.repeat(20), summary: proposal.tekst }),
          'application/json',
        )
      ).status,
    ).toBe(400);
    // JSON that cannot be read: the parser's error carries the body it could not read.
    expect(
      (await post('/api/v1/similar', `{"title": "${proposal.titel}", `, 'application/json')).status,
    ).toBe(400);

    expect((await get(`/zoeken?q=${words.search}&soort=module`)).status).toBe(200);
    expect((await get(`/api/v1/search?q=${words.search}`, 'application/json')).status).toBe(200);
    expect(
      (await get(`/api/v1/search?q=${words.search}&kind=${words.page}`, 'application/json')).status,
    ).toBe(400);
    expect((await get(`/bestaat-niet?q=${words.page}`)).status).toBe(404);
    // A page that needs an account sends the browser to sign in, with its address to return to.
    const signIn = await get(`/mijn-pps?q=${words.page}`);
    expect(signIn.status).toBe(303);
    expect((await get(signIn.headers.get('location')!)).status).toBe(200);
    // Words typed straight after "?" are no parameter name.
    expect((await get(`/zoeken?${words.page}`)).status).toBe(200);
  });

  it('answers 503 when Meilisearch is gone', async () => {
    await proxy.close();
    expect((await get(`/api/v1/search?q=${words.search}`, 'application/json')).status).toBe(503);
    expect((await get(`/zoeken?q=${words.search}`)).status).toBe(503);
    // The proposal page says the check could not be done (and still answers).
    expect((await checkProposal(proposal)).status).toBe(200);
  });

  it('logged every request by path, parameter names and status', async () => {
    await waitFor(
      'the last request to be logged',
      () => logged('POST', '/rapportages/voorstel').length >= 4,
      5_000,
    );
    expect(logged('GET', '/rapportages/voorstel')).toEqual([
      { status: 500 },
      { status: 200 },
      { status: 200 },
      { status: 200 },
      { status: 200 },
    ]);
    // (A body that cannot be read is answered before the request logger sees the request.)
    expect(logged('POST', '/api/v1/similar').map((line) => line.status)).toEqual([200, 400]);
    expect(logged('POST', '/rapportages/voorstel').map((line) => line.status)).toEqual([
      200, 400, 400, 200,
    ]);
    expect(logged('POST', '/api/v1/auth/login').map((line) => line.status)).toEqual([500]);
    expect(logged('GET', '/api/v1/search')).toEqual([
      { status: 200, queryNames: ['q'] },
      { status: 400, queryNames: ['q', 'kind'] },
      { status: 503, queryNames: ['q'] },
    ]);
    expect(logged('GET', '/zoeken')).toEqual([
      { status: 200, queryNames: ['q', 'soort'] },
      { status: 200, queryNames: ['[redacted]'] },
      { status: 503, queryNames: ['q'] },
    ]);
    expect(logged('GET', '/inloggen')).toEqual([{ status: 200, queryNames: ['terug'] }]);
    // The errors were logged with what explains them.
    const failures = logLines().filter((line) => line.msg === 'Unhandled error');
    expect(failures.length).toBeGreaterThanOrEqual(2);
    expect(failures.map((line) => (line.err as { code?: string }).code)).toContain('42P01');
  });

  it('holds none of the words in any line', () => {
    const output = api.output().toLowerCase();
    expect(Object.values(words).filter((word) => output.includes(word))).toEqual([]);
  });
});
