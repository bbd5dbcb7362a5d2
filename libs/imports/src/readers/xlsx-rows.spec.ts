import { IMPORT_READ_LIMITS, ImportReadLimits } from '@bouwsteen/config/pure';
import { Workbook } from 'exceljs';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rowXml, writeXlsx, writeZip } from '../../../../test/fixtures/xlsx-builder';
import { FileNotice, SourceItem, isNotice } from './source-rows';
import { xlsxRows } from './xlsx-rows';

const dir = mkdtempSync(join(tmpdir(), 'bouwsteen-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const fileIn = () => join(dir, `file-${++files}.xlsx`);

async function read(path: string, limits: Partial<ImportReadLimits> = {}): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of xlsxRows(path, () => undefined, { ...IMPORT_READ_LIMITS, ...limits }))
    items.push(item);
  return items;
}

/** The one fatal notice a refused file ends with. */
async function refusal(path: string, limits: Partial<ImportReadLimits> = {}): Promise<string> {
  const items = await read(path, limits);
  const last = items[items.length - 1] as FileNotice;
  expect(last).toMatchObject({ fatal: true, notice: { field: '' } });
  return last.notice.message;
}

const HEADER = ['sourceId', 'kind', 'title', 'summary', 'module.studyLoad.value', 'keywords'];

