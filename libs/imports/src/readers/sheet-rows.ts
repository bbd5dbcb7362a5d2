import type { ImportReadLimits } from '@bouwsteen/config/pure';
import { ReadRefusal, dutchNumber } from './read-refusal';
import { SharedStrings, localName } from './shared-strings';
import { XmlHandler, parseXml } from './xml-stream';

/** A filled cell: its column (0 = A) and its text; a formula's text is `=` and the formula. */
export interface SheetCell {
  column: number;
  text: string;
  formula: boolean;
  /** A number cell (not a date): its text is the number as JavaScript writes it. */
  number?: true;
}

export interface SheetRow {
  /** The row's number as the spreadsheet shows it. */
  number: number;
  cells: SheetCell[];
}

export interface SheetContext {
  sheet: string;
  strings: SharedStrings;
  dateStyles: boolean[];
  date1904: boolean;
  limits: ImportReadLimits;
}

/** Serial day 25569 is 1970-01-01 in Excel's 1900 date system; 1904 starts 1,462 days later. */
const UNIX_EPOCH_SERIAL = 25_569;
const DAYS_1904 = 1_462;
/** 9999-12-31, the last day Excel has. */
const LAST_SERIAL = 2_958_465;
const DAY_MS = 86_400_000;

/**
 * The rows of one worksheet part (`<sheetData>`), streamed: `rows` receives each finished row
 * and is emptied by the caller after every yield, so memory holds a chunk's rows at most; a
 * bound passed comes last in it, as a ReadRefusal for the caller to end the read with.
 * Cells read as Excel shows their value: shared and inline strings (rich text runs joined),
 * numbers (dates, in a date-formatted cell, as JJJJ-MM-DD), booleans as ja/nee, errors as
 * their code; a formula is flagged. A row is bounded by the columns and characters limits.
 */
export async function* readSheetRows(
  chunks: AsyncIterable<string>,
  context: SheetContext,
  rows: (SheetRow | ReadRefusal)[],
): AsyncGenerator<void> {
  const { limits } = context;
  let inData = false;
  let row: SheetRow | undefined;
  let rowNumber = 0;
  let rowChars = 0;
  let nextColumn = 0;
  let cell: { column: number; type: string; style: number } | undefined;
  let value = '';
  let formula: string | undefined;
  /** Which text is being gathered: a value, a formula or an inline string's text. */
  let capture: 'v' | 'f' | 't' | undefined;
  let phonetic = 0;
  /** A bound passed: told in the rows' order (the rows before it go first), then nothing more. */
  let refused = false;
  const refuse = (message: string) => {
    if (!refused) rows.push(new ReadRefusal(message));
    refused = true;
  };
  const where = () => `${context.sheet}, rij ${rowNumber}`;
  const tooLong = () =>
    `${where()} is langer dan ${dutchNumber(limits.maxRowBytes)} tekens (de grens voor één rij)`;
  const count = (length: number) => {
    rowChars += length;
    if (rowChars > limits.maxRowBytes) refuse(tooLong());
  };
  const handler: XmlHandler = {
    open(name, attributes) {
      if (refused) return;
      switch (localName(name)) {
        case 'sheetData':
          inData = true;
          return;
        case 'row':
          if (!inData) return;
          rowNumber = attributes.r ? Number(attributes.r) : rowNumber + 1;
          if (!Number.isSafeInteger(rowNumber) || rowNumber < 1)
            return refuse(`${context.sheet} heeft een rij zonder geldig nummer`);
          row = { number: rowNumber, cells: [] };
          rowChars = 0;
          nextColumn = 0;
          return;
        case 'c':
          if (!row) return;
          cell = {
            column: columnOf(attributes.r ?? '', limits.maxColumns) ?? nextColumn,
            type: attributes.t ?? 'n',
            style: attributes.s ? Number(attributes.s) : 0,
          };
          if (cell.column >= limits.maxColumns)
            return refuse(`${where()} heeft meer dan ${dutchNumber(limits.maxColumns)} kolommen`);
          nextColumn = cell.column + 1;
          value = '';
          formula = undefined;
          return;
        case 'v':
          if (cell) capture = 'v';
          return;
        case 'f':
          if (!cell) return;
          capture = 'f';
          formula = '';
          return;
        case 'rPh':
          phonetic++;
          return;
        case 't':
          if (cell && phonetic === 0) capture = 't';
          return;
      }
    },
    text(text) {
      if (!capture || refused) return;
      count(text.length);
      if (capture === 'f') formula += text;
      else value += text;
    },
    close(name) {
      if (refused) return;
      switch (localName(name)) {
        case 'v':
        case 'f':
        case 't':
          capture = undefined;
          return;
        case 'rPh':
          phonetic--;
          return;
        case 'c':
          if (row && cell) {
            const text = formula !== undefined ? `=${formula}` : cellText(cell, value, context);
            if (formula === undefined && cell.type === 's') count(text.length);
            if (text !== '' || formula !== undefined)
              row.cells.push({
                column: cell.column,
                text,
                formula: formula !== undefined,
                ...(formula === undefined && isNumber(cell, text, context) && { number: true }),
              });
          }
          cell = undefined;
          return;
        case 'row':
          if (row) rows.push(row);
          row = undefined;
          return;
        case 'sheetData':
          inData = false;
          return;
      }
    },
    tooLong,
  };
  yield* parseXml(context.sheet, chunks, handler, limits.maxRowBytes);
}

/** A cell's value as text, by its type (`t`) and, for numbers, its style's format. */
function cellText(
  cell: { type: string; style: number },
  value: string,
  context: SheetContext,
): string {
  switch (cell.type) {
    case 's':
      return context.strings.get(Number(value)) ?? '';
    case 'inlineStr':
    case 'str':
    case 'e':
      return value;
    case 'b':
      return value === '' ? '' : Number(value) !== 0 ? 'ja' : 'nee';
    case 'd':
      // An ISO 8601 date cell (rare; strict OOXML): its day.
      return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value;
    default: {
      if (value === '') return '';
      const number = Number(value);
      if (!Number.isFinite(number)) return value;
      if (context.dateStyles[cell.style] && number >= 0 && number <= LAST_SERIAL)
        return serialDate(number, context.date1904);
      return String(number);
    }
  }
}

/** Whether a cell's text is a number as cellText wrote it (not a date, an error or a text). */
function isNumber(cell: { type: string; style: number }, text: string, context: SheetContext) {
  return cell.type === 'n' && !context.dateStyles[cell.style] && Number.isFinite(Number(text));
}

/** An Excel serial date (days, with the time as a fraction) as JJJJ-MM-DD. */
export function serialDate(serial: number, date1904: boolean): string {
  const days = serial - UNIX_EPOCH_SERIAL + (date1904 ? DAYS_1904 : 0);
  return new Date(Math.round(days * DAY_MS)).toISOString().slice(0, 10);
}

/**
 * The column of a cell reference (`C7` → 2), at most `max` (further is refused by the caller);
 * undefined when it names none (the cell then follows the one before it).
 */
function columnOf(reference: string, max: number): number | undefined {
  let column = 0;
  for (let index = 0; index < reference.length; index++) {
    const code = reference.charCodeAt(index);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
    if (column > max) return max;
  }
  return column === 0 ? undefined : column - 1;
}
