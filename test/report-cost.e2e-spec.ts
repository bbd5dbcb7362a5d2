import { moduleBody } from './harness/fixtures';
import { TestApp, TestUser, createTestApp } from './harness/test-app';
import { TcpProxy, startTcpProxy } from './harness/tcp-proxy';

/** Public report endpoints must not let anonymous callers buy unbounded search work. */
describe('report overlaps are batched and cached (e2e)', () => {
  let proxy: TcpProxy;
  let t: TestApp;
  let editor: TestUser;
  let ppsId: string;
  let searches = 0;

  beforeAll(async () => {
    proxy = await startTcpProxy(Number(new URL(process.env.MEILI_URL!).port));
    proxy.onClientData = (head) => {
      if (head.startsWith('POST /multi-search')) searches++;
    };
    t = await createTestApp({
      isolated: true,
      // A loaded CI machine may take longer than the 1.5 s default for the batched check; the
      // test counts requests, so a timeout (overlapsChecked: false) would only be noise.
      env: { MEILI_URL: `http://127.0.0.1:${proxy.port}`, MEILI_SEARCH_TIMEOUT_MS: '15000' },
    });
    await t.startWorker();
    ppsId = await t.ppsId('Techport mbo');
    const otherPps = await t.ppsId('House of Logistics');
    editor = await t.user('pps-editor', [ppsId]);
    const other = await t.user('pps-editor', [otherPps]);
    for (let i = 0; i < 12; i++) {
      await t.publish(editor, moduleBody(ppsId, { keywords: ['hydrauliek', `onderdeel${i}`] }));
      await t.publish(other, moduleBody(otherPps, { keywords: ['hydrauliek', `deel${i}`] }));
    }
    await t.indexed();
  });
  afterAll(async () => {
    await t.close();
    await proxy.close();
  });

  it('checks all assets of a PPS in one multi-search and answers repeats from the cache', async () => {
    searches = 0;
    const first = await t.http().get(`/api/v1/reports/pps/${ppsId}`).expect(200);
    expect(first.body.overlapsChecked).toBe(true);
    expect(first.body.overlaps.length).toBeGreaterThan(0);
    // 12 assets × up to 12 candidate queries = at most 144 queries: two requests of 100.
    expect(searches).toBeGreaterThanOrEqual(1);
    expect(searches).toBeLessThanOrEqual(2);
    for (let i = 0; i < 5; i++) await t.http().get(`/api/v1/reports/pps/${ppsId}`).expect(200);
    expect(searches).toBeLessThanOrEqual(2);
    const csv = await t.http().get(`/api/v1/reports/pps/${ppsId}?format=csv`).expect(200);
    expect(csv.text.split('\r\n').length).toBeGreaterThan(12);
    expect(searches).toBeLessThanOrEqual(2);
  });
});
