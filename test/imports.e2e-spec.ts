import { Workbook } from 'exceljs';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AddressInfo } from 'node:net';
import { ensureBuilt, run } from './harness/processes';
import {
  curriculumBody,
  fullBody,
  infrastructureBody,
  minimalBody,
  moduleBody,
  practiceBody,
  unique,
} from './harness/fixtures';
import { asBytes, csv, finished, reportOf, runImport } from './harness/imports';
import { html } from './harness/html';
import { PageBrowser } from './harness/page-browser';
import { columnNamed } from '../libs/imports/src/columns';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const JSONL = 'application/x-ndjson';

const MODULE_HEADER = [
  'sourceId',
  'kind',
  'title',
  'summary',
  'keywords',
  'sectors',
  'levels',
  'license',
  'contacts',
  'module.moduleType',
  'module.learningOutcomes',
  'module.studyLoad.value',
  'module.studyLoad.unit',
  'module.audiences',
  'module.learningMode',
  'module.deliveryModes',
  'module.certification',
];

/** A good module row in labels and codes mixed, as a PPS lead's spreadsheet would have it. */
function moduleRow(code: string, title: string, overrides: Record<string, string> = {}) {
  const row: Record<string, string> = {
    sourceId: code,
    kind: 'Module',
    title,
    summary: 'Online module over hydraulische systemen en veilig werken in de praktijk.',
    keywords: 'hydrauliek; storingzoeken',
    sectors: 'techniek',
    levels: 'mbo niveau 3; mbo-4',
    license: 'CC-BY-SA-4.0',
    contacts: 'Projectleider | Team opleidingen',
    'module.moduleType': 'e-learning',
    'module.learningOutcomes': 'Leest een hydraulisch schema; Vindt een storing in een systeem',
    'module.studyLoad.value': '1,5',
    'module.studyLoad.unit': 'ects',
    'module.audiences': 'worker',
    'module.learningMode': 'Formeel leren',
    'module.deliveryModes': 'online',
    'module.certification': 'micro-credential',
    ...overrides,
  };
  return { header: [...new Set([...MODULE_HEADER, ...Object.keys(overrides)])], row };
}

function moduleCsv(rows: ReturnType<typeof moduleRow>[]): string {
  const header = [...new Set(rows.flatMap((row) => row.header))];
  return csv(
    header,
    rows.map(({ row }) => header.map((column) => row[column] ?? '')),
  );
}