describe('xlsx reader', () => {
  it('reads every sheet but the template’s own, each by its own header, as Excel shows the cells', async () => {
    const workbook = new Workbook();
    workbook.addWorksheet('Toelichting').addRow(['Kolom', 'Uitleg']);
    const modules = workbook.addWorksheet('Modules');
    modules.addRow(HEADER);
    modules.addRow([
      'M-1',
      'Module',
      { richText: [{ text: 'Las' }, { text: 'module', font: { bold: true } }] },
      true,
      1.5,
      new Date(Date.UTC(2025, 8, 1)),
    ]);
    modules.getCell('F2').numFmt = 'dd-mm-yyyy';
    modules.addRow([]);
    modules.addRow(['M-2', 'Module', { formula: 'CONCAT("a","b")', result: 'ab' }, false]);
    modules.getCell('G5').value = 'ernaast';
    modules.getCell('A5').value = 'M-3';
    workbook.addWorksheet('Keuzelijsten').addRow(['niveaus', 'mbo-3']);
    workbook.addWorksheet('Leeg');
    const practices = workbook.addWorksheet('Praktijken');
    practices.addRow([]);
    practices.addRow(['kind', 'title']);
    practices.addRow(['Goede praktijk', 'Samen leren']);
    const path = fileIn();
    await workbook.xlsx.writeFile(path);
    expect(await read(path)).toEqual([
      {
        label: 'Modules, rij 2',
        cells: {
          sourceId: 'M-1',
          kind: 'Module',
          title: 'Lasmodule',
          summary: 'ja',
          'module.studyLoad.value': '1.5',
          keywords: '2025-09-01',
        },
        problems: [],
        // A sheet named after a kind holds that kind; a number cell is flagged as one.
        kind: 'module',
        numeric: ['module.studyLoad.value'],
      },
      {
        label: 'Modules, rij 4',
        kind: 'module',
        cells: { sourceId: 'M-2', kind: 'Module', summary: 'nee' },
        problems: [
          {
            field: 'title',
            message: 'bevat een formule; zet de waarde zelf in de cel',
            value: '=CONCAT("a","b")',
          },
        ],
      },
      {
        label: 'Modules, rij 5',
        kind: 'module',
        cells: { sourceId: 'M-3' },
        problems: [
          {
            field: 'kolom 7',
            message:
              'staat buiten de kolommen van de kopregel; geef de kolom een naam in de kopregel, of maak de cel leeg',
            value: 'ernaast',
          },
        ],
      },
      {
        fatal: false,
        notice: { label: 'Leeg', field: '', message: 'dit werkblad bevat geen rijen' },
      },
      {
        label: 'Praktijken, rij 3',
        cells: { kind: 'Goede praktijk', title: 'Samen leren' },
        problems: [],
      },
    ]);
  });

  it('reads shared strings (runs joined, phonetic guides left out) from disk, inline rich text, errors, ISO dates and cells without a reference', async () => {
    const path = fileIn();
    const styles =
      '<styleSheet><numFmts><numFmt numFmtId="170" formatCode="[$-413]d\\ mmmm\\ yyyy;@"/><numFmt numFmtId="171" formatCode="&quot;dag&quot; 0"/></numFmts>' +
      '<cellXfs><xf numFmtId="0"/><xf numFmtId="170"/><xf numFmtId="171"/><xf numFmtId="14"/></cellXfs></styleSheet>';
    await writeXlsx(
      path,
      [
        {
          name: 'Blad1',
          rows: () => [
            rowXml(1, ['kind', 'title', 'summary', 'keywords', 'levels', 'license']),
            '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c>' +
              '<c r="C2" t="inlineStr"><is><r><t>Veilig </t></r><r><t xml:space="preserve">werken &amp; leren</t></r></is></c>' +
              '<c r="D2" s="1"><v>45901.75</v></c><c r="E2" s="2"><v>12</v></c><c r="F2" t="e"><v>#N/A</v></c></row>',
            '<row><c t="s"><v>0</v></c><c><v>7</v></c><c s="3"><v>45658</v></c><c t="d"><v>2026-03-04T00:00:00</v></c></row>',
          ],
        },
      ],
      {
        styles,
        sharedStrings: () => [
          '<si><t>Module</t></si>',
          '<si><r><t>Hydrau</t></r><r><rPr><b/></rPr><t>liek</t></r><rPh sb="0" eb="1"><t>ハ</t></rPh></si>',
        ],
      },
    );
    expect(await read(path)).toEqual([
      {
        label: 'Blad1, rij 2',
        cells: {
          kind: 'Module',
          title: 'Hydrauliek',
          summary: 'Veilig werken & leren',
          keywords: '2025-09-01',
          levels: '12',
          license: '#N/A',
        },
        problems: [],
        numeric: ['levels'],
      },
      {
        label: 'Blad1, rij 3',
        cells: { kind: 'Module', title: '7', summary: '2025-01-01', keywords: '2026-03-04' },
        problems: [],
        numeric: ['title'],
      },
    ]);
    // The strings' file was unlinked when it was opened: nothing of the file stays behind.
    expect(readdirSync(dir).filter((name) => name.startsWith('.strings'))).toEqual([]);
  });

  it('checks every sheet’s header before it hands on a row, and tells all their problems', async () => {
    const path = fileIn();
    await writeXlsx(path, [
      {
        name: 'Modules',
        rows: () => [rowXml(1, ['Eigen code', 'Titel']), rowXml(2, ['M-1', 'a'])],
      },
      {
        name: 'Curricula',
        rows: () => [rowXml(1, ['Eigen code', 'Titl', 'Eigen code']), rowXml(2, ['C-1', 'b'])],
      },
    ]);
    expect(await read(path)).toEqual([
      {
        fatal: true,
        notice: expect.objectContaining({
          label: 'Curricula',
          field: 'Titl',
          message: expect.stringMatching(
            /^kolom 2 van blad "Curricula" heeft een onbekende naam; bedoelt u "Titel"\?/,
          ),
        }),
      },
      {
        fatal: true,
        notice: expect.objectContaining({
          label: 'Curricula',
          field: 'Eigen code',
          message:
            'kolom 3 ("Eigen code") van blad "Curricula" is dezelfde kolom als kolom 1; haal er een weg',
        }),
      },
    ]);
  });

  it('refuses what is not a workbook in Dutch: not a zip, broken XML, endless nesting, a missing sheet', async () => {
    const notZip = fileIn();
    writeFileSync(notZip, 'kind,title\nModule,x\n');
    expect(await refusal(notZip)).toBe(
      'het bestand is geen leesbaar Excel-bestand (.xlsx): het is geen zip-archief',
    );
    const broken = fileIn();
    await writeXlsx(broken, [{ name: 'Blad1', rows: () => ['<row r="1"><c r="A1">'] }]);
    expect(await refusal(broken)).toBe(
      'het bestand is geen leesbaar Excel-bestand (.xlsx): het onderdeel Blad1 is geen geldige XML',
    );
    const deep = fileIn();
    await writeXlsx(deep, [
      { name: 'Blad1', rows: () => ['<x>'.repeat(100_000), '</x>'.repeat(100_000)] },
    ]);
    expect(await refusal(deep)).toMatch(/het onderdeel Blad1 is te diep genest$/);
    const missing = fileIn();
    await writeZip(missing, [
      {
        name: 'xl/workbook.xml',
        data: () => [
          '<workbook xmlns:r="r"><sheets><sheet name="A" r:id="rId1"/></sheets></workbook>',
        ],
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: () => [
          '<Relationships><Relationship Id="rId1" Type="http://x/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        ],
      },
    ]);
    expect(await refusal(missing)).toMatch(/het onderdeel xl\/worksheets\/sheet1.xml ontbreekt$/);
  });

  it('stops at the rows, columns and row size a file may have', async () => {
    const path = fileIn();
    await writeXlsx(path, [
      {
        name: 'Modules',
        rows: () => [
          rowXml(1, ['kind', 'title']),
          rowXml(2, ['Module', 'a']),
          rowXml(3, ['Module', 'b'.repeat(2000)]),
          '<row r="4"><c r="XFE4" t="inlineStr"><is><t>ver weg</t></is></c></row>',
        ],
      },
    ]);
    const rowsLimited = await read(path, { maxRows: 1 });
    expect(rowsLimited.filter((item) => !isNotice(item))).toHaveLength(1);
    expect(await refusal(path, { maxRows: 1 })).toBe('het bestand heeft meer dan 1 rijen');
    expect(await refusal(path, { maxRowBytes: 1024 })).toBe(
      'Modules, rij 3 is langer dan 1.024 tekens (de grens voor één rij)',
    );
    expect(await refusal(path)).toBe('Modules, rij 4 heeft meer dan 16.384 kolommen');
  });

  it('refuses a text or a tag longer than a row may be before the XML parser has gathered it', async () => {
    const path = fileIn();
    await writeXlsx(path, [
      {
        name: 'Modules',
        rows: () => [
          rowXml(1, ['kind', 'title']),
          `<row r="2"><c r="A2" t="inlineStr" x="${'x'.repeat(3_000_000)}"><is><t>Module</t></is></c></row>`,
        ],
      },
    ]);
    expect(await refusal(path, { maxRowBytes: 1_048_576, maxZipRatio: 10_000 })).toBe(
      'Modules, rij 2 is langer dan 1.048.576 tekens (de grens voor één rij)',
    );
  });

  it('bounds the shared strings by count and each by the size of a row', async () => {
    const path = fileIn();
    await writeXlsx(path, [{ name: 'Blad1', rows: () => [rowXml(1, ['kind'])] }], {
      sharedStrings: () => [
        '<si><t>a</t></si>',
        '<si><t>b</t></si>',
        `<si><t>${'c'.repeat(3000)}</t></si>`,
      ],
    });
    expect(await refusal(path, { maxSharedStrings: 2 })).toBe(
      'het bestand heeft meer dan 2 gedeelde teksten',
    );
    expect(await refusal(path, { maxRowBytes: 2048 })).toBe(
      'een tekst in de gedeelde teksten is langer dan 2.048 tekens',
    );
  });

  it('counts what the zip unpacks to, whatever it claims: a lying size, a budget, a ratio, a count of parts', async () => {
    const rows = () => [rowXml(1, ['kind', 'title']), rowXml(2, ['Module', 'x'.repeat(5000)])];
    const lying = fileIn();
    // The sheet claims 100 bytes: inflating finds out.
    await writeZip(lying, [
      {
        name: 'xl/workbook.xml',
        data: () => [
          '<workbook xmlns:r="r"><sheets><sheet name="Blad1" r:id="rId1"/></sheets></workbook>',
        ],
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: () => [
          '<Relationships><Relationship Id="rId1" Type="http://x/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        ],
      },
      {
        name: 'xl/worksheets/sheet1.xml',
        data: () => ['<worksheet><sheetData>', ...rows(), '</sheetData></worksheet>'],
        claimedSize: 100,
      },
    ]);
    expect(await refusal(lying)).toMatch(
      /het onderdeel xl\/worksheets\/sheet1.xml is groter dan het zip-archief opgeeft$/,
    );
    const big = fileIn();
    await writeXlsx(big, [
      {
        name: 'Blad1',
        rows: function* () {
          yield rowXml(1, ['kind', 'title']);
          for (let row = 2; row < 15_000; row++) yield rowXml(row, ['Module', `titel ${row}`]);
        },
      },
    ]);
    expect(await refusal(big, { maxUnpackedBytes: 1_048_576 })).toBe(
      'het bestand pakt uit tot meer dan 1 MB',
    );
    expect(await refusal(big, { maxZipRatio: 2 })).toBe(
      "het onderdeel xl/worksheets/sheet1.xml pakt uit tot meer dan 2 keer zijn eigen grootte; zo'n bestand (een zip-bom?) wordt niet gelezen",
    );
    expect(await refusal(big, { maxZipEntries: 4 })).toBe(
      'het bestand bestaat uit 5 delen; meer dan 4 wordt niet gelezen',
    );
  });
});
