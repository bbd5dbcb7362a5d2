import { Workbook, Worksheet } from 'exceljs';
import { DataSource } from 'typeorm';
import { curriculumWith, moduleBody, practiceBody } from './harness/fixtures';
import { asBytes, csv, reportOf, runImport } from './harness/imports';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';
import { columnNamed } from '../libs/imports/src/columns';

/** A column's Dutch header, as the field catalogue names it. */
const label = (path: string) => columnNamed(path)!.label;
const PRICE = label('module.price');
const LOAD = label('module.studyLoad.value');

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Spreadsheets people can use: Dutch column headers (the API's paths in a second row), euros
 * instead of cents, and a template per kind whose rows need not say their kind — through the
 * real download, upload, job and report.
 */
describe('import spreadsheets in Dutch, in euros, per kind (e2e)', () => {
  let t: TestApp;
  let lead: TestUser;
  let ppsId: string;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    await t.startWorker();
    ppsId = await t.ppsId('Techport mbo');
    lead = await t.user('pps-editor', [ppsId]);
  });
  afterAll(() => t.close());

  const download = async (path: string): Promise<Buffer> =>
    (await t.http().get(path).buffer(true).parse(asBytes).expect(200)).body as Buffer;
  const workbookOf = async (bytes: Buffer): Promise<Workbook> => {
    const workbook = new Workbook();
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    return workbook;
  };
  const rowTexts = (sheet: Worksheet, row: number) =>
    (sheet.getRow(row).values as unknown[]).slice(1).map((value) => String(value ?? ''));
  /** The PPS's block with this code, as its lead reads it. */
  const bySourceId = async (code: string) => {
    const [row] = await t.app
      .get(DataSource)
      .query(`SELECT id FROM asset WHERE pps_id = $1 AND source_id = $2`, [ppsId, code]);
    expect({ code, found: Boolean(row) }).toEqual({ code, found: true });
    return (await t.http().get(`/api/v1/assets/${row.id}`).set(bearer(lead)).expect(200)).body;
  };

  it('fills in the module template as downloaded: Dutch headers, no kind column, euros in number and text cells', async () => {
    const workbook = await workbookOf(await download('/api/v1/imports/templates/module.xlsx'));
    const sheet = workbook.getWorksheet('Modules')!;
    const paths = rowTexts(sheet, 2);
    const put = (row: number, path: string, value: unknown) => {
      expect(paths).toContain(path);
      sheet.getCell(row, paths.indexOf(path) + 1).value = value as string;
    };
    put(3, 'sourceId', 'TPL-1');
    put(3, 'title', 'Lassen uit het sjabloon');
    put(3, 'module.studyLoad.value', 8);
    put(3, 'module.studyLoad.unit', 'uur');
    put(3, 'module.price', 12.5);
    put(4, 'sourceId', 'TPL-2');
    put(4, 'title', 'Solderen uit het sjabloon');
    put(4, 'module.price', '€ 1.250,00');
    put(5, 'sourceId', 'TPL-3');
    put(5, 'title', 'Meten uit het sjabloon');
    put(5, 'module.price', '1.250');
    put(6, 'sourceId', 'TPL-4');
    put(6, 'title', 'Regelen uit het sjabloon');
    put(6, 'module.price', 'twaalf euro');
    // Cents from a cell a formula's result would have: binary noise below a cent.
    put(7, 'sourceId', 'TPL-5');
    put(7, 'title', 'Rekenen uit het sjabloon');
    put(7, 'module.price', 19.99 * 3);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const job = await runImport(t, lead, ppsId, file, { type: XLSX });
    expect(job).toMatchObject({ status: 'done', error: null });
    expect(job.totals).toMatchObject({ created: 3, failed: 2 });
    const errors = (await reportOf(t, lead, job.id)).filter((line) => line.severity === 'error');
    expect(errors.map((line) => [line.row, line.field, line.value, line.message])).toEqual([
      [
        'Modules, rij 5',
        'module.price',
        '1.250',
        'Dit bedrag is niet eenduidig. Bedoelt u € 1.250,00, schrijf dan 1250; bedoelt u euro’s en centen, schrijf dan twee cijfers na de komma (zoals 12,50).',
      ],
      [
        'Modules, rij 6',
        'module.price',
        'twaalf euro',
        'Vul een bedrag in euro in, zoals 12,50 of € 1.250,00.',
      ],
    ]);
    expect(await bySourceId('TPL-1')).toMatchObject({
      kind: 'module',
      module: { price: { amountCents: 1250, currency: 'EUR' }, studyLoad: { value: 8 } },
    });
    expect((await bySourceId('TPL-2')).module.price.amountCents).toBe(125_000);
    expect((await bySourceId('TPL-5')).module.price.amountCents).toBe(5997);
  });

  it('offers every template as .xlsx and CSV: one kind without a kind column, all kinds with one', async () => {
    const all = await workbookOf(await download('/api/v1/imports/templates/all.xlsx'));
    const sheet = all.getWorksheet('Bouwstenen')!;
    const labels = rowTexts(sheet, 1);
    const paths = rowTexts(sheet, 2);
    expect(labels.slice(0, 4)).toEqual(['Bouwsteen-id', 'Eigen code', 'Soort', 'Titel']);
    expect(paths.slice(0, 4)).toEqual(['id', 'sourceId', 'kind', 'title']);
    // A label two kinds share says whose it is.
    expect(labels[paths.indexOf('curriculum.studyLoad.value')]).toMatch(/ \(curriculum\)$/);
    expect(paths).toEqual(expect.arrayContaining(['module.price', 'practice.context']));
    const templateCsv = await t.http().get('/api/v1/imports/templates/practice.csv').expect(200);
    expect(templateCsv.headers['content-disposition']).toContain('bouwsteen-sjabloon-practice.csv');
    const [dutch, api] = templateCsv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(dutch.split(';').slice(0, 3)).toEqual(['Bouwsteen-id', 'Eigen code', 'Titel']);
    expect(api.split(';')).toContain('practice.approach');
    expect(api.split(';')).not.toContain('kind');
    expect(api.split(';')).not.toContain('module.price');
    // The CSV template filled in (two rows of a practice, no kind anywhere) imports as practices.
    const cells = (values: Record<string, string>) =>
      api
        .split(';')
        .map((path) => values[path] ?? '')
        .join(';');
    const file = [
      dutch,
      api,
      cells({ sourceId: 'CSV-P1', title: 'Leren in de wijk', 'practice.problem': 'Te weinig' }),
      cells({ sourceId: 'CSV-P2', title: 'Leren op de werkvloer' }),
    ].join('\r\n');
    const job = await runImport(t, lead, ppsId, `\uFEFF${file}\r\n`);
    expect(job.totals).toMatchObject({ created: 2, failed: 0 });
    expect(await bySourceId('CSV-P1')).toMatchObject({
      kind: 'practice',
      practice: { problem: 'Te weinig' },
    });
    await t.http().get('/api/v1/imports/templates/all.pdf').expect(404);
  });

  it('takes a one-kind file’s kind from its columns; a row that says another kind is reported', async () => {
    const header = ['Soort', 'Eigen code', 'Titel', label('module.moduleType'), PRICE];
    const file = csv(header, [
      ['', 'KIND-1', 'Module zonder soort', 'E-learning', '12,50'],
      ['Module', 'KIND-2', 'Module met soort', '', '12.50'],
      ['Curriculum', 'KIND-3', 'Curriculum tussen de modules', '', ''],
    ]);
    // With a kind column the file may mix kinds: so its kind comes from a sheet's name only.
    const mixed = await runImport(t, lead, ppsId, file, { dryRun: true });
    expect(mixed.totals).toMatchObject({ created: 2, failed: 1 });
    // (A dry run for drafts also names what publishing would need, as warnings.)
    const errorsOf = async (id: string) =>
      (await reportOf(t, lead, id)).filter((line) => line.severity === 'error');
    expect((await errorsOf(mixed.id)).map((line) => [line.row, line.field])).toEqual([
      ['rij 2', 'kind'],
    ]);
    // Without it, the module's own columns say what every row is.
    const withoutKind = csv(header.slice(1), [
      ['KIND-4', 'Module in een moduleblad', '', '€ 12,50'],
    ]);
    const job = await runImport(t, lead, ppsId, withoutKind);
    expect(job.totals).toMatchObject({ created: 1, failed: 0 });
    expect((await bySourceId('KIND-4')).module.price.amountCents).toBe(1250);
    // A workbook sheet named after a kind holds that kind: a row saying another is reported.
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Modules');
    sheet.addRow(['Soort', 'Eigen code', 'Titel']);
    sheet.addRow(['Curriculum', 'KIND-5', 'Curriculum in het moduleblad']);
    sheet.addRow(['', 'KIND-6', 'Module in het moduleblad']);
    const sheetJob = await runImport(
      t,
      lead,
      ppsId,
      Buffer.from(await workbook.xlsx.writeBuffer()),
      { type: XLSX, dryRun: true },
    );
    expect(sheetJob.totals).toMatchObject({ created: 1, failed: 1 });
    expect(await errorsOf(sheetJob.id)).toEqual([
      expect.objectContaining({
        row: 'Modules, rij 2',
        field: 'kind',
        value: 'Curriculum',
        message:
          'Deze rij is een curriculum, maar dit blad is voor een module. Zet de rij in een blad of sjabloon voor een curriculum.',
      }),
    ]);
  });

  it('exports with Dutch headers over the API paths and euros, and reads the export back with either header row', async () => {
    const pps = await t.ppsId('Lelytalent');
    const owner = await t.user('pps-editor', [pps]);
    const priced = moduleBody(pps, { sourceId: undefined });
    (priced.module as Record<string, unknown>).price = { amountCents: 123_456, currency: 'EUR' };
    await t.publish(owner, priced);
    await t.publish(owner, practiceBody(pps));
    const exported = async (format: 'csv' | 'xlsx', kind = '') =>
      (
        await t
          .http()
          .get(`/api/v1/exports?format=${format}&ppsId=${pps}${kind && `&kind=${kind}`}`)
          .set(bearer(owner))
          .buffer(true)
          .parse(asBytes)
          .expect(200)
      ).body as Buffer;
    const expectUnchanged = async (file: Buffer | string, type = 'text/csv', blocks = 2) => {
      const job = await runImport(t, owner, pps, file, { type });
      const problems = (await reportOf(t, owner, job.id)).filter(
        (line) => line.severity !== 'similar',
      );
      expect({ totals: job.totals, error: job.error, problems }).toEqual({
        totals: expect.objectContaining({ created: 0, updated: 0, unchanged: blocks, failed: 0 }),
        error: null,
        problems: [],
      });
    };

    const text = (await exported('csv')).toString('utf8').replace(/^\uFEFF/, '');
    const [dutch, api, ...rows] = text.split('\r\n');
    expect(dutch.split(',').slice(0, 4)).toEqual(['Bouwsteen-id', 'Eigen code', 'Soort', 'Titel']);
    expect(api.split(',').slice(0, 4)).toEqual(['id', 'sourceId', 'kind', 'title']);
    // (The price's label has a comma: CSV quotes it.)
    expect(dutch).toContain(`,"${PRICE}",`);
    expect(rows.join('\n')).toContain(',1234.56,');
    // Both header rows, the Dutch one alone, or the API's alone (as files made before have it).
    await expectUnchanged(text);
    await expectUnchanged([dutch, ...rows].join('\r\n'));
    await expectUnchanged([api, ...rows].join('\r\n'));
    // One kind's CSV: its own labels (the study load's, which a curriculum has too) read alone.
    const modulesOnly = (await exported('csv', 'module')).toString('utf8').split('\r\n');
    expect(modulesOnly[0]).toContain(`,${LOAD},`);
    await expectUnchanged([modulesOnly[0], ...modulesOnly.slice(2)].join('\r\n'), 'text/csv', 1);

    const workbook = await workbookOf(await exported('xlsx'));
    const modules = workbook.getWorksheet('Modules')!;
    expect(rowTexts(modules, 1)[2]).toBe('Soort');
    expect(rowTexts(modules, 2)[2]).toBe('kind');
    expect(modules.getRow(2).hidden).toBe(true);
    const cell = modules.getCell(3, rowTexts(modules, 2).indexOf('module.price') + 1);
    expect({ value: cell.value, format: cell.numFmt }).toEqual({
      value: 1234.56,
      format: '€ #,##0.00',
    });
    await expectUnchanged(Buffer.from(await workbook.xlsx.writeBuffer()), XLSX);
    // A person who deleted the hidden row: still the same blocks, read by the Dutch labels.
    for (const sheet of workbook.worksheets) sheet.spliceRows(2, 1);
    await expectUnchanged(Buffer.from(await workbook.xlsx.writeBuffer()), XLSX);
  });

  it('exports modules before the curricula built of them, so the file publishes in one run', async () => {
    const pps = await t.ppsId('House of Digital');
    const owner = await t.user('pps-editor', [pps]);
    const draftModule = await t
      .http()
      .post('/api/v1/assets')
      .set(bearer(owner))
      .send(moduleBody(pps))
      .expect(201);
    await t
      .http()
      .post('/api/v1/assets')
      .set(bearer(owner))
      .send(curriculumWith(pps, [draftModule.body.id]))
      .expect(201);
    for (const format of ['xlsx', 'csv', 'jsonl'] as const) {
      const file = (
        await t
          .http()
          .get(`/api/v1/exports?format=${format}&ppsId=${pps}`)
          .set(bearer(owner))
          .buffer(true)
          .parse(asBytes)
          .expect(200)
      ).body as Buffer;
      const type = { xlsx: XLSX, csv: 'text/csv', jsonl: 'application/x-ndjson' }[format];
      const job = await runImport(t, owner, pps, file, { type, publish: true, dryRun: true });
      const errors = (await reportOf(t, owner, job.id)).filter((line) => line.severity === 'error');
      expect({ format, errors, failed: job.totals.failed }).toEqual({
        format,
        errors: [],
        failed: 0,
      });
      if (format !== 'jsonl') continue;
      // For real: both published, the curriculum built of the module.
      const real = await runImport(t, owner, pps, file, { type, publish: true });
      expect(real.totals).toMatchObject({ failed: 0, published: 2 });
    }
  });
});
