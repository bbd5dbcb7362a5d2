import { moduleBody } from './harness/fixtures';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

describe('reports (e2e)', () => {
  let t: TestApp;
  let digital: TestUser;
  let logistics: TestUser;
  let digitalPps: string;
  let logisticsPps: string;
  let sourceId: string;

  const outcomes = (texts: string[]) => ({
    ...(moduleBody('x').module as object),
    learningOutcomes: texts.map((text) => ({ text })),
  });

  const publish = async (user: TestUser, ppsId: string, extra: Record<string, unknown>) =>
    (await t.publish(user, moduleBody(ppsId, extra))).id;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    await t.startWorker();
    digitalPps = await t.ppsId('House of Digital');
    logisticsPps = await t.ppsId('House of Logistics');
    digital = await t.user('pps-editor', [digitalPps]);
    logistics = await t.user('pps-editor', [logisticsPps]);
    sourceId = await publish(digital, digitalPps, {
      title: 'Data-analyse met Python voor logistiek',
      keywords: ['python', 'data-analyse'],
      module: outcomes(['Schoont een dataset op met pandas.', 'Maakt grafieken van voorraaddata.']),
    });
    await publish(logistics, logisticsPps, {
      title: 'Python en data-analyse voor het magazijn',
      keywords: ['python', 'data'],
      module: outcomes(['Schoont magazijndata op met pandas.', 'Maakt grafieken van voorraden.']),
    });
    await t
      .http()
      .post(`/api/v1/assets/${sourceId}/reuses`)
      .set(bearer(logistics))
      .send({ adopterPpsId: logisticsPps, mode: 'adapted', context: 'BOL logistiek' })
      .expect(201);
    const derived = await t
      .http()
      .post(`/api/v1/assets/${sourceId}/derive`)
      .set(bearer(logistics))
      .send({ ppsId: logisticsPps })
      .expect(201);
    await t
      .http()
      .post(`/api/v1/assets/${derived.body.id}/publish`)
      .set(bearer(logistics))
      .set('If-Match', derived.headers.etag)
      .send({})
      .expect(200);
    await t.indexed();
  });
  afterAll(() => t.close());

  it('reports a PPS: assets by kind, who reuses them, its builds-on-existing share and overlaps', async () => {
    const digitalReport = await t.http().get(`/api/v1/reports/pps/${digitalPps}`).expect(200);
    expect(digitalReport.body.totals).toMatchObject({
      assets: 1,
      byKind: { module: 1 },
      reusesReceived: 1,
      reusesMade: 0,
      derivatives: 0,
    });
    expect(digitalReport.body.assets[0]).toMatchObject({
      assetId: sourceId,
      reuseCount: 1,
      adopters: ['House of Logistics'],
    });
    expect(digitalReport.body.overlaps[0]).toMatchObject({
      assetId: sourceId,
      similarPpsName: 'House of Logistics',
    });

    const logisticsReport = await t.http().get(`/api/v1/reports/pps/${logisticsPps}`).expect(200);
    expect(logisticsReport.body.totals).toMatchObject({
      assets: 2,
      reusesMade: 1,
      derivatives: 1,
      buildsOnExistingShare: 0.5,
    });
  });

  it('serves the same report as CSV', async () => {
    const csv = await t.http().get(`/api/v1/reports/pps/${digitalPps}?format=csv`).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const [header, row] = csv.text.trim().split('\r\n');
    expect(header).toBe('assetId,title,kind,ppsName,reuseCount,reuseRecords,adopters,overlapsWith');
    expect(row).toContain(sourceId);
    expect(row).toContain('House of Logistics');
  });

  it('reports a lead institution’s portfolio with overlaps and crossovers between its PPS', async () => {
    const pps = await t.http().get(`/api/v1/pps/${digitalPps}`).expect(200);
    const report = await t
      .http()
      .get(`/api/v1/reports/lead-institutions/${pps.body.leadInstitution.id}`)
      .expect(200);
    expect(report.body.portfolio.map((row: { ppsName: string }) => row.ppsName)).toEqual(
      expect.arrayContaining(['House of Digital', 'House of Logistics']),
    );
    expect(report.body.crossovers).toEqual([
      {
        fromPps: 'House of Digital',
        toPps: 'House of Logistics',
        assetTitle: 'Data-analyse met Python voor logistiek',
        mode: 'adapted',
      },
    ]);
    expect(report.body.overlaps.length).toBeGreaterThanOrEqual(1);
  });

  it('reports a province and the region-wide ranking', async () => {
    const province = await t.http().get('/api/v1/reports/provinces/noord-holland').expect(200);
    expect(province.body.scope).toEqual({ id: 'noord-holland', name: 'Noord-Holland' });
    expect(province.body.portfolio.some((row: { ppsId: string }) => row.ppsId === digitalPps)).toBe(
      true,
    );
    await t.http().get('/api/v1/reports/provinces/utrecht').expect(400);
    // No structure imported: nothing counted, nothing illustrative, every count there.
    const coverage = await t
      .http()
      .get('/api/v1/reports/provinces/noord-holland/coverage')
      .expect(200);
    expect(coverage.body).toMatchObject({ illustrative: false });
    for (const part of [coverage.body.qualifications, coverage.body.electives])
      expect(part).toMatchObject({
        total: 0,
        servedElsewhere: 0,
        nowhere: 0,
        expired: 0,
        items: [],
      });
    const ranking = await t.http().get('/api/v1/reports/proudly-found-elsewhere').expect(200);
    expect(ranking.body.assets[0]).toMatchObject({ assetId: sourceId, reuseCount: 1 });
    expect(ranking.body.adopters[0]).toMatchObject({
      ppsId: logisticsPps,
      reusesMade: 1,
      sources: 1,
    });
    await t.http().get('/api/v1/reports/proudly-found-elsewhere?format=xml').expect(400);
  });
});
