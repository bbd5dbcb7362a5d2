import { stringify } from 'qs';
import type { HTMLElement } from 'node-html-parser';
import { SearchReader, SimilarityService } from '@bouwsteen/search';
import { comparedModule } from './harness/fixtures';
import { html } from './harness/html';
import { reportOf, runImport } from './harness/imports';
import { PageBrowser } from './harness/page-browser';
import { TestApp, TestUser, createTestApp } from './harness/test-app';

interface Text {
  title: string;
  summary: string;
  keywords: string[];
  outcomes: string[];
}
interface Finding {
  id: string;
  score: number;
  reasons: unknown[];
  alsoPublishedBy: { id: string }[];
}

/** Blocks of two PPS around one subject: some cover it (one twice, by both), some do not. */
const PUBLISHED: { by: 'first' | 'second'; text: Text }[] = [
  {
    by: 'first',
    text: {
      title: 'Veilig werken met collaboratieve robots',
      summary: 'Online module over risicoanalyse en veilig samenwerken met cobots op de werkvloer.',
      keywords: ['cobot', 'robotica', 'veiligheid'],
      outcomes: ['Voert een risicoanalyse uit voor een werkplek met een cobot.'],
    },
  },
  {
    by: 'second',
    text: {
      title: 'Veilig werken met collaboratieve robots (cobots)',
      summary: 'Online module over risicoanalyse en veilig samenwerken met cobots op de werkvloer.',
      keywords: ['cobot', 'robotica', 'veiligheid'],
      outcomes: ['Voert een risicoanalyse uit voor een werkplek met een cobot.'],
    },
  },
  {
    by: 'first',
    text: {
      title: 'Cobots programmeren en veilig inzetten',
      summary: 'Praktijkmodule over het programmeren van cobots, risicoanalyse en veiligheid.',
      keywords: ['cobot', 'programmeren', 'veiligheid'],
      outcomes: ['Programmeert een cobot voor een eenvoudige taak en controleert de veiligheid.'],
    },
  },
  {
    by: 'second',
    text: {
      title: 'Risicoanalyse bij robotcellen en cobots',
      summary: 'Module over risicoanalyse, normen en veilig werken met robots en cobots.',
      keywords: ['risicoanalyse', 'robotica', 'machineveiligheid'],
      outcomes: ['Maakt een risicoanalyse van een robotcel volgens de machinerichtlijn.'],
    },
  },
  {
    by: 'first',
    text: {
      title: 'Samenwerken met robots op de werkvloer',
      summary: 'E-learning over samenwerken met robots: veiligheid, taken verdelen en ergonomie.',
      keywords: ['robotica', 'samenwerken', 'veiligheid'],
      outcomes: ['Verdeelt taken tussen mens en robot en werkt veilig samen met een cobot.'],
    },
  },
  {
    by: 'second',
    text: {
      title: 'Hydrauliek voor monteurs',
      summary: 'Online module over hydraulische systemen, schema’s lezen en storingzoeken.',
      keywords: ['hydrauliek', 'storingzoeken'],
      outcomes: ['Leest een hydraulisch schema en vindt een storing.'],
    },
  },
];

/** What a third PPS writes: the subject again, in its own words. */
const ASKED: Text = {
  title: 'Veilig samenwerken met cobots',
  summary:
    'E-learning over risicoanalyse en veilig werken met collaboratieve robots op de werkvloer.',
  keywords: ['cobot', 'robotica', 'veiligheid'],
  outcomes: ['Voert een risicoanalyse uit voor een werkplek met een cobot.'],
};

/**
 * Issue 28, item 1: one home for a finding. The same text goes through every path that asks
 * "does this exist?" — the API, the editor's panel, an import row, the block page (and its API),
 * a funder's proposal check and the overlaps report — and each gets the same findings in the same
 * order (the block page and the editor show the first of them; the others list them all).
 */
