import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rowXml, writeXlsx } from './fixtures/xlsx-builder';
import { reportOf, runImport } from './harness/imports';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const JSONL = 'application/x-ndjson';
const INTERNAL = /liep vast op een fout in Bouwsteen/;

/**
 * Files that used to end their import job as an internal error (or take the API's heap) end
 * as a Dutch reason or a row problem, through the real upload, job and report.
 */
describe('import files the readers refuse or report (e2e)', () => {
  let t: TestApp;
  let lead: TestUser;
  let ppsId: string;
  let dir: string;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    await t.startWorker();
    ppsId = await t.ppsId('Techport mbo');
    lead = await t.user('pps-editor', [ppsId]);
    dir = mkdtempSync(join(tmpdir(), 'bouwsteen-import-files-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('answers 400 for a multipart body cut off before its closing boundary, stores nothing and keeps running', async () => {
    const count = async () =>
      (await t.http().get(`/api/v1/imports?ppsId=${ppsId}`).set(bearer(lead)).expect(200)).body
        .totalItems as number;
    const before = await count();
    for (const body of [
      // The file's part without its closing "--XX--": busboy fails the file stream as well.
      '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nkind,title\r\nModule,Lassen\r\n',
      // Another field than "file", equally cut off.
      '--XX\r\nContent-Disposition: form-data; name="iets"; filename="b.csv"\r\n\r\nkind',
    ]) {
      const response = await t
        .http()
        .post(`/api/v1/imports?ppsId=${ppsId}`)
        .set(bearer(lead))
        .set('Content-Type', 'multipart/form-data; boundary=XX')
        .send(body);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.code).toBe('import-no-file');
    }
    // The process still answers, and no job was made.
    expect(await count()).toBe(before);
  });

  it('fails a CSV whose header holds a NUL with a Dutch reason, the column named by its place', async () => {
    const job = await runImport(t, lead, ppsId, 'kind,ti\u0000tle\r\nModule,Lassen\r\n');
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(
      /^Het bestand is niet ingelezen: kolom 2 heeft een naam met een onzichtbaar teken/,
    );
    const report = await reportOf(t, lead, job.id);
    expect(report).toEqual([
      expect.objectContaining({ severity: 'warning', field: 'kolom 2', value: 'ti\\u0000tle' }),
    ]);
  });

  it('reads a workbook whose parts are stored, not deflated (as some spreadsheet libraries write them)', async () => {
    const path = join(dir, 'stored.xlsx');
    await writeXlsx(
      path,
      [
        {
          name: 'Modules',
          rows: () => [
            rowXml(1, ['kind', 'sourceId', 'title']),
            rowXml(2, ['Module', 'STORED-1', 'Lassen uit een ongecomprimeerd bestand']),
          ],
        },
      ],
      { level: 'stored' },
    );
    const job = await runImport(t, lead, ppsId, readFileSync(path), { type: XLSX });
    expect({ status: job.status, error: job.error, totals: job.totals }).toMatchObject({
      status: 'done',
      error: null,
      totals: expect.objectContaining({ created: 1, failed: 0 }),
    });
  });

  it('reads a UTF-16 CSV without a BOM (what some exports write) by its header', async () => {
    const file = Buffer.from('kind;title\r\nModule;ab\r\n', 'utf16le');
    const job = await runImport(t, lead, ppsId, file, { dryRun: true });
    expect(job.error).toBeNull();
    expect(job.status).toBe('done');
    const report = await reportOf(t, lead, job.id);
    expect(report).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          severity: 'error',
          row: 'rij 2',
          field: 'title',
          message: 'Gebruik minstens 3 tekens.',
          value: 'ab',
        }),
      ]),
    );
  });

  it('reports a JSON Lines key with a NUL as a row problem and reads the rest', async () => {
    const lines = ['{"kind":"module","ti\\u0000tle":"Lassen"}', '{"kind":"module","title":"ab"}'];
    const job = await runImport(t, lead, ppsId, lines.join('\n'), { type: JSONL, dryRun: true });
    expect(job.error ?? '').not.toMatch(INTERNAL);
    expect(job.status).toBe('done');
    const report = await reportOf(t, lead, job.id);
    expect(report).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          row: 'regel 1',
          message:
            'Een veldnaam bevat een NUL-teken of een ander onzichtbaar stuurteken. Typ de naam opnieuw zoals de API hem schrijft (zoals title).',
          value: 'ti\\u0000tle',
        }),
        expect.objectContaining({ row: 'regel 2', field: 'title' }),
      ]),
    );
  });

  it('fails a zip bomb of shared strings with a Dutch reason while the API goes on answering', async () => {
    const path = join(dir, 'bom.xlsx');
    const text = `<si><t>${'a'.repeat(1_048_576)}</t></si>`;
    await writeXlsx(path, [{ name: 'Modules', rows: () => [rowXml(1, ['kind', 'title'])] }], {
      sharedStrings: function* () {
        for (let index = 0; index < 64; index++) yield text;
      },
      level: 9,
    });
    const job = await runImport(t, lead, ppsId, readFileSync(path), { type: XLSX });
    expect(job.status).toBe('failed');
    expect(job.error).toBe(
      "Het bestand is niet ingelezen: het onderdeel xl/sharedStrings.xml pakt uit tot meer dan 100 keer zijn eigen grootte; zo'n bestand (een zip-bom?) wordt niet gelezen",
    );
    await t.http().get('/api/v1/imports').set(bearer(lead)).expect(200);
  });
});
