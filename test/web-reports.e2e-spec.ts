import { DataSource } from 'typeorm';
import { moduleBody } from './harness/fixtures';
import { expectPage, mainText } from './harness/html';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

/**
 * The reports pages on a small known dataset (an isolated database): the four headline figures
 * of the region, a PPS, a lead institution and a province; the bars largest first; the network
 * as a list with counts; a PPS's lists of what it reused and who reused its blocks.
 *
 * House of Digital publishes D1, D2 and D3 (D3 first published last year), House of Logistics
 * L1, Lelytalent (Flevoland) F1. Logistics and Lelytalent reuse D1, Lelytalent reuses D2, and
 * Digital reuses L1.
 */
describe('reports pages (e2e)', () => {
  let t: TestApp;
  let digitalPps: string;
  let logisticsPps: string;
  let flevoPps: string;
  let digital: TestUser;
  let logistics: TestUser;
  let flevo: TestUser;
  const ids: Record<string, string> = {};

  const reuse = (user: TestUser, ppsId: string, assetId: string, mode: string) =>
    t
      .http()
      .post(`/api/v1/assets/${assetId}/reuses`)
      .set(bearer(user))
      .send({ adopterPpsId: ppsId, mode, context: 'BOL, eerste jaar' })
      .expect(201);

  const page = async (path: string) => {
    const response = await t.http().get(path).expect(200);
    return expectPage(response);
  };

  /** The headline figures as name → "value (note)". */
  const figures = (root: ReturnType<typeof expectPage>) =>
    Object.fromEntries(
      root.querySelectorAll('.headline-figure').map((figure) => [
        figure.querySelector('dt')!.text.trim(),
        figure
          .querySelectorAll('dd')
          .map((dd) => dd.text.trim())
          .join(' | '),
      ]),
    );

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    await t.startWorker();
    digitalPps = await t.ppsId('House of Digital');
    logisticsPps = await t.ppsId('House of Logistics');
    flevoPps = await t.ppsId('Lelytalent');
    digital = await t.user('pps-editor', [digitalPps]);
    logistics = await t.user('pps-editor', [logisticsPps]);
    flevo = await t.user('pps-editor', [flevoPps]);
    const blocks: [string, TestUser, string, string][] = [
      ['D1', digital, digitalPps, 'Netwerkbeheer in de praktijk'],
      ['D2', digital, digitalPps, 'Programmeren met Python voor beginners'],
      ['D3', digital, digitalPps, 'Cloudopslag veilig inrichten'],
      ['L1', logistics, logisticsPps, 'Heftruckcertificaat voor het magazijn'],
      ['F1', flevo, flevoPps, 'Zorgtechnologie in de wijk'],
    ];
    for (const [key, user, ppsId, title] of blocks)
      ids[key] = (await t.publish(user, moduleBody(ppsId, { title }))).id;
    await t.app
      .get(DataSource)
      .query(`UPDATE asset SET first_published_at = now() - interval '1 year' WHERE id = $1`, [
        ids.D3,
      ]);
    await reuse(logistics, logisticsPps, ids.D1, 'adapted');
    await reuse(flevo, flevoPps, ids.D1, 'as-is');
    await reuse(flevo, flevoPps, ids.D2, 'inspired');
    await reuse(digital, digitalPps, ids.L1, 'adapted');
    await t.indexed();
  });
  afterAll(() => t.close());

  it('shows the region in four figures, the network as a list and bars largest first', async () => {
    const root = await page('/rapportages');
    expect(figures(root)).toEqual({
      'Gepubliceerde bouwstenen': '5',
      'Keer hergebruikt door anderen': '4',
      'Deel van de bouwstenen hergebruikt': '60% | 3 van 5',
      'Nieuw dit kwartaal': expect.stringMatching(
        /^4 \| sinds 1 (januari|april|juli|oktober) \d{4}$/,
      ),
    });
    expect(root.querySelector('.report-help')?.text).toContain('het begin van dit kwartaal');
    const network = root
      .querySelectorAll('#netwerk .network-list__source')
      .map((item) => item.text.replace(/\s+/g, ' ').trim());
    expect(network).toEqual([
      'House of Digital → hergebruikt door Lelytalent (2), House of Logistics (1)',
      'House of Logistics → hergebruikt door House of Digital (1)',
    ]);
    const bars = root
      .querySelectorAll('#meest-hergebruikt .bar-chart__row')
      .map((row) => [
        row.querySelector('.bar-chart__label')!.text.trim(),
        row.querySelector('.bar-chart__value')!.childNodes[0].text.trim(),
        row.querySelector('.bar-chart__bar')!.getAttribute('class'),
      ]);
    expect(bars).toEqual([
      ['Netwerkbeheer in de praktijk (House of Digital)', '2', 'bar-chart__bar bar-w100'],
      ['Heftruckcertificaat voor het magazijn (House of Logistics)', '1', 'bar-chart__bar bar-w50'],
      ['Programmeren met Python voor beginners (House of Digital)', '1', 'bar-chart__bar bar-w50'],
    ]);
    // The same numbers behind "Toon tabel", not a table always shown.
    const table = root.querySelector('#meest-hergebruikt details.chart-table');
    expect(table?.querySelector('summary')?.text).toContain('Toon tabel');
    expect(table?.querySelectorAll('tbody tr')).toHaveLength(3);
    expect(root.querySelectorAll('svg')).toHaveLength(0);
    const text = mainText(root);
    expect(text).toContain('PPS die het meest van anderen hergebruiken');
    expect(text).not.toMatch(/trots elders/i);
  });

  it('lists what a PPS reused from others and who reused its blocks', async () => {
    const root = await page(`/rapportages/pps/${digitalPps}`);
    expect(figures(root)).toEqual({
      'Gepubliceerde bouwstenen': '3',
      'Keer hergebruikt door anderen': '3',
      'Deel van de bouwstenen hergebruikt': '67% | 2 van 3',
      'Nieuw dit kwartaal': expect.stringMatching(/^2 \| sinds /),
    });
    const lines = (id: string) =>
      root.querySelectorAll(`#${id} .reuse-links__item`).map((item) =>
        item.text
          .replace(/\s+/g, ' ')
          .trim()
          .replace(/ · \d.*$/, ''),
      );
    expect(root.querySelector('#hergebruikt-door-titel')?.text).toBe(
      'Hergebruikt door anderen (3)',
    );
    expect(lines('hergebruikt-door')).toEqual([
      'Programmeren met Python voor beginners door Lelytalent · als inspiratie',
      'Netwerkbeheer in de praktijk door Lelytalent · zoals het is',
      'Netwerkbeheer in de praktijk door House of Logistics · aangepast',
    ]);
    expect(root.querySelector('#hergebruikt-van-titel')?.text).toBe('Hergebruikt van anderen (1)');
    expect(lines('hergebruikt-van')).toEqual([
      'Heftruckcertificaat voor het magazijn van House of Logistics · aangepast',
    ]);
    expect(root.querySelector('#hergebruikt-van a')?.getAttribute('href')).toContain(ids.L1);

    // A page past the end says so (with the count) and links back; nonsense is the first page.
    const past = await page(`/rapportages/pps/${digitalPps}?door=3&van=x`);
    expect(past.querySelector('#hergebruikt-door')?.text).toContain('Deze pagina bestaat niet');
    expect(past.querySelector('#hergebruikt-door-titel')?.text).toContain('(3)');
    expect(past.querySelectorAll('#hergebruikt-van .reuse-links__item')).toHaveLength(1);
  });

  it('says so plainly when a PPS has no reuse yet', async () => {
    const root = await page(`/rapportages/pps/${flevoPps}`);
    expect(figures(root)['Deel van de bouwstenen hergebruikt']).toBe('0% | 0 van 1');
    expect(root.querySelector('#hergebruikt-door')?.text).toContain(
      'Nog niemand heeft hergebruik van een bouwsteen van deze PPS vastgelegd.',
    );
    expect(lines(root, 'hergebruikt-van')).toHaveLength(2);
  });

  it('shows a lead institution and a province with their own figures and network', async () => {
    const pps = await t.http().get(`/api/v1/pps/${digitalPps}`).expect(200);
    const lead = await page(`/rapportages/instellingen/${pps.body.leadInstitution.id}`);
    expect(figures(lead)).toMatchObject({
      'Gepubliceerde bouwstenen': '4',
      'Keer hergebruikt door anderen': '4',
      'Deel van de bouwstenen hergebruikt': '75% | 3 van 4',
    });
    expect(
      lead
        .querySelectorAll('#netwerk .network-list__source')
        .map((item) => item.text.replace(/\s+/g, ' ').trim()),
    ).toEqual([
      'House of Digital → hergebruikt door House of Logistics (1)',
      'House of Logistics → hergebruikt door House of Digital (1)',
    ]);
    const reused = lead
      .querySelectorAll('#hergebruikt .bar-chart__label')
      .map((label) => label.text.trim());
    expect(reused).toEqual(['House of Digital', 'House of Logistics']);
    // PPS of this lead without blocks are named in a sentence, not drawn as empty bars.
    expect(lead.querySelectorAll('#gepubliceerd .bar-chart__row')).toHaveLength(2);
    const zeros = lead.querySelector('#gepubliceerd .chart-figure__zeros')?.text ?? '';
    expect(zeros).toMatch(/^Nog niets gepubliceerd: .+\.$/);
    expect(zeros).not.toContain('House of Digital');

    const province = await page('/rapportages/provincies/flevoland');
    expect(figures(province)).toMatchObject({
      'Gepubliceerde bouwstenen': '1',
      'Keer hergebruikt door anderen': '0',
      'Nieuw dit kwartaal': expect.stringMatching(/^1 \| /),
    });
    await t.http().get('/rapportages/provincies/utrecht').expect(404);
    // No structure imported: the dekking says so, and no notice of illustrative data.
    const coverage = province.querySelector('section[aria-labelledby="dekking-titel"]')!;
    expect(coverage.text.replace(/\s+/g, ' ')).toContain(
      'Er is nog geen kwalificatiestructuur ingelezen',
    );
    expect(coverage.text).not.toContain('Voorbeeldgegevens');
  });

  it('gives the headline figures in the reports API, the same as each report page shows', async () => {
    const headline = async (path: string) =>
      (await t.http().get(`/api/v1/reports/${path}`).expect(200)).body.headline;
    /** The four figures as the page words them, from the API's numbers. */
    const asOnPage = (figures: Record<string, number>) => ({
      'Gepubliceerde bouwstenen': String(figures.published),
      'Keer hergebruikt door anderen': String(figures.reusedByOthers),
      'Deel van de bouwstenen hergebruikt': `${Math.round(figures.reusedShare * 100)}% | ${figures.blocksReused} van ${figures.published}`,
      'Nieuw dit kwartaal': expect.stringMatching(
        new RegExp(`^${figures.newThisQuarter} \\| sinds `),
      ),
    });
    const region = await headline('proudly-found-elsewhere');
    expect(region).toEqual({
      published: 5,
      reusedByOthers: 4,
      blocksReused: 3,
      reusedShare: 0.6,
      newThisQuarter: 4,
      quarterStart: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:00:00\.000Z$/),
      declaredUse: 0,
    });
    expect(figures(await page('/rapportages'))).toEqual(asOnPage(region));
    const digitalFigures = await headline(`pps/${digitalPps}`);
    expect(digitalFigures).toMatchObject({ published: 3, blocksReused: 2, reusedShare: 0.67 });
    expect(figures(await page(`/rapportages/pps/${digitalPps}`))).toEqual(asOnPage(digitalFigures));
    const pps = await t.http().get(`/api/v1/pps/${digitalPps}`).expect(200);
    const leadId = pps.body.leadInstitution.id;
    const lead = await headline(`lead-institutions/${leadId}`);
    expect(lead).toMatchObject({ published: 4, reusedByOthers: 4 });
    expect(figures(await page(`/rapportages/instellingen/${leadId}`))).toEqual(asOnPage(lead));
    const province = await headline('provinces/flevoland');
    expect(province).toMatchObject({ published: 1, reusedByOthers: 0, newThisQuarter: 1 });
    expect(figures(await page('/rapportages/provincies/flevoland'))).toEqual(asOnPage(province));
    // The spreadsheet keeps its one table; the figures are in the JSON only.
    const csv = await t.http().get(`/api/v1/reports/pps/${digitalPps}?format=csv`).expect(200);
    expect(csv.text.split('\n')[0]).not.toContain('headline');
  });

  function lines(root: ReturnType<typeof expectPage>, id: string): string[] {
    return root.querySelectorAll(`#${id} .reuse-links__item`).map((item) => item.text.trim());
  }
});
