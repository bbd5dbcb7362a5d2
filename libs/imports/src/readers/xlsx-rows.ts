import { IMPORT_READ_LIMITS, ImportReadLimits } from '@bouwsteen/config/pure';
import { dirname } from 'node:path';
import { RowProblem } from '../row-codec';
import { SheetHeader, readHeader } from './header-check';
import { ReadRefusal, dutchNumber, refusalNotice } from './read-refusal';
import { SharedStrings, readSharedStrings } from './shared-strings';
import { SheetContext, SheetRow, readSheetRows } from './sheet-rows';
import { ByteCounter, FORMULA_PROBLEM, FileNotice, SourceItem, outsideHeader } from './source-rows';
import { SheetPart, readDateStyles, readWorkbook } from './workbook-parts';
import { ZipParts } from './zip-parts';

/** The template's own sheets: read by people, not imported. */
export const EXPLANATION_SHEET = 'Toelichting';
export const LISTS_SHEET = 'Keuzelijsten';

/** Longer sheet names (Excel allows 31 characters) are cut in row labels. */
const SHOWN_NAME = 100;

/**
 * Rows of every worksheet of an .xlsx file, in the workbook's order, each sheet with its own
 * header row (so one file can hold a sheet per kind, as our export writes). The zip is read
 * by its central directory and each part streamed through a SAX parser: memory holds one
 * chunk's rows, never a sheet, and shared strings wait on disk. Past a bound of `limits`, or
 * when the file is no workbook, the read ends with a fatal notice saying why in Dutch.
 */
export async function* xlsxRows(
  path: string,
  counted: ByteCounter,
  limits: ImportReadLimits = IMPORT_READ_LIMITS,
): AsyncGenerator<SourceItem> {
  const strings = new SharedStrings(dirname(path));
  let zip: ZipParts | undefined;
  try {
    zip = await ZipParts.open(path, limits, counted);
    const book = await readWorkbook(zip, limits.maxZipEntries);
    const dateStyles =
      book.styles && zip.has(book.styles) ? await readDateStyles(zip, book.styles) : [];
    if (book.sharedStrings && zip.has(book.sharedStrings))
      for await (const _ of readSharedStrings(zip.text(book.sharedStrings), strings, limits));
    const sheets = importedSheets(book.sheets);
    // Every sheet's header before any row: a sheet further on that refuses the file stops it
    // before a row of the sheets before it is written.
    const refusals: FileNotice[] = [];
    for (const { name, path } of sheets) {
      const context = { sheet: name, strings, dateStyles, date1904: book.date1904, limits };
      refusals.push(...(await headerRefusals(zip.text(path, false), context)));
    }
    if (refusals.length > 0) return yield* refusals;
    let rowsRead = 0;
    for (const sheet of sheets) {
      const { name } = sheet;
      const context = { sheet: name, strings, dateStyles, date1904: book.date1904, limits };
      const batch: (SheetRow | ReadRefusal)[] = [];
      let labels: string[] | undefined;
      let header: SheetHeader | undefined;
      let rows = 0;
      for await (const _ of readSheetRows(zip.text(sheet.path), context, batch)) {
        for (const row of batch) {
          if (row instanceof ReadRefusal) throw row;
          if (!labels) {
            labels = textsOf(row);
            if (labels.every((label) => label === '')) labels = undefined;
            continue;
          }
          if (!header) {
            const texts = textsOf(row);
            if (texts.every((text) => text.trim() === '')) continue;
            // The row after the labels may be the API's paths (a template's, an export's).
            const reading = readHeader(labels, texts, name);
            for (const notice of reading.notices) yield notice;
            if (!reading.header) return;
            header = reading.header;
            if (reading.pathRow) continue;
          }
          const item = sourceRow(row, header, name);
          if (!item) continue;
          if (++rowsRead > limits.maxRows)
            throw new ReadRefusal(
              `het bestand heeft meer dan ${dutchNumber(limits.maxRows)} rijen`,
            );
          rows++;
          yield item;
        }
        batch.length = 0;
      }
      if (labels && !header) {
        const reading = readHeader(labels, undefined, name);
        for (const notice of reading.notices) yield notice;
        if (!reading.header) return;
      }
      if (rows === 0)
        yield {
          fatal: false,
          notice: { label: name, field: '', message: 'dit werkblad bevat geen rijen' },
        };
    }
    if (sheets.length === 0)
      yield {
        fatal: false,
        notice: {
          field: '',
          message:
            'het bestand bevat geen werkbladen; zet de bouwstenen in een werkblad, zoals in het sjabloon',
        },
      };
  } catch (error) {
    if (!(error instanceof ReadRefusal)) throw error;
    yield refusalNotice(error);
  } finally {
    strings.close();
    zip?.close();
  }
}

/** The sheets whose rows are imported (not the template's own), each with the name rows show. */
function importedSheets(sheets: SheetPart[]): SheetPart[] {
  return sheets
    .filter((sheet) => sheet.name !== EXPLANATION_SHEET && sheet.name !== LISTS_SHEET)
    .map((sheet, index) => ({
      ...sheet,
      name: sheet.name.trim().slice(0, SHOWN_NAME) || `blad ${index + 1}`,
    }));
}

/**
 * Why a sheet's header refuses the file, if it does, read as the rows are (the first row with
 * text, and the row with text after it), from only as much of the sheet as that takes.
 */
async function headerRefusals(
  chunks: AsyncIterable<string>,
  context: SheetContext,
): Promise<FileNotice[]> {
  const batch: (SheetRow | ReadRefusal)[] = [];
  let labels: string[] | undefined;
  for await (const _ of readSheetRows(chunks, context, batch)) {
    for (const row of batch) {
      if (row instanceof ReadRefusal) throw row;
      const texts = textsOf(row);
      if (texts.every((text) => text.trim() === '')) continue;
      if (labels) return readHeader(labels, texts, context.sheet).notices;
      labels = texts;
    }
    batch.length = 0;
  }
  return labels ? readHeader(labels, undefined, context.sheet).notices : [];
}

/** A row's texts by column (a formula as its text): a header row. */
function textsOf(row: SheetRow): string[] {
  const texts: string[] = [];
  for (const cell of row.cells) texts[cell.column] = cell.text.trim();
  return Array.from(texts, (text) => text ?? '');
}

/** A data row by its sheet's header; undefined for a row with nothing in it. */
function sourceRow(row: SheetRow, header: SheetHeader, sheet: string): SourceItem | undefined {
  const cells: Record<string, string> = {};
  const problems: RowProblem[] = [];
  const numeric: string[] = [];
  for (const cell of row.cells) {
    const column = header.columns[cell.column];
    if (!column) problems.push(...outsideHeader(cell.column, cell.text));
    else if (cell.formula)
      problems.push({ field: column.name, message: FORMULA_PROBLEM, value: cell.text });
    else {
      cells[column.name] = cell.text;
      if (cell.number) numeric.push(column.name);
    }
  }
  if (problems.length === 0 && Object.values(cells).every((cell) => cell.trim() === ''))
    return undefined;
  return {
    label: `${sheet}, rij ${row.number}`,
    cells,
    problems,
    ...(header.kind && { kind: header.kind }),
    ...(numeric.length > 0 && { numeric }),
  };
}
