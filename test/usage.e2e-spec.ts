import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { SearchLogRepository, UsageRecorder } from '@bouwsteen/usage';
import { BUFFER_LIMIT, POOR_RESULT_HITS, usageDay } from '../libs/usage/src/usage-rules';
import { moduleBody } from './harness/fixtures';
import { html, mainText } from './harness/html';
import { PageBrowser } from './harness/page-browser';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0';
const SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1';
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
const ADDRESS = '203.0.113.77';

/**
 * Issue 27, part 5: views and link clicks counted once per viewer and day, off the request
 * path, without storing an address; robots and the API left out; the dashboard, its CSV and the
 * search analytics only for whom UsagePolicy admits, listing a query only once three people
 * searched it.
 */
describe('usage figures and search analytics (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let recorder: UsageRecorder;
  let lead: TestUser;
  let otherLead: TestUser;
  let teacher: TestUser;
  let admin: TestUser;
  let ownerPps: string;
  let otherPps: string;
  let assetId: string;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true, env: { TRUST_PROXY: 'loopback' } });
    await t.startWorker();
    db = t.app.get(DataSource);
    recorder = t.app.get(UsageRecorder);
    ownerPps = await t.ppsId('Techport mbo');
    otherPps = await t.ppsId('House of Digital');
    lead = await t.user('pps-editor', [ownerPps]);
    otherLead = await t.user('pps-editor', [otherPps]);
    teacher = await t.user('teacher');
    admin = await t.user('admin');
    assetId = (
      await t.publish(
        lead,
        moduleBody(ownerPps, {
          links: [
            { title: 'Handleiding', url: 'https://example.org/handleiding.pdf', type: 'document' },
            { title: 'E-learning', url: 'https://example.org/leren', type: 'elearning' },
          ],
        }),
      )
    ).id;
  });
  afterAll(() => t.close());

  const visit = (path: string, agent: string | undefined, address = ADDRESS, referrer?: string) => {
    const call = t.http().get(path).set('X-Forwarded-For', address).set('Accept', 'text/html');
    if (agent !== undefined) call.set('User-Agent', agent);
    if (referrer) call.set('Referer', referrer);
    return call;
  };
  const daily = async () =>
    (
      (await db.query('SELECT views, clicks FROM usage_daily WHERE asset_id = $1', [assetId])) as {
        views: number;
        clicks: number;
      }[]
    )[0] ?? { views: 0, clicks: 0 };

  it('counts a browser once a day, leaves out robots and the API, and writes only at the flush', async () => {
    const path = `/bouwstenen/${assetId}`;
    const first = await visit(
      path,
      FIREFOX,
      ADDRESS,
      'https://www.wikiwijs.nl/arrangement/42?zoek=geheim',
    );
    expect(first.status).toBe(200);
    // The page answered before anything was written: the view waits in the buffer.
    expect(recorder.pending).toBeGreaterThan(0);
    expect((await daily()).views).toBe(0);
    await visit(path, FIREFOX);
    await visit(path, FIREFOX);
    await visit(path, SAFARI, '198.51.100.9', `http://127.0.0.1/zoeken?q=eigen`);
    await visit(path, GOOGLEBOT, '66.249.66.1');
    await visit(path, undefined, '192.0.2.5');
    await visit(`${path}/versies/1`, FIREFOX, '192.0.2.6');
    const api = await t.http().get(`/api/v1/assets/${assetId}`).set('User-Agent', FIREFOX);
    expect(api.status).toBe(200);
    await recorder.flush();
    expect(recorder.pending).toBe(0);
    expect((await daily()).views).toBe(2);
    // Flushing again adds nothing; the same browser the same day still counts once.
    await visit(path, FIREFOX);
    await recorder.flush();
    expect((await daily()).views).toBe(2);
  });

  it('keeps the referring host only, never its path or query, and not the site itself', async () => {
    const rows = (await db.query('SELECT host, views FROM usage_referrer WHERE asset_id = $1', [
      assetId,
    ])) as { host: string; views: number }[];
    expect(rows).toEqual([{ host: 'wikiwijs.nl', views: 1 }]);
  });

  it('stores no address, user agent or account anywhere in its tables', async () => {
    const signedIn = new PageBrowser(t);
    await signedIn.signIn(teacher);
    await t
      .http()
      .get(`/bouwstenen/${assetId}`)
      .set('Cookie', signedIn.cookieHeader)
      .set('User-Agent', FIREFOX);
    await recorder.flush();
    const dump = JSON.stringify(
      await db.query(`SELECT row_to_json(x)::text AS r FROM (
          SELECT asset_id::text, day::text, event, encode(viewer, 'hex') AS viewer FROM usage_seen
          UNION ALL SELECT asset_id::text, day::text, views::text, clicks::text FROM usage_daily
          UNION ALL SELECT asset_id::text, month::text, host, views::text FROM usage_referrer) x`),
    );
    for (const secret of [
      ADDRESS,
      '198.51.100.9',
      'Firefox',
      'Safari',
      teacher.id,
      'geheim',
      'arrangement',
    ])
      expect(dump).not.toContain(secret);
    // Hex of the address's text is not there either (a hash is not an encoding).
    expect(dump).not.toContain(Buffer.from(ADDRESS).toString('hex'));
  });

  it('drops views when the buffer is full instead of waiting, and a push costs well under 1 ms', async () => {
    const stranger = '00000000-0000-4000-8000-000000000000';
    const costs: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const start = performance.now();
      recorder.view(stranger, {
        address: '192.0.2.1',
        userAgent: FIREFOX,
        referrer: 'https://a.nl/x',
      });
      costs.push(performance.now() - start);
    }
    costs.sort((a, b) => a - b);
    const p50 = costs[costs.length >> 1];
    const p99 = costs[Math.floor(costs.length * 0.99)];
    process.stdout.write(
      `usage: recording a view p50 ${(p50 * 1000).toFixed(1)} µs, p99 ${(p99 * 1000).toFixed(1)} µs\n`,
    );
    expect(p50).toBeLessThan(1);
    const dropped = recorder.dropped;
    for (let i = recorder.pending; i < BUFFER_LIMIT + 5; i++)
      recorder.view(stranger, { address: '192.0.2.1', userAgent: FIREFOX });
    expect(recorder.pending).toBe(BUFFER_LIMIT);
    expect(recorder.dropped - dropped).toBe(5);
    // A block that is not published is ignored when written.
    await recorder.flush();
    expect(await db.query('SELECT 1 FROM usage_daily WHERE asset_id = $1', [stranger])).toEqual([]);
  });

  it('sends a material link on to the stored address only, counted once a day per viewer', async () => {
    const page = await visit(`/bouwstenen/${assetId}`, FIREFOX);
    expect(page.text).toContain(`href="/bouwstenen/${assetId}/naar/0"`);
    const go = await visit(`/bouwstenen/${assetId}/naar/1`, FIREFOX);
    expect(go.status).toBe(302);
    expect(go.headers.location).toBe('https://example.org/leren');
    await visit(`/bouwstenen/${assetId}/naar/1`, FIREFOX);
    await visit(`/bouwstenen/${assetId}/naar/0`, GOOGLEBOT);
    for (const wrong of ['2', '99', '-1', 'abc', '0x1', '1.0'])
      expect((await visit(`/bouwstenen/${assetId}/naar/${wrong}`, FIREFOX)).status).toBe(404);
    expect(
      (await visit(`/bouwstenen/${assetId}/naar/https%3A%2F%2Fevil.example`, FIREFOX)).status,
    ).toBe(404);
    expect(
      (await visit(`/bouwstenen/00000000-0000-4000-8000-000000000000/naar/0`, FIREFOX)).status,
    ).toBe(404);
    // A query names no target: the stored link is where it goes.
    const smuggled = await visit(
      `/bouwstenen/${assetId}/naar/0?naar=https://evil.example`,
      FIREFOX,
    );
    expect(smuggled.headers.location).toBe('https://example.org/handleiding.pdf');
    await recorder.flush();
    expect((await daily()).clicks).toBe(1);
  });

  it('shows a public summary on the block page', async () => {
    const page = await visit(`/bouwstenen/${assetId}`, GOOGLEBOT);
    expect(mainText(html(page))).toContain('3 keer bekeken deze maand · 0 keer hergebruikt');
  });

  it("shows the PPS's editors their dashboard and CSV; refuses other PPS's editors and teachers", async () => {
    const browser = new PageBrowser(t);
    await browser.signIn(lead);
    const board = await browser.get(`/mijn-pps/gebruik?pps=${ownerPps}`);
    expect(board.status).toBe(200);
    expect(mainText(html(board))).toContain('Gebruik van uw bouwstenen');
    expect(mainText(html(board))).toContain('wikiwijs.nl');
    const csv = await browser.get(`/mijn-pps/gebruik.csv?pps=${ownerPps}`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...rows] = csv.text.trim().split(/\r?\n/);
    // The dashboard's own Dutch headers, months by name.
    expect(header).toMatch(
      /^Id,Bouwsteen,Bekeken in [a-z]+ \d{4},Bekeken in [a-z]+ \d{4},Linkklikken in [a-z]+ \d{4},Linkklikken in [a-z]+ \d{4},Aanvragen,Hergebruik,In cursussen,Reviews,Volgers$/,
    );
    expect(rows.find((row) => row.startsWith(assetId))).toMatch(/,3,0,1,0,0,0,0,0,0$/);

    const other = new PageBrowser(t);
    await other.signIn(otherLead);
    expect((await other.get(`/mijn-pps/gebruik?pps=${ownerPps}`)).status).toBe(403);
    expect((await other.get(`/mijn-pps/gebruik.csv?pps=${ownerPps}`)).status).toBe(403);
    // A PPS without blocks gets the columns all the same, not an empty file.
    const empty = await other.get(`/mijn-pps/gebruik.csv?pps=${otherPps}`);
    expect(empty.text).toMatch(/^Id,Bouwsteen,Bekeken in [a-z]+ \d{4},.*,Volgers\r\n$/);
    const reader = new PageBrowser(t);
    await reader.signIn(teacher);
    expect((await reader.get(`/mijn-pps/gebruik?pps=${ownerPps}`)).status).toBe(403);
    expect((await t.http().get(`/mijn-pps/gebruik?pps=${ownerPps}`)).status).toBe(303);
  });

  it('records searches aggregated, shows what was not found, and keeps raw rows 30 days at most', async () => {
    const search = (query: string, agent = FIREFOX, address = ADDRESS) =>
      visit(`/zoeken?${query}`, agent, address);
    for (let i = 0; i < 2; i++) {
      expect((await search('q=zwevende+ruimtekranen&provincie=flevoland')).status).toBe(200);
      await search('q=zwevende+ruimtekranen&provincie=flevoland&pagina=2');
    }
    await search('q=Zwevende  ruimtekranen!');
    // Two more people: another browser at the same address, and one elsewhere.
    await search('q=zwevende+ruimtekranen', SAFARI);
    await search('q=zwevende+ruimtekranen', FIREFOX, '198.51.100.20');
    await search('q=zwevende+ruimtekranen&provincie=flevoland').set('User-Agent', GOOGLEBOT);
    await recorder.flush();
    const rows = (await db.query(
      `SELECT query, filters, provinces, searches, searchers, zero_results FROM search_daily
        WHERE query = 'zwevende ruimtekranen' ORDER BY filters`,
    )) as Record<string, unknown>[];
    // A searcher counts once a day per query, on the filters they searched it with first.
    expect(rows).toEqual([
      {
        query: 'zwevende ruimtekranen',
        filters: '',
        provinces: '',
        searches: 3,
        searchers: 2,
        zero_results: 3,
      },
      {
        query: 'zwevende ruimtekranen',
        filters: 'provincie=flevoland',
        provinces: 'flevoland',
        searches: 2,
        searchers: 1,
        zero_results: 2,
      },
    ]);

    const browser = new PageBrowser(t);
    await browser.signIn(admin);
    const report = mainText(html(await browser.get('/rapportages/zoekvragen')));
    expect(report).toContain('zwevende ruimtekranen');
    expect(report).toContain('Flevoland');
    expect(report).toContain('ruimtekranen');
    const reader = new PageBrowser(t);
    await reader.signIn(teacher);
    expect((await reader.get('/rapportages/zoekvragen')).status).toBe(403);
    expect((await t.http().get('/rapportages/zoekvragen')).status).toBe(303);

    await db.query(
      `INSERT INTO search_log (searched_at, query, filters, hits) VALUES (now() - interval '31 days', 'oud', '', 0)`,
    );
    await t.app.get(SearchLogRepository).purgeOlderThan(30);
    expect(await db.query(`SELECT 1 FROM search_log WHERE query = 'oud'`)).toEqual([]);
    expect(
      (
        (await db.query(
          `SELECT count(*)::int AS n FROM search_log WHERE query = 'zwevende ruimtekranen'`,
        )) as { n: number }[]
      )[0].n,
    ).toBe(5);
  });

  it('lists a query only once three people searched it, never one person searching it often', async () => {
    const search = (query: string, address: string) => visit(`/zoeken?${query}`, FIREFOX, address);
    for (let i = 0; i < 10; i++) await search('q=Joris+Verkerk', '192.0.2.44');
    // The same person yesterday: that day's salt made another hash, so another searcher.
    const yesterday = new Date(Date.now() - 86_400_000);
    await t.app.get(SearchLogRepository).record(
      [
        {
          at: yesterday,
          day: usageDay(yesterday),
          visitor: randomBytes(16).toString('hex'),
          query: 'joris verkerk',
          filters: '',
          provinces: '',
          sectors: '',
          hits: 0,
        },
      ],
      POOR_RESULT_HITS,
    );
    for (const address of ['192.0.2.61', '192.0.2.62', '192.0.2.63'])
      await search('q=lasrobot+kalibreren', address);
    await recorder.flush();
    expect(
      await db.query(
        `SELECT searches, searchers FROM search_daily WHERE query = 'joris verkerk' AND day = $1`,
        [usageDay(new Date())],
      ),
    ).toEqual([{ searches: 10, searchers: 1 }]);

    const report = (
      await t.http().get('/api/v1/reports/search-queries?days=30').set(bearer(admin)).expect(200)
    ).body as {
      topQueries: { query: string; searches: number }[];
      zeroResults: { query: string }[];
      poorWords: { word: string; searches: number }[];
    };
    const listed = JSON.stringify(report);
    for (const name of ['joris', 'verkerk']) expect(listed).not.toContain(name);
    expect(report.topQueries).toContainEqual(
      expect.objectContaining({ query: 'lasrobot kalibreren', searches: 3 }),
    );
    expect(report.poorWords).toContainEqual({ word: 'kalibreren', searches: 3 });
    const browser = new PageBrowser(t);
    await browser.signIn(lead);
    const page = mainText(html(await browser.get('/rapportages/zoekvragen')));
    expect(page).toContain('lasrobot kalibreren');
    expect(page).not.toContain('verkerk');

    // Who searched is a day-keyed hash: neither the address nor the browser is in any table.
    const dump = JSON.stringify(
      await db.query(`SELECT row_to_json(x)::text AS r FROM (
          SELECT day::text, kind, term, encode(visitor, 'hex') AS visitor FROM search_searcher
          UNION ALL SELECT day::text, word, searchers::text, '' FROM search_poor_word
          UNION ALL SELECT day::text, query, filters, searchers::text FROM search_daily) x`),
    );
    expect(dump).toContain('lasrobot');
    for (const secret of ['192.0.2.44', '192.0.2.61', 'Firefox', 'Mozilla'])
      expect(dump).not.toContain(secret);
    expect(dump).not.toContain(Buffer.from('192.0.2.44').toString('hex'));
  });

  it('gives the same figures through the API, to the same people', async () => {
    const api = (path: string, user?: TestUser) =>
      user ? t.http().get(path).set(bearer(user)) : t.http().get(path);
    const usage = await api(`/api/v1/pps/${ownerPps}/usage?pageSize=100`, lead).expect(200);
    expect(usage.body).toMatchObject({ pageNumber: 1, pageSize: 100 });
    expect(usage.body.month).toMatch(/^\d{4}-\d\d-01$/);
    expect(usage.body.items).toContainEqual(
      expect.objectContaining({ assetId, viewsThisMonth: expect.any(Number) }),
    );
    await api(`/api/v1/pps/${ownerPps}/usage`, otherLead).expect(403);
    await api(`/api/v1/pps/${ownerPps}/usage`, teacher).expect(403);
    await api(`/api/v1/pps/${ownerPps}/usage`).expect(401);
    await api(`/api/v1/pps/${ownerPps}/usage?pageSize=1000`, lead).expect(400);

    const report = await api('/api/v1/reports/search-queries?days=90', admin).expect(200);
    expect(report.body).toMatchObject({ days: 90, topQueries: expect.any(Array) });
    await api('/api/v1/reports/search-queries', lead).expect(200);
    await api('/api/v1/reports/search-queries', teacher).expect(403);
    await api('/api/v1/reports/search-queries?days=7', admin).expect(400);
  });
});
