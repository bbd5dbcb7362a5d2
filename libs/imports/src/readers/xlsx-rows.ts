import { createReadStream } from 'node:fs';
import type { CellValue } from 'exceljs';
import { headerNotices } from './header-check';
import { ByteCounter, FORMULA_PROBLEM, SourceItem, outsideHeader } from './source-rows';

/** The template's own sheets: read by people, not imported. */
export const EXPLANATION_SHEET = 'Toelichting';
export const LISTS_SHEET = 'Keuzelijsten';

/**
 * Rows of every worksheet of an .xlsx file, streamed (the zip is read entry by entry; shared
 * strings are cached, which is what .xlsx needs). Each sheet has its own header row, so one
 * file can hold a sheet per kind, as our export writes.
 */
export async function* xlsxRows(path: string, counted: ByteCounter): AsyncGenerator<SourceItem> {
  const input = createReadStream(path);
  input.on('data', (chunk) => counted(chunk.length));
  const { stream: excelStream } = await import('exceljs');
  const workbook = new excelStream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  // exceljs's single-pass reader can lose the zip's last entry (exceljs#3064, open), which in
  // files written by exceljs — our exports — is xl/workbook.xml, and then fails on the sheet
  // names. Rows are not in that entry: with an empty model the sheets read whole (named
  // "SheetN" when the names were lost) instead of failing one read in ten.
  (workbook as unknown as { model: { sheets: unknown[] } }).model = { sheets: [] };
  let sheets = 0;
  try {
    for await (const sheet of workbook) {
      const name = (sheet as unknown as { name?: string }).name ?? `blad ${sheets + 1}`;
      if (name === EXPLANATION_SHEET || name === LISTS_SHEET) continue;
      sheets++;
      let headers: string[] | undefined;
      let rows = 0;
      for await (const row of sheet) {
        const values = (row.values as CellValue[]).slice(1);
        if (!headers) {
          headers = values.map((value) => cellText(value).text.trim());
          if (headers.every((header) => header === '')) {
            headers = undefined;
            continue;
          }
          const notices = headerNotices(headers, name);
          for (const notice of notices) yield notice;
          if (notices.some((notice) => notice.fatal)) return;
          continue;
        }
        const label = `${name}, rij ${row.number}`;
        const cells: Record<string, string> = {};
        const problems = [];
        for (const [index, value] of values.entries()) {
          const header = headers[index];
          const { text, formula } = cellText(value);
          if (!header) {
            problems.push(...outsideHeader(index, text));
            continue;
          }
          if (formula) problems.push({ field: header, message: FORMULA_PROBLEM, value: text });
          else cells[header] = text;
        }
        if (Object.values(cells).every((cell) => cell.trim() === '') && problems.length === 0)
          continue;
        rows++;
        yield { label, cells, problems };
      }
      if (rows === 0)
        yield {
          fatal: false,
          notice: { label: name, field: '', message: 'dit werkblad bevat geen rijen' },
        };
    }
  } catch (error) {
    yield {
      fatal: true,
      notice: {
        field: '',
        message: `het bestand is geen leesbaar Excel-bestand (.xlsx): ${(error as Error).message}`,
      },
    };
    return;
  }
  if (sheets === 0)
    yield { fatal: false, notice: { field: '', message: 'het bestand bevat geen werkbladen' } };
}

/** A cell as text; a formula is flagged (its cached result is not taken for the value). */
function cellText(value: CellValue): { text: string; formula: boolean } {
  if (value === null || value === undefined) return { text: '', formula: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), formula: false };
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const formula = (value as { formula?: string }).formula ?? '';
      return { text: `=${formula}`, formula: true };
    }
    if ('richText' in value)
      return { text: value.richText.map((part) => part.text).join(''), formula: false };
    if ('text' in value) return { text: String(value.text), formula: false };
    if ('error' in value) return { text: String(value.error), formula: false };
    return { text: '', formula: false };
  }
  return {
    text: typeof value === 'boolean' ? (value ? 'ja' : 'nee') : String(value),
    formula: false,
  };
}