describe('"dit bestaat al" gives one answer on every path (e2e)', () => {
  let t: TestApp;
  let asker: TestUser;
  let askerPps: string;
  /** POST /api/v1/similar for the asked text as the asking PPS's editor would ask it. */
  let answer: Finding[];

  const leadIds = (findings: Finding[]) => findings.map((finding) => finding.id);

  /** The findings a panel lists (the first few and those under "Meer"), in order. */
  const panelIds = (root: HTMLElement) =>
    root
      .querySelectorAll('.match-list > li > h3 > a')
      .map((link) => link.getAttribute('href')!.replace('/bouwstenen/', ''));

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    await t.startWorker();
    const first = await t.ppsId('House of Digital');
    const second = await t.ppsId('House of Logistics');
    askerPps = await t.ppsId('NexTechnician');
    const editors = {
      first: { ppsId: first, user: await t.user('pps-editor', [first]) },
      second: { ppsId: second, user: await t.user('pps-editor', [second]) },
    };
    asker = await t.user('pps-editor', [askerPps]);
    for (const { by, text } of PUBLISHED)
      await t.publish(editors[by].user, comparedModule(editors[by].ppsId, text));
    await t.indexed();
    answer = (
      await t
        .http()
        .post('/api/v1/similar')
        .send({
          title: ASKED.title,
          summary: ASKED.summary,
          keywords: ASKED.keywords,
          learningOutcomes: ASKED.outcomes,
          levels: ['mbo-3'],
          kind: 'module',
          excludePpsId: askerPps,
        })
        .expect(200)
    ).body;
  }, 120_000);

  afterAll(() => t.close());

  it('finds every block on the subject, the twin grouped with its copy, and not the other subject', () => {
    // Four blocks on cobots and safety (one of them published twice): more than the editor
    // shows at once, so its "Meer" is exercised below.
    expect(answer.length).toBeGreaterThanOrEqual(4);
    expect(answer.flatMap((finding) => finding.alsoPublishedBy)).toHaveLength(1);
    expect(JSON.stringify(answer)).not.toContain('Hydrauliek');
  });

  it('gives the editor the same findings: the first three, the others under "Meer"', async () => {
    const browser = new PageBrowser(t);
    expect((await browser.signIn(asker)).status).toBe(303);
    await browser.get(`/mijn-pps/nieuw?soort=module&pps=${askerPps}`);
    const panel = await browser.post(
      '/mijn-pps/bestaat-al',
      stringify(
        {
          _formulier: browser.token,
          soort: 'module',
          pps: askerPps,
          title: ASKED.title,
          summary: ASKED.summary,
          keywords: ASKED.keywords.join('\n'),
          levels: ['mbo-3'],
          module: { learningOutcomes: ASKED.outcomes.map((text) => ({ text })) },
        },
        { arrayFormat: 'brackets', encodeValuesOnly: true },
      ),
      { 'HX-Request': 'true' },
    );
    expect(panel.status).toBe(200);
    const root = html(panel);
    expect(panelIds(root)).toEqual(leadIds(answer));
    const more = root.querySelector('details.similar-more');
    expect(more?.querySelector('summary')?.text).toBe(
      answer.length - 3 === 1
        ? 'Meer: nog 1 bouwsteen die op deze tekst lijkt'
        : `Meer: nog ${answer.length - 3} bouwstenen die op deze tekst lijken`,
    );
    expect(
      more!.querySelectorAll('.match-list > li > h3 > a').map((a) => a.getAttribute('href')),
    ).toEqual(leadIds(answer.slice(3)).map((id) => `/bouwstenen/${id}`));
  });

  it('gives an import row the same findings, every one in the report with its score', async () => {
    const job = await runImport(
      t,
      asker,
      askerPps,
      JSON.stringify({
        ...comparedModule(askerPps, ASKED),
        levels: ['mbo-3'],
        sourceId: 'ZELFDE-1',
      }),
      { type: 'application/x-ndjson' },
    );
    expect(job.totals).toMatchObject({ created: 1, similar: 1 });
    const found = (await reportOf(t, asker, job.id)).filter((line) => line.severity === 'similar');
    expect(found.map((line) => line.similarAssetId)).toEqual(leadIds(answer));
    expect(found.map((line) => /overeenkomst (\d+)%/.exec(line.message)?.[1])).toEqual(
      answer.map((finding) => String(Math.round(finding.score * 100))),
    );
  });

  it('gives the published block, its page, its API and the overlaps report the same findings', async () => {
    const published = await t.publish(asker, {
      ...comparedModule(askerPps, ASKED),
      levels: ['mbo-3'],
    });
    await t.indexed();
    const viaApi = (await t.http().get(`/api/v1/assets/${published.id}/similar`).expect(200)).body;
    expect(viaApi).toEqual(answer);

    const page = html(await t.http().get(`/bouwstenen/${published.id}`).expect(200));
    const listed = page
      .querySelectorAll('section[aria-labelledby=vergelijkbaar-titel] ul > li')
      .map((item) => item.querySelector('a')!.getAttribute('href')!.replace('/bouwstenen/', ''));
    expect(listed).toEqual(leadIds(answer).slice(0, 5));

    const report = (await t.http().get(`/api/v1/reports/pps/${askerPps}`).expect(200)).body;
    const overlaps = (report.overlaps as { assetId: string; similarAssetId: string }[]).filter(
      (overlap) => overlap.assetId === published.id,
    );
    expect(overlaps.map((overlap) => overlap.similarAssetId).sort()).toEqual(
      answer.flatMap((finding) => [finding.id, ...finding.alsoPublishedBy.map((s) => s.id)]).sort(),
    );
  });

  it('sends a query two checks share once, and gives both the same answer as one check alone', async () => {
    const similarity = t.app.get(SimilarityService);
    const reader = t.app.get(SearchReader);
    const query = {
      title: ASKED.title,
      summary: ASKED.summary,
      keywords: ASKED.keywords,
      learningOutcomes: ASKED.outcomes,
      levels: ['mbo-3'],
      creboCodes: [],
      kind: 'module',
      excludePpsId: askerPps,
    };
    const sent = jest.spyOn(reader, 'searchHits');
    try {
      const [alone] = await similarity.similarMany([query]);
      const perCheck = sent.mock.calls.flatMap(([queries]) => queries).length;
      sent.mockClear();
      const [first, second] = await similarity.similarMany([query, { ...query }]);
      expect(sent.mock.calls.flatMap(([queries]) => queries)).toHaveLength(perCheck);
      expect(first).toEqual(alone);
      expect(second).toEqual(alone);
    } finally {
      sent.mockRestore();
    }
  });

  it("gives a funder's proposal check what the API gives the same title and text", async () => {
    const expected = (
      await t
        .http()
        .post('/api/v1/similar')
        .send({ title: ASKED.title, summary: ASKED.summary })
        .expect(200)
    ).body as Finding[];
    expect(expected.length).toBeGreaterThan(0);
    const browser = new PageBrowser(t);
    await browser.get('/rapportages/voorstel');
    const checked = await browser.post('/rapportages/voorstel', {
      _formulier: browser.token,
      titel: ASKED.title,
      tekst: ASKED.summary,
    });
    expect(checked.status).toBe(200);
    expect(panelIds(html(checked))).toEqual(leadIds(expected));
    expect(html(checked).querySelector('details.similar-more')).toBeNull();
  });
});
