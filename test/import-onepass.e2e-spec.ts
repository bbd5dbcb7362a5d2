import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { FieldCode } from '@bouwsteen/common/pure';
import { dutchMessage } from '@bouwsteen/taxonomy/pure';
import { rowXml, writeXlsx } from './fixtures/xlsx-builder';
import { curriculumWith, moduleBody, practiceBody } from './harness/fixtures';
import { ImportJob, ReportLine, csv, finished, reportOf, runImport } from './harness/imports';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const JSONL = 'application/x-ndjson';
/** Words of the English a parser or a rule might leak into a report or a page. */
const ENGLISH = /\b(Unexpected|token|position|Expected|must|should|the|is not|invalid)\b/;

/**
 * An import report in one pass: every problem of every row at once (its shape and what only
 * the database knows), in the dry run as in the real run; a workbook whose sheets' headers
 * are all checked before a row is written, and a file that breaks off saying what it wrote;
 * a dry run that says what publishing will ask; Dutch that says what to do.
 */
describe('an import reports everything in one pass (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let lead: TestUser;
  let ppsId: string;
  let dir: string;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    await t.startWorker();
    db = t.app.get(DataSource);
    ppsId = await t.ppsId('Techport mbo');
    lead = await t.user('pps-editor', [ppsId]);
    dir = mkdtempSync(join(tmpdir(), 'bouwsteen-onepass-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  const jsonl = (rows: Record<string, unknown>[]) =>
    rows.map((row) => JSON.stringify(row)).join('\n');
  /** Each error line as [row, field, message], in the report's order. */
  const errorsOf = async (job: ImportJob) =>
    (await reportOf(t, lead, job.id))
      .filter((line) => line.severity === 'error')
      .map((line) => [line.row, line.field, line.message]);
  const codesIn = async (codes: string[]): Promise<string[]> =>
    (
      await db.query(
        `SELECT source_id FROM asset WHERE pps_id = $1 AND source_id = ANY($2) ORDER BY 1`,
        [ppsId, codes],
      )
    ).map((row: { source_id: string }) => row.source_id);
  const expectDutch = (job: ImportJob, lines: ReportLine[]) => {
    for (const text of [job.error ?? '', ...lines.map((line) => line.message)])
      expect(text).not.toMatch(ENGLISH);
  };

  it('reports a row’s own mistakes and what only the database knows together, in the dry run and the real run', async () => {
    const file = jsonl([
      // A mistake in the row and a module that does not exist.
      { ...curriculumWith(ppsId, [randomUUID()], { title: 'ab' }), sourceId: 'ONE-CUR-1' },
      // A study load below the least, and an organisation that does not exist.
      {
        ...moduleBody(ppsId, {
          contacts: [{ role: 'Projectleider', organisationId: randomUUID() }],
        }),
        module: { ...(moduleBody(ppsId).module as object), studyLoad: { value: 0, unit: 'ects' } },
        sourceId: 'ONE-MOD-1',
      },
      // A mistake in the row and an id no block of the PPS has.
      { ...moduleBody(ppsId, { title: 'ab' }), id: randomUUID(), sourceId: 'ONE-MOD-2' },
      // A value outside the list and a module further down: only the value is wrong.
      {
        ...curriculumWith(ppsId, ['ONE-MOD-3'], { levels: ['mbo niveau 9'] }),
        sourceId: 'ONE-CUR-2',
      },
      { ...practiceBody(ppsId), sourceId: 'ONE-PRA' },
      // A mistake in the row and a "module" that is a good practice of this file.
      { ...curriculumWith(ppsId, ['ONE-PRA'], { title: 'ab' }), sourceId: 'ONE-CUR-3' },
      { ...moduleBody(ppsId), sourceId: 'ONE-MOD-3' },
    ]);
    const expected = [
      ['regel 1', 'title', dutchMessage('minLength', { min: 3 })],
      ['regel 1', 'curriculum.moduleIds.0', dutchMessage(FieldCode.UnknownAsset)],
      ['regel 2', 'module.studyLoad.value', dutchMessage('min', { min: 0.25 })],
      ['regel 2', 'contacts.0.organisationId', dutchMessage(FieldCode.UnknownOrganisation)],
      ['regel 3', 'title', dutchMessage('minLength', { min: 3 })],
      ['regel 3', 'id', dutchMessage(FieldCode.UnknownAssetInPps)],
      ['regel 4', 'levels', expect.stringMatching(/^Kies een waarde uit: /)],
      [
        'regel 6',
        'curriculum.moduleIds.0',
        dutchMessage(FieldCode.WrongKind, { expected: 'module', kind: 'practice' }),
      ],
      ['regel 6', 'title', dutchMessage('minLength', { min: 3 })],
    ];
    const sorted = (lines: unknown[][]) =>
      [...lines].sort((a, b) => `${a[0]} ${a[1]}`.localeCompare(`${b[0]} ${b[1]}`));
    const dry = await runImport(t, lead, ppsId, file, { type: JSONL, dryRun: true });
    expect(dry.totals).toMatchObject({ created: 2, failed: 5 });
    expect(sorted(await errorsOf(dry))).toEqual(sorted(expected));
    const real = await runImport(t, lead, ppsId, file, { type: JSONL });
    expect(real.totals).toMatchObject({ created: 2, failed: 5 });
    expect(sorted(await errorsOf(real))).toEqual(sorted(expected));
    expect(await codesIn(['ONE-MOD-3', 'ONE-PRA', 'ONE-CUR-1', 'ONE-CUR-2'])).toEqual([
      'ONE-MOD-3',
      'ONE-PRA',
    ]);
  });

  it('checks every sheet’s header before it writes a row: a bad second sheet stops the whole file', async () => {
    const path = join(dir, 'two-sheets.xlsx');
    await writeXlsx(path, [
      {
        name: 'Modules',
        rows: () => [
          rowXml(1, ['Eigen code', 'Titel']),
          rowXml(2, ['SHEET-MOD-1', 'Lassen uit het eerste blad']),
        ],
      },
      {
        name: 'Curricula',
        rows: () => [
          rowXml(1, ['Eigen code', 'Titl', 'Eigen code']),
          rowXml(2, ['SHEET-CUR-1', 'Leerlijn uit het tweede blad']),
        ],
      },
    ]);
    for (const dryRun of [true, false]) {
      const job = await runImport(t, lead, ppsId, readFileSync(path), { type: XLSX, dryRun });
      expect(job).toMatchObject({
        status: 'failed',
        totals: expect.objectContaining({ created: 0, failed: 0 }),
      });
      expect(job.error).toMatch(
        /^Het bestand is niet ingelezen: kolom 2 van blad "Curricula" heeft een onbekende naam; bedoelt u "Titel"\?.* Zie het verslag voor nog 1 probleem\.$/,
      );
      const lines = await reportOf(t, lead, job.id);
      expect(lines.map((line) => [line.row, line.field])).toEqual([
        ['Curricula', 'Titl'],
        ['Curricula', 'Eigen code'],
      ]);
      expect(lines[1].message).toMatch(
        /^kolom 3 \("Eigen code"\) van blad "Curricula" is dezelfde kolom als kolom 1; haal er een weg/,
      );
      expectDutch(job, lines);
    }
    expect(await codesIn(['SHEET-MOD-1', 'SHEET-CUR-1'])).toEqual([]);
  });

  it('says exactly what it wrote when a file breaks off after rows were written', async () => {
    const path = join(dir, 'broken.xlsx');
    await writeXlsx(path, [
      {
        name: 'Modules',
        rows: () => [
          rowXml(1, ['Eigen code', 'Titel', 'module.prerequisites.moduleIds']),
          rowXml(2, ['BROKEN-1', 'Lassen voor de breuk', '']),
          // Wait for codes further down: one read before the break, one after it.
          rowXml(3, ['BROKEN-2', 'Solderen na BROKEN-4', 'BROKEN-4']),
          rowXml(4, ['BROKEN-5', 'Meten na BROKEN-3', 'BROKEN-3']),
        ],
      },
      {
        name: 'Meer modules',
        rows: () => [
          rowXml(1, ['Soort', 'Eigen code', 'Titel']),
          rowXml(2, ['Module', 'BROKEN-3', 'Meten in het tweede blad']),
          '<row r="0"></row>',
          rowXml(4, ['Module', 'BROKEN-4', 'Regelen na de breuk']),
        ],
      },
    ]);
    for (const dryRun of [true, false]) {
      const job = await runImport(t, lead, ppsId, readFileSync(path), { type: XLSX, dryRun });
      expect(job.status).toBe('failed');
      expect(job.error).toBe(
        'Het bestand is maar voor een deel ingelezen: Meer modules heeft een rij zonder geldig nummer. ' +
          'De rijen tot en met Meer modules, rij 2 zijn verwerkt (zie de totalen en het verslag); wat daarna komt niet.',
      );
      expect(job.totals).toMatchObject({ created: 3, failed: 1 });
      const lines = await reportOf(t, lead, job.id);
      expect(lines.filter((line) => line.severity === 'error')).toEqual([
        expect.objectContaining({
          row: 'Modules, rij 3',
          sourceId: 'BROKEN-2',
          field: 'module.prerequisites.moduleIds',
          value: 'BROKEN-4',
          message: dutchMessage(FieldCode.ReadStoppedBeforeReference),
        }),
      ]);
      expectDutch(job, lines);
    }
    expect(await codesIn(['BROKEN-1', 'BROKEN-2', 'BROKEN-3', 'BROKEN-4', 'BROKEN-5'])).toEqual([
      'BROKEN-1',
      'BROKEN-3',
      'BROKEN-5',
    ]);
  });

  it('says in a dry run what publishing will ask, with the messages the real import gives', async () => {
    const file = jsonl([
      { kind: 'practice', sourceId: 'GAP-1', title: 'Praktijk zonder antwoorden' },
      { ...moduleBody(ppsId), sourceId: 'GAP-MOD' },
      // Built of a module of this file: the dry run knows it will be there.
      { ...curriculumWith(ppsId, ['GAP-MOD']), sourceId: 'GAP-CUR' },
    ]);
    const gaps = (lines: ReportLine[], severity: string) =>
      lines
        .filter((line) => line.severity === severity && line.row !== null)
        .map((line) => [line.row, line.sourceId, line.field, line.message])
        .sort();
    const expected = [
      'summary',
      'keywords',
      'sectors',
      'levels',
      'license',
      'contacts',
      'practice.problem',
      'practice.approach',
    ].map((field) => ['regel 1', 'GAP-1', field, dutchMessage(FieldCode.NeededToPublish)]);
    // A dry run for drafts: the rows would go in, and what publishing needs is said beside them.
    const dry = await runImport(t, lead, ppsId, file, { type: JSONL, dryRun: true });
    expect(dry.totals).toMatchObject({ created: 3, failed: 0 });
    expect(gaps(await reportOf(t, lead, dry.id), 'warning')).toEqual(expected.sort());
    // A dry run that publishes refuses the row for the same, and only for that.
    const dryPublish = await runImport(t, lead, ppsId, file, {
      type: JSONL,
      dryRun: true,
      publish: true,
    });
    expect(dryPublish.totals).toMatchObject({ created: 2, published: 2, failed: 1 });
    expect(gaps(await reportOf(t, lead, dryPublish.id), 'error')).toEqual(expected.sort());
    // "Nu echt importeren" with publishing: what the dry run said, as errors.
    const started = await t
      .http()
      .post(`/api/v1/imports/${dry.id}/run?publish=true`)
      .set(bearer(lead))
      .expect(202);
    const real = await finished(t, lead, started.body.id);
    expect(real.totals).toMatchObject({ created: 2, published: 2, failed: 1 });
    expect(gaps(await reportOf(t, lead, real.id), 'error')).toEqual(expected.sort());
  });

  it('words a line that is no JSON and a header’s problems in Dutch that says what to do', async () => {
    const job = await runImport(t, lead, ppsId, `{"kind": "module", "title": "Lassen",}\n`, {
      type: JSONL,
    });
    const [line] = await reportOf(t, lead, job.id);
    expect(line).toMatchObject({
      row: 'regel 1',
      message: dutchMessage(FieldCode.NotJson, { at: 38 }),
    });
    expect(line.message).toMatch(/^Deze regel is geen geldige JSON \(bij teken 38\)\. /);
    expectDutch(job, [line]);
    const header = await runImport(t, lead, ppsId, csv(['Soort', 'Titel', 'Titel'], []));
    expect(header.error).toMatch(
      /kolom 3 \("Titel"\) is dezelfde kolom als kolom 2; haal er een weg/,
    );
    expectDutch(header, await reportOf(t, lead, header.id));
  });

  it('shows the value found as the cell was written, never as JSON', async () => {
    const job = await runImport(
      t,
      lead,
      ppsId,
      csv(
        ['kind', 'title', 'curriculum.creboCodes', 'levels'],
        [['curriculum', 'Waarde zoals geschreven', '12;25923', 'mbo-9']],
      ),
      { dryRun: true },
    );
    const lines = (await reportOf(t, lead, job.id)).filter((line) => line.severity === 'error');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.value ?? '').not.toMatch(/[[\]{}"]/);
    expect(lines.map((line) => line.value)).toEqual(expect.arrayContaining(['12; 25923']));
  });

  it('reports in the order of the file, though a row that waited was written later', async () => {
    const job = await runImport(
      t,
      lead,
      ppsId,
      jsonl([
        { ...curriculumWith(ppsId, ['VOLGORDE-M']), sourceId: 'VOLGORDE-C', levels: ['mbo-9'] },
        { ...practiceBody(ppsId), sourceId: 'VOLGORDE-P', levels: ['mbo-8'] },
        { ...moduleBody(ppsId), sourceId: 'VOLGORDE-M' },
      ]).replace(/"ppsId":"[^"]+",?/g, ''),
      { type: JSONL },
    );
    const rows = (await reportOf(t, lead, job.id))
      .filter((line) => line.severity === 'error')
      .map((line) => line.sourceId);
    expect(rows).toEqual(['VOLGORDE-C', 'VOLGORDE-P']);
  });
});