describe('catalogue import and export (e2e)', () => {
  let t: TestApp;
  let lead: TestUser;
  let otherLead: TestUser;
  let admin: TestUser;
  let teacher: TestUser;
  let ppsId: string;
  let otherPps: string;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    await t.startWorker();
    ppsId = await t.ppsId('Techport mbo');
    otherPps = await t.ppsId('House of Logistics');
    lead = await t.user('pps-editor', [ppsId]);
    otherLead = await t.user('pps-editor', [otherPps]);
    admin = await t.user('admin');
    teacher = await t.user('teacher', [ppsId]);
  });
  afterAll(() => t.close());

  const assetsOf = async (pps: string, user: TestUser = lead) => {
    const response = await t
      .http()
      .get(`/api/v1/assets?ppsId=${pps}&pageSize=100`)
      .set(bearer(user))
      .expect(200);
    return response.body as { totalItems: number; items: { id: string; title: string }[] };
  };
  /**
   * Exports the PPS's blocks in each format (in that order) and imports each export again: every
   * block comes back unchanged, with no report line but "dit bestaat al".
   */
  async function expectRoundTrip(
    owner: TestUser,
    pps: string,
    blocks: number,
    formats: ('csv' | 'xlsx' | 'jsonl')[],
  ): Promise<void> {
    const types = { csv: 'text/csv', xlsx: XLSX, jsonl: JSONL };
    for (const format of formats) {
      const exported = await t
        .http()
        .get(`/api/v1/exports?format=${format}&ppsId=${pps}`)
        .set(bearer(owner))
        .buffer(true)
        .parse(asBytes)
        .expect(200);
      const job = await runImport(t, owner, pps, exported.body as Buffer, { type: types[format] });
      const problems = (await reportOf(t, owner, job.id)).filter(
        (line) => line.severity !== 'similar',
      );
      expect({ format, totals: job.totals, error: job.error, problems }).toEqual({
        format,
        totals: expect.objectContaining({ created: 0, updated: 0, unchanged: blocks, failed: 0 }),
        error: null,
        problems: [],
      });
    }
  }

  /** One building block as its PPS's lead reads it. */
  const detailOf = async (assetId: string) =>
    (await t.http().get(`/api/v1/assets/${assetId}`).set(bearer(lead)).expect(200)).body;

  it('imports a CSV in labels and codes; the same file again changes nothing', async () => {
    const file = moduleCsv([
      moduleRow('IDEM-1', 'Hydrauliek voor monteurs'),
      moduleRow('IDEM-2', 'Pneumatiek voor monteurs'),
    ]);
    const first = await runImport(t, lead, ppsId, file);
    expect(first).toMatchObject({ status: 'done', error: null });
    expect(first.totals).toMatchObject({ created: 2, updated: 0, failed: 0, published: 0 });
    expect(first.progress).toMatchObject({ percent: 100, rowsRead: 2 });
    const again = await runImport(t, lead, ppsId, file);
    expect(again.totals).toMatchObject({ created: 0, updated: 0, unchanged: 2, failed: 0 });

    const { items } = await assetsOf(ppsId);
    const hydraulics = items.find((item) => item.title === 'Hydrauliek voor monteurs')!;
    const detail = await detailOf(hydraulics.id);
    expect(detail).toMatchObject({
      sourceId: 'IDEM-1',
      source: 'import',
      status: 'draft',
      levels: ['mbo-3', 'mbo-4'],
      module: {
        learningMode: 'formal',
        studyLoad: { value: 1.5, unit: 'ects' },
        learningOutcomes: [
          { text: 'Leest een hydraulisch schema' },
          { text: 'Vindt een storing in een systeem' },
        ],
      },
    });
  });

  it('opens a new draft version only where an edited file changed something, and publishes', async () => {
    const rows = [
      moduleRow('EDIT-1', 'Elektrotechniek basis'),
      moduleRow('EDIT-2', 'Meten en regelen'),
    ];
    await runImport(t, lead, ppsId, moduleCsv(rows), { publish: true });
    rows[1].row.title = 'Meten en regelen in de procesindustrie';
    const edited = await runImport(t, lead, ppsId, moduleCsv(rows), { publish: true });
    expect(edited.totals).toMatchObject({ created: 0, updated: 1, unchanged: 1, published: 1 });
    const { items } = await assetsOf(ppsId);
    const changed = items.find((item) => item.title === 'Meten en regelen in de procesindustrie')!;
    const versions = await t.http().get(`/api/v1/assets/${changed.id}/versions`).expect(200);
    expect(versions.body.totalItems).toBe(2);
    const same = items.find((item) => item.title === 'Elektrotechniek basis')!;
    const unchanged = await t.http().get(`/api/v1/assets/${same.id}/versions`).expect(200);
    expect(unchanged.body.totalItems).toBe(1);
    await t.indexed();
    const found = await t.http().get('/api/v1/search?q=procesindustrie').expect(200);
    expect(found.body.hits.map((hit: { id: string }) => hit.id)).toContain(changed.id);
  });

  it('changes nothing in a dry run, and reports what it would do', async () => {
    const before = (await assetsOf(ppsId)).totalItems;
    const file = moduleCsv([
      moduleRow('DRY-1', 'Proefimport module een'),
      moduleRow('DRY-2', 'ab'),
    ]);
    const job = await runImport(t, lead, ppsId, file, { dryRun: true, publish: true });
    expect(job.totals).toMatchObject({ created: 1, failed: 1, published: 1 });
    expect((await assetsOf(ppsId)).totalItems).toBe(before);
    const report = await reportOf(t, lead, job.id);
    expect(report).toEqual([
      expect.objectContaining({
        severity: 'error',
        row: 'rij 3',
        sourceId: 'DRY-2',
        field: 'title',
        message: 'Gebruik minstens 3 tekens.',
      }),
    ]);
  });

  it('reports each bad row of a 1,000-row file and imports the rest', async () => {
    const foreign = await t.publish(otherLead, moduleBody(otherPps));
    const bad: [Record<string, string>, string, string | RegExp][] = [
      [{ title: 'ab' }, 'title', 'Gebruik minstens 3 tekens.'],
      [
        { summary: '' },
        'summary',
        'Nodig om te publiceren: vul dit in, of bewaar de bouwsteen als concept.',
      ],
      [{ levels: 'mbo niveau 9' }, 'levels', /^Kies een waarde uit: .*mbo niveau 3/],
      [{ license: 'GPL-3.0' }, 'license', /^Kies een waarde uit/],
      [{ 'module.studyLoad.value': 'veertig' }, 'module.studyLoad.value', 'Vul een getal in.'],
      [
        { 'module.studyLoad.value': '0' },
        'module.studyLoad.value',
        'Vul een getal in van 0,25 of meer.',
      ],
      [
        { 'module.studyLoad.unit': 'dagen' },
        'module.studyLoad.unit',
        /^Kies een waarde uit: uur, studiebelastingsuren \(sbu\), EC \(28 uur per EC\)/,
      ],
      [
        { 'module.electiveCode': 'X123' },
        'module.electiveCode',
        'Vul een keuzedeelcode in: een K met vier cijfers, zoals K0080.',
      ],
      [
        { 'module.price.amountCents': '12,5' },
        'module.price.amountCents',
        'Vul een geheel getal in, zonder komma.',
      ],
      [{ 'module.stackable': 'misschien' }, 'module.stackable', 'Kies ja of nee.'],
      [
        { 'module.learningOutcomes': 'Leest schema | https://example.org/skill/1' },
        'module.learningOutcomes.0.escoUri',
        'Vul een ESCO-adres in dat begint met http://data.europa.eu/esco/.',
      ],
      [
        { links: 'Handleiding | ftp://x.nl/a | document' },
        'links.0.url',
        /Vul een volledig webadres in/,
      ],
      [
        { contacts: 'Projectleider | Team | geen-mail' },
        'contacts.0.email',
        'Vul een geldig e-mailadres in, zoals naam@school.nl.',
      ],
      [
        { 'module.offerings': '31-02-2026 | 01-03-2026 | Beverwijk | 12' },
        'module.offerings.0.period.start',
        'Vul een datum in die bestaat, zoals 31-01-2026 (tussen 1900 en 2199).',
      ],
      [
        { 'module.offerings': '2026-09-01 | 2026-08-01' },
        'module.offerings.0.period.end',
        'Vul een einddatum in die niet vóór de begindatum ligt.',
      ],
      [
        { 'module.prerequisites.moduleIds': 'NOPE-1' },
        'module.prerequisites.moduleIds',
        /^Geen bouwsteen van deze PPS heeft deze eigen code/,
      ],
      [{ kind: 'Boek' }, 'kind', /^Vul een soort bouwsteen in/],
      [
        { 'curriculum.creboCodes': '25923' },
        'curriculum.creboCodes',
        /^Deze kolom hoort bij een curriculum/,
      ],
      [{ title: 'Module met \u0000 erin' }, 'title', /^Deze tekst bevat een teken dat niet kan/],
      [
        { title: '=HYPERLINK("http://evil.example","klik")' },
        'title',
        'bevat een formule; zet de waarde zelf in de cel',
      ],
      [
        { keywords: Array.from({ length: 31 }, (_, i) => `woord${i}`).join('; ') },
        'keywords',
        'Kies of vul er hoogstens 30 in.',
      ],
      [
        { id: 'not-a-uuid' },
        'id',
        'Dit verwijst naar niets wat Bouwsteen kent. Kies er een uit de lijst, of neem de code over zoals Bouwsteen hem gaf (bijvoorbeeld uit een export).',
      ],
      [{ id: foreign.id }, 'id', /^Geen bouwsteen van deze PPS heeft dit id/],
      [{ sourceId: 'BULK-1' }, 'sourceId', /^Deze eigen code staat al eerder in het bestand/],
      [{ sourceId: 'NUL\u0000CODE' }, 'sourceId', /^Deze tekst bevat een teken dat niet kan/],
      [
        { 'module.audiences': '' },
        'module.audiences',
        'Nodig om te publiceren: vul dit in, of bewaar de bouwsteen als concept.',
      ],
    ];
    const rows: Buffer[] = [];
    const header = [
      ...MODULE_HEADER,
      'id',
      'links',
      'module.electiveCode',
      'module.price.amountCents',
      'module.stackable',
      'module.offerings',
      'module.prerequisites.moduleIds',
      'curriculum.creboCodes',
    ];
    rows.push(Buffer.from(csv(header, [])));
    const expected = new Map<string, [string, string | RegExp]>();
    let badIndex = 0;
    for (let index = 1; index <= 1000; index++) {
      const code = `BULK-${index}`;
      const { row } = moduleRow(code, `Bulkmodule nummer ${index}`);
      const label = `rij ${index + 1}`;
      if (index % 10 === 0 && badIndex < bad.length) {
        const [overrides, field, message] = bad[badIndex++];
        Object.assign(row, overrides);
        expected.set(label, [field, message]);
      }
      rows.push(
        Buffer.from(
          csv(header, [header.map((column) => row[column] ?? '')])
            .split('\r\n')
            .slice(1)
            .join('\r\n'),
        ),
      );
    }
    // Broken encoding: bytes that are not UTF-8 (Latin-1 "é" and a lone continuation byte).
    rows.push(
      Buffer.concat([
        Buffer.from('ENC-1,Module,Caf'),
        Buffer.from([0xe9, 0x80]),
        Buffer.from(' module,'),
      ]),
    );
    rows.push(
      Buffer.from(
        `Online module over koffie en gastvrijheid in het mbo.,,,,CC-BY-SA-4.0,,e-learning,Leest,1,ects,worker,formal,online,micro-credential\r\n`,
      ),
    );
    expected.set('rij 1002', [
      'title',
      'Deze tekst bevat tekens die niet konden worden gelezen (�). Sla het bestand op als CSV UTF-8 en importeer opnieuw.',
    ]);
    // Published, so a row without what publishing needs is one of the bad ones (as a draft it
    // would be written).
    const job = await runImport(t, lead, ppsId, Buffer.concat(rows), { publish: true });
    expect(job.status).toBe('done');
    expect(job.totals.failed).toBe(bad.length + 1);
    expect(job.totals.created).toBe(1000 - bad.length);
    const report = await reportOf(t, lead, job.id);
    const errors = report.filter((line) => line.severity === 'error');
    for (const [label, [field, message]] of expected) {
      const lines = errors.filter((line) => line.row === label);
      expect({ label, lines: lines.map((line) => `${line.field}: ${line.message}`) }).toEqual({
        label,
        lines: expect.arrayContaining([
          typeof message === 'string'
            ? `${field}: ${message}`
            : expect.stringMatching(
                new RegExp(`^${field.replace(/\./g, '\\.')}: ${message.source.replace(/^\^/, '')}`),
              ),
        ]),
      });
    }
    // Every error line belongs to one of the bad rows; every line names the value it found.
    expect(new Set(errors.map((line) => line.row))).toEqual(new Set(expected.keys()));
    expect(errors.find((line) => line.field === 'module.studyLoad.value')?.value).toBe('veertig');
  });

  it('refuses a file whose header names an unknown column, importing nothing', async () => {
    const before = (await assetsOf(ppsId)).totalItems;
    const job = await runImport(
      t,
      lead,
      ppsId,
      csv(['Soort', 'Titl', 'summary'], [['Module', 'x', 'y']]),
    );
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/kolom 2 heeft een onbekende naam; bedoelt u "Titel"\?/);
    const report = await reportOf(t, lead, job.id);
    expect(report[0]).toMatchObject({ severity: 'warning', field: 'Titl', value: 'Titl' });
    expect((await assetsOf(ppsId)).totalItems).toBe(before);
  });

  it('reads .xlsx: an empty sheet is reported, a formula cell refused, the rest imported', async () => {
    const workbook = new Workbook();
    workbook.addWorksheet('Leeg');
    const sheet = workbook.addWorksheet('Modules');
    const { header, row } = moduleRow('XLSX-1', 'Spreadsheetmodule Lassen');
    sheet.addRow(header);
    sheet.addRow(header.map((column) => row[column]));
    const formula = moduleRow('XLSX-2', 'x');
    const cells = header.map((column) => formula.row[column]) as unknown[];
    cells[header.indexOf('title')] = { formula: 'CONCAT("Las","module")', result: 'Lasmodule' };
    sheet.addRow(cells);
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    const job = await runImport(t, lead, ppsId, body, { type: XLSX });
    expect(job.totals).toMatchObject({ created: 1, failed: 1 });
    const report = await reportOf(t, lead, job.id);
    expect(report).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          severity: 'warning',
          row: 'Leeg',
          message: 'dit werkblad bevat geen rijen',
        }),
        expect.objectContaining({
          severity: 'error',
          row: 'Modules, rij 3',
          field: 'title',
          message: expect.stringMatching(/formule/),
        }),
      ]),
    );
  });

  it('reads JSON Lines and multipart uploads; hostile lines are reported, not fatal', async () => {
    const good = {
      ...moduleBody(ppsId, { title: 'JSON-regelmodule Koudetechniek' }),
      sourceId: 'JSON-1',
    };
    const lines = [
      JSON.stringify(good),
      JSON.stringify({ ...good, sourceId: 'JSON-2', title: 'Met \u0000 NUL' }),
      '{"kind": "module", "title": ',
      `${'['.repeat(5000)}${']'.repeat(5000)}`,
      JSON.stringify({ ...good, sourceId: 'JSON-3', levels: ['Mbo niveau 2'], ppsId: otherPps }),
      'x'.repeat(1_100_000),
    ].join('\n');
    const started = await t
      .http()
      .post(`/api/v1/imports?ppsId=${ppsId}`)
      .set(bearer(lead))
      .attach('file', Buffer.from(lines), {
        filename: 'catalogus.jsonl',
        contentType: 'application/octet-stream',
      })
      .expect(202);
    expect(started.body).toMatchObject({
      format: 'jsonl',
      fileName: 'catalogus.jsonl',
      status: 'queued',
    });
    const job = await finished(t, lead, started.body.id);
    expect(job.totals).toMatchObject({ created: 2, failed: 4 });
    const report = await reportOf(t, lead, job.id);
    const errors = report.filter((line) => line.severity === 'error');
    expect(errors.map((line) => `${line.row} ${line.field ?? ''} ${line.message}`)).toEqual([
      expect.stringMatching(/^regel 2 title Deze tekst bevat een teken dat niet kan/),
      expect.stringMatching(/^regel 3 {2}Deze regel is geen geldige JSON/),
      'regel 4  Zet op elke regel één bouwsteen als JSON-object: {"kind": …}.',
      'regel 6  Deze regel is langer dan een regel mag zijn (1.048.576 bytes). Maak de teksten van deze bouwsteen korter.',
    ]);
  });

  it('checks "dit bestaat al" for new rows and puts the findings in the report', async () => {
    const original = await t.publish(
      otherLead,
      moduleBody(otherPps, {
        title: 'Veilig werken met collaboratieve robots',
        summary:
          'Online module over risicoanalyse en veilig samenwerken met cobots op de werkvloer.',
        keywords: ['cobot', 'robotica', 'veiligheid'],
      }),
    );
    await t.indexed();
    const file = moduleCsv([
      moduleRow('SIM-1', 'Veilig samenwerken met cobots', {
        summary:
          'E-learning over risicoanalyse en veilig werken met collaboratieve robots op de werkvloer.',
        keywords: 'cobot; robotica; veiligheid',
      }),
    ]);
    const job = await runImport(t, lead, ppsId, file);
    expect(job.totals).toMatchObject({ created: 1, similar: 1 });
    const [finding] = (await reportOf(t, lead, job.id)).filter(
      (line) => line.severity === 'similar',
    );
    expect(finding).toMatchObject({
      row: 'rij 2',
      sourceId: 'SIM-1',
      similarAssetId: original.id,
      message: expect.stringMatching(
        /^Dit bestaat al: "Veilig werken met collaboratieve robots" van House of Logistics/,
      ),
    });
    expect(finding.assetId).toEqual(expect.any(String));
    // The import's page links the line to the block it found, and names no empty column.
    const browser = new PageBrowser(t);
    await browser.signIn(lead);
    const page = html(await browser.get(`/mijn-pps/importeren/${job.id}`));
    const link = page
      .querySelectorAll('td[data-label="Melding"] a')
      .find((a) => a.text.startsWith('Dit bestaat al'));
    expect(link?.getAttribute('href')).toBe(`/bouwstenen/${original.id}`);
    const row = link!.closest('tr')!;
    expect(row.querySelector('td:nth-child(3)')!.text).toBe('');
    expect(row.querySelector('td:nth-child(3)')!.hasAttribute('data-label')).toBe(false);
  });

  it('refers to blocks by their own code, earlier in the same file', async () => {
    const file = [
      JSON.stringify({
        ...moduleBody(ppsId, { title: 'Module voor de leerlijn' }),
        sourceId: 'REF-MOD',
      }),
      JSON.stringify({
        ...curriculumBody(ppsId, { title: 'Leerlijn met eigen codes' }),
        sourceId: 'REF-CUR',
        curriculum: { creboCodes: ['25923'], moduleIds: ['REF-MOD'] },
      }),
    ].join('\n');
    const dry = await runImport(t, lead, ppsId, file, { type: JSONL, dryRun: true });
    expect(dry.totals).toMatchObject({ created: 2, failed: 0 });
    const job = await runImport(t, lead, ppsId, file, { type: JSONL });
    expect(job.totals).toMatchObject({ created: 2, failed: 0 });
    const { items } = await assetsOf(ppsId);
    const module = items.find((item) => item.title === 'Module voor de leerlijn')!;
    const curriculum = items.find((item) => item.title === 'Leerlijn met eigen codes')!;
    const detail = await detailOf(curriculum.id);
    expect(detail.curriculum.moduleIds).toEqual([module.id]);
  });

  it('refers to codes further down the file too; a code no row has, or rows waiting on each other, are reported', async () => {
    const module = (sourceId: string, prerequisites: string[] = []) => {
      const body = moduleBody(ppsId, { title: `Module ${sourceId}` });
      return JSON.stringify({
        ...body,
        sourceId,
        module: {
          ...(body.module as object),
          ...(prerequisites.length ? { prerequisites: { moduleIds: prerequisites } } : {}),
        },
      });
    };
    const file = [
      // A curriculum above its modules, and a chain: FWD-A needs FWD-B, which needs FWD-C.
      JSON.stringify({
        ...curriculumBody(ppsId, { title: 'Leerlijn boven haar modules' }),
        sourceId: 'FWD-CUR',
        curriculum: { creboCodes: ['25923'], moduleIds: ['FWD-A', 'FWD-C'] },
      }),
      module('FWD-A', ['FWD-B']),
      module('FWD-B', ['FWD-C']),
      module('FWD-NOPE', ['FWD-MISSING']),
      module('FWD-X', ['FWD-Y']),
      module('FWD-Y', ['FWD-X']),
      module('FWD-C'),
      // Waits on a row that itself fails: said apart from a kring and from a missing code.
      module('FWD-P', ['FWD-NOPE']),
    ].join('\n');
    const dry = await runImport(t, lead, ppsId, file, { type: JSONL, dryRun: true });
    expect(dry.totals).toMatchObject({ created: 4, failed: 4 });
    const job = await runImport(t, lead, ppsId, file, { type: JSONL });
    expect(job.totals).toMatchObject({ created: 4, failed: 4 });
    const errors = (await reportOf(t, lead, job.id)).filter((line) => line.severity === 'error');
    // Each line's first sentence: what is wrong (the second says what to do).
    const cycle =
      'Deze rij en de rij met deze code verwijzen in een kring naar elkaar, dus geen van beide is ingelezen';
    expect(
      errors.map((line) => [line.row, line.value, line.message.split('. ')[0]]).sort(),
    ).toEqual([
      ['regel 4', 'FWD-MISSING', 'Geen bouwsteen van deze PPS heeft deze eigen code'],
      ['regel 5', 'FWD-Y', cycle],
      ['regel 6', 'FWD-X', cycle],
      [
        'regel 8',
        'FWD-NOPE',
        'De rij met deze eigen code is zelf niet ingelezen (zie de melding bij die rij)',
      ],
    ]);
    const { items } = await assetsOf(ppsId);
    const id = (code: string) => items.find((item) => item.title === `Module ${code}`)!.id;
    const curriculum = items.find((item) => item.title === 'Leerlijn boven haar modules')!;
    const detail = await detailOf(curriculum.id);
    expect(detail.curriculum.moduleIds).toEqual([id('FWD-A'), id('FWD-C')]);
    const a = await detailOf(id('FWD-A'));
    expect(a.module.prerequisites.moduleIds).toEqual([id('FWD-B')]);
  });

  it('round-trips export → import in every format without a change', async () => {
    const pps = await t.ppsId('Lelytalent');
    const owner = await t.user('pps-editor', [pps]);
    const tricky = 'Punt; komma, streep | en \\ backslash';
    await t.publish(
      owner,
      moduleBody(pps, {
        title: '-Module die met een streepje begint',
        keywords: ['a;b', 'c|d', 'e,f'],
        contacts: [
          { role: tricky, name: 'Team', email: 'team@example.nl', phone: '+31 20 123 4567' },
        ],
        links: [{ title: tricky, url: 'https://example.nl/a?b=c;d', type: 'video' }],
        module: {
          ...(moduleBody(pps).module as object),
          learningOutcomes: [
            { text: tricky, escoUri: 'http://data.europa.eu/esco/skill/abc' },
            { text: 'Tweede uitkomst' },
          ],
          offerings: [
            { period: { start: '2026-09-01', end: '2026-12-01' }, location: 'Almere', seats: 12 },
          ],
          stackable: false,
          assessment: { type: 'praktijkopdracht', description: 'Op de werkplek' },
          prerequisites: { description: 'Basis' },
        },
      }),
    );
    await t.http().post('/api/v1/assets').set(bearer(owner)).send(curriculumBody(pps)).expect(201);
    await t.publish(owner, infrastructureBody(pps));
    await t.publish(owner, practiceBody(pps));
    const snapshot = async () => {
      const { items } = await assetsOf(pps, owner);
      const details = await Promise.all(
        items.map((item) =>
          t
            .http()
            .get(`/api/v1/assets/${item.id}`)
            .set(bearer(owner))
            .then((r) => r.body),
        ),
      );
      return details
        .map(({ updatedAt: _u, revision: _r, version: _v, sourceId: _s, ...rest }) => rest)
        .sort((a, b) => a.id.localeCompare(b.id));
    };
    const before = await snapshot();
    expect(before).toHaveLength(4);
    await expectRoundTrip(owner, pps, 4, ['jsonl', 'csv', 'xlsx']);
    expect(await snapshot()).toEqual(before);
  });

  it('round-trips blocks with every field filled, with the optional ones empty, and with odd values, unchanged in every format', async () => {
    const pps = await t.ppsId('Techniek leerwerkpleinen');
    const owner = await t.user('pps-editor', [pps]);
    const organisationId = (await t.http().get(`/api/v1/pps/${pps}`).expect(200)).body
      .leadInstitution.id;
    const moduleId = (await t.publish(owner, minimalBody('module', pps))).id;
    const refs = {
      organisationId,
      moduleId,
      curriculumId: (await t.publish(owner, minimalBody('curriculum', pps, moduleId))).id,
    };
    const module = minimalBody('module', pps);
    const details = module.module as Record<string, unknown>;
    // What the pages, the API and the codec could each write differently from the cell.
    const odd: Record<string, unknown>[] = [
      { ...module, description: '  Ingesprongen\r\nmet regels uit een formulier \r\n' },
      { ...module, description: '', contacts: [{ role: 'Rol', name: '' }] },
      { ...module, keywords: [' voor', 'na ', 'midden in'] },
      { ...module, description: "'t Gooi, 's-Hertogenbosch en ''dubbel''" },
      { ...module, description: '=geen formule\tmet tab, Cafe\u0301 en 🚜' },
      {
        ...module,
        module: {
          ...details,
          learningOutcomes: [{ text: 'Eerste uitkomst ' }],
          assessment: { type: 'toets', description: '' },
          prerequisites: {},
          offerings: [{ period: {} }, { period: {}, location: 'Almere' }],
          price: { amountCents: 0, currency: 'EUR' },
          studyLoad: { value: 1234.56, unit: 'sbu' },
          stackable: false,
        },
      },
      { ...module, module: { ...details, offerings: [] } },
      {
        ...minimalBody('curriculum', pps),
        curriculum: {
          creboCodes: ['25923'],
          coreTasks: [{ code: 'B1-K1', title: 'T', workProcesses: [] }],
          qualifications: [],
        },
      },
      {
        ...minimalBody('infrastructure', pps),
        infrastructure: {
          model: 'central',
          natures: ['physical'],
          locations: [
            {
              name: 'Greenwich',
              address: { city: 'Londen', country: 'GB' },
              lat: 51.4779,
              lng: -0.0000001,
            },
          ],
        },
      },
      {
        ...minimalBody('practice', pps),
        practice: { problem: 'Een', approach: 'Twee', period: {} },
      },
    ];
    const kinds = ['module', 'curriculum', 'infrastructure', 'practice'] as const;
    for (const body of [
      ...kinds.map((kind) => fullBody(kind, pps, refs)),
      ...kinds.map((kind) => minimalBody(kind, pps)),
      ...odd.map((body) => ({ ...body, title: `${body.title} ${Math.random()}` })),
    ])
      await t.http().post('/api/v1/assets').set(bearer(owner)).send(body).expect(201);
    const snapshot = async () => {
      const { items } = await assetsOf(pps, owner);
      const all = await Promise.all(
        items.map(
          async (item) =>
            (await t.http().get(`/api/v1/assets/${item.id}`).set(bearer(owner)).expect(200)).body,
        ),
      );
      return all.sort((a, b) => a.id.localeCompare(b.id));
    };
    const before = await snapshot();
    expect(before).toHaveLength(20);
    await expectRoundTrip(owner, pps, 20, ['csv', 'xlsx', 'jsonl']);
    expect(await snapshot()).toEqual(before);
  });

  it('lets a PPS lead import into their own PPS only, and shows an import to its people only', async () => {
    const file = moduleCsv([moduleRow('PERM-1', 'Rechtenmodule')]);
    const post = (user: TestUser | undefined, pps: string) =>
      t
        .http()
        .post(`/api/v1/imports?ppsId=${pps}`)
        .set(bearer(user))
        .set('Content-Type', 'text/csv')
        .send(file);
    expect((await post(undefined, ppsId)).status).toBe(401);
    expect((await post(teacher, ppsId)).status).toBe(403);
    expect((await post(otherLead, ppsId)).status).toBe(403);
    const byAdmin = await post(admin, ppsId).expect(202);
    await finished(t, admin, byAdmin.body.id);
    const mine = await post(lead, ppsId).expect(202);
    await finished(t, lead, mine.body.id);
    await t.http().get(`/api/v1/imports/${mine.body.id}`).set(bearer(otherLead)).expect(404);
    await t.http().get(`/api/v1/imports/${mine.body.id}/report`).set(bearer(otherLead)).expect(404);
    await t.http().get(`/api/v1/imports/${byAdmin.body.id}`).set(bearer(lead)).expect(200);
    const listed = await t.http().get('/api/v1/imports').set(bearer(otherLead)).expect(200);
    expect(listed.body.items.map((job: { id: string }) => job.id)).not.toContain(mine.body.id);
    const unknownPps = await post(admin, '00000000-0000-4000-8000-000000000001').expect(400);
    expect(unknownPps.body.errors[0].field).toBe('ppsId');
    const wrongType = await t
      .http()
      .post(`/api/v1/imports?ppsId=${ppsId}`)
      .set(bearer(lead))
      .set('Content-Type', 'application/pdf')
      .send(Buffer.from('%PDF'))
      .expect(415);
    expect(wrongType.body.code).toBe('import-unsupported-format');
    const charset = await t
      .http()
      .post(`/api/v1/imports?ppsId=${ppsId}`)
      .set(bearer(lead))
      .set('Content-Type', 'text/csv; charset=windows-1252')
      .send(file)
      .expect(415);
    expect(charset.body.code).toBe('unsupported-charset');
    // Export: anyone gets what is published, drafts only their editors.
    const anonymous = await t.http().get(`/api/v1/exports?format=jsonl&ppsId=${ppsId}`).expect(200);
    const asLead = await t
      .http()
      .get(`/api/v1/exports?format=jsonl&ppsId=${ppsId}`)
      .set(bearer(lead))
      .expect(200);
    const count = (text: string) => text.split('\n').filter(Boolean).length;
    expect(count(asLead.text)).toBeGreaterThan(count(anonymous.text));
    expect(anonymous.text).not.toContain('Rechtenmodule');
  });

  it('cancels a running import after its current batch', async () => {
    const rows = Array.from({ length: 6000 }, (_, index) =>
      JSON.stringify({
        ...moduleBody(ppsId, { title: `Annuleermodule ${index}` }),
        sourceId: `CANCEL-${index}`,
      }),
    ).join('\n');
    const started = await t
      .http()
      .post(`/api/v1/imports?ppsId=${ppsId}`)
      .set(bearer(lead))
      .set('Content-Type', JSONL)
      .send(rows)
      .expect(202);
    await t.http().post(`/api/v1/imports/${started.body.id}/cancel`).set(bearer(lead)).expect(202);
    const job = await finished(t, lead, started.body.id);
    expect(job.status).toBe('cancelled');
    expect(job.totals.created).toBeLessThan(6000);
    await t.http().post(`/api/v1/imports/${started.body.id}/cancel`).set(bearer(lead)).expect(409);
  });

  it('imports and exports from the command line, through the API with a token', async () => {
    ensureBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'bouwsteen-cli-'));
    const token = await t
      .http()
      .post('/api/v1/me/tokens')
      .set(bearer(lead))
      .send({ name: 'import' })
      .expect(201);
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const env = {
      BOUWSTEEN_API_URL: `http://127.0.0.1:${port}`,
      BOUWSTEEN_TOKEN: token.body.token,
    };
    const file = join(dir, 'catalogus.csv');
    writeFileSync(
      file,
      moduleCsv([moduleRow('CLI-1', 'Module via de opdrachtregel'), moduleRow('CLI-2', 'ab')]),
    );
    const cli = (args: string[], extra: Record<string, string> = env) =>
      run('node', ['dist/apps/cli/src/main.js', ...args], extra);
    const first = cli(['import', file, '--pps', ppsId, '--quiet']);
    expect(await first.exited).toBe(3);
    expect(first.output()).toContain('nieuw 1, bijgewerkt 0, ongewijzigd 0');
    expect(first.output()).toContain(
      'fout   rij 3, title: Gebruik minstens 3 tekens. (gevonden: "ab")',
    );
    const exported = join(dir, 'export.jsonl');
    const exporting = cli(['export', '--pps', ppsId, '--format', 'jsonl', '--out', exported]);
    expect(await exporting.exited).toBe(0);
    expect(readFileSync(exported, 'utf8')).toContain('Module via de opdrachtregel');
    const again = cli(['import', exported, '--pps', ppsId, '--quiet', '--dry-run']);
    expect(await again.exited).toBe(0);
    expect(again.output()).toMatch(/nieuw 0, bijgewerkt 0, ongewijzigd \d+/);
    // The token is read from a file only when others cannot read it.
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, token.body.token);
    chmodSync(tokenFile, 0o644);
    const open = cli(['import', file, '--pps', ppsId, '--quiet'], {
      BOUWSTEEN_API_URL: env.BOUWSTEEN_API_URL,
      BOUWSTEEN_TOKEN_FILE: tokenFile,
    });
    expect(await open.exited).toBe(1);
    expect(open.output()).toContain('may be read by others');
    const foreign = cli(['import', file, '--pps', otherPps, '--quiet']);
    expect(await foreign.exited).toBe(1);
    expect(foreign.output()).toContain('403');
  });

  it('serves a template per kind with Dutch headers, dropdowns and an explanation sheet', async () => {
    const response = await t
      .http()
      .get('/api/v1/imports/templates/module.xlsx')
      .buffer(true)
      .parse(asBytes)
      .expect(200);
    expect(response.headers['content-type']).toContain(XLSX);
    const workbook = new Workbook();
    const bytes = response.body as Buffer;
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Modules',
      'Keuzelijsten',
      'Toelichting',
    ]);
    const sheet = workbook.getWorksheet('Modules')!;
    // Row 1 in Dutch for the person; row 2, hidden, the API's paths; no kind (every row is a module).
    const labels = (sheet.getRow(1).values as string[]).slice(1);
    const header = (sheet.getRow(2).values as string[]).slice(1);
    expect(labels).toEqual(
      expect.arrayContaining(['Eigen code', 'Titel', columnNamed('module.studyLoad.unit')!.label]),
    );
    expect(header).toEqual(expect.arrayContaining(['sourceId', 'title', 'module.studyLoad.unit']));
    expect(header).not.toContain('kind');
    expect(labels.indexOf('Titel')).toBe(header.indexOf('title'));
    expect(sheet.getRow(2).hidden).toBe(true);
    const levelColumn = header.indexOf('module.learningMode') + 1;
    expect(sheet.getCell(3, levelColumn).dataValidation).toMatchObject({ type: 'list' });
    const explanation = workbook.getWorksheet('Toelichting')!;
    const names = explanation.getColumn(5).values as string[];
    expect(names).toEqual(expect.arrayContaining(['module.learningOutcomes', 'sourceId']));
    // How much each column is needed follows the drafts' and the publish step's rules.
    const need = (name: string) => explanation.getCell(names.indexOf(name), 2).value;
    expect(need('title')).toBe('verplicht');
    expect(need('summary')).toBe('nodig om te publiceren');
    expect(need('module.studyLoad.value')).toBe('nodig om te publiceren');
    expect(need('keywords')).toBe('nodig om te publiceren');
    expect(need('description')).toBe('');
    await t.http().get('/api/v1/imports/templates/boek.xlsx').expect(404);
    await t.http().get('/api/v1/imports/templates/module.pdf').expect(404);
    // A template filled in and uploaded as it is imports its row.
    const filled = await workbook.xlsx.writeBuffer();
    const empty = await runImport(t, lead, ppsId, Buffer.from(filled), { type: XLSX });
    expect(empty.totals.created).toBe(0);
  });

  it('an import that publishes reports every missing answer of a row at once; without publishing the row is a draft', async () => {
    const row = (code: string) =>
      JSON.stringify({
        kind: 'practice',
        sourceId: code,
        title: unique('Praktijk uit een import'),
      });
    const published = await runImport(t, lead, ppsId, `${row('GATE-1')}\n`, {
      type: 'application/x-ndjson',
      publish: true,
    });
    const job = await finished(t, lead, published.id);
    expect(job.totals).toMatchObject({ created: 0, failed: 1 });
    const lines = await reportOf(t, lead, published.id);
    expect(lines.map((line) => line.field).sort()).toEqual(
      [
        'summary',
        'keywords',
        'sectors',
        'levels',
        'license',
        'contacts',
        'practice.problem',
        'practice.approach',
      ].sort(),
    );
    // What pasting brings is made plain text first: a summary of zero-width spaces is empty.
    const invisible = await runImport(
      t,
      lead,
      ppsId,
      `${JSON.stringify({
        kind: 'practice',
        sourceId: 'GATE-3',
        title: unique('Praktijk met een lege samenvatting'),
        summary: '\u200b'.repeat(12),
        keywords: ['hybride docent'],
        sectors: ['techniek'],
        levels: ['mbo-3'],
        license: 'CC-BY-4.0',
        contacts: [{ role: 'Projectleider', name: 'Team docenten' }],
        practice: { problem: 'Te weinig docenten.', approach: 'Monteurs geven les.' },
      })}\n`,
      { type: 'application/x-ndjson', publish: true },
    );
    expect((await finished(t, lead, invisible.id)).totals).toMatchObject({ failed: 1 });
    expect((await reportOf(t, lead, invisible.id)).map((line) => line.field)).toEqual(['summary']);
    // One round: a row's own mistakes and what publishing needs, all in the same report.
    const many = await runImport(
      t,
      lead,
      ppsId,
      `${JSON.stringify({
        kind: 'practice',
        sourceId: 'GATE-4',
        title: 'ab',
        levels: ['mbo niveau 9'],
        keywords: Array.from({ length: 31 }, (_, n) => `woord${n}`),
        practice: { problem: 'Te weinig docenten.' },
      })}\n`,
      { type: 'application/x-ndjson', publish: true },
    );
    expect((await finished(t, lead, many.id)).totals).toMatchObject({ failed: 1 });
    expect((await reportOf(t, lead, many.id)).map((line) => line.field).sort()).toEqual(
      [
        'keywords',
        'levels',
        'license',
        'practice.approach',
        'summary',
        'title',
        'sectors',
        'contacts',
      ].sort(),
    );
    const drafted = await runImport(t, lead, ppsId, `${row('GATE-2')}\n`, {
      type: 'application/x-ndjson',
      publish: false,
    });
    expect((await finished(t, lead, drafted.id)).totals).toMatchObject({
      created: 1,
      failed: 0,
    });
  });
});
