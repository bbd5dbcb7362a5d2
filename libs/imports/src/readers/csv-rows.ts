import { IMPORT_READ_LIMITS, ImportReadLimits } from '@bouwsteen/config/pure';
import { CsvError, parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { FieldCounter, Utf16ToUtf8, sniff } from './csv-bytes';
import { SheetHeader, readHeader } from './header-check';
import { ReadRefusal, dutchNumber, refusalNotice } from './read-refusal';
import { ByteCounter, EMPTY_FILE, FORMULA_PROBLEM, SourceItem, outsideHeader } from './source-rows';

/** A CSV with a header and no rows under it. */
const HEADER_ONLY =
  'het bestand heeft alleen een kopregel; zet de bouwstenen in de rijen eronder en importeer opnieuw';

/** What a spreadsheet program puts before a value so it is not read as a formula (our export too). */
const DEFUSED = /^'(?=[\t\r]|\s*[=+\-@])/;

/**
 * Rows of a CSV file, streamed. UTF-8 with or without BOM, or UTF-16 (little- or big-endian,
 * with or without BOM: read as UTF-8); the delimiter is `,` or `;` (Dutch spreadsheet programs
 * write `;`), read from the header line. A record is bounded in bytes and in fields before
 * the parser holds it, so a 150 MB cell or a line of commas is refused, not buffered.
 */
export async function* csvRows(
  path: string,
  counted: ByteCounter,
  limits: ImportReadLimits = IMPORT_READ_LIMITS,
): AsyncGenerator<SourceItem> {
  const { encoding, delimiter, skip } = sniff(path);
  const input = createReadStream(path, { start: skip });
  input.on('data', (chunk) => counted(chunk.length));
  const parser = parse({
    encoding: 'utf8',
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: limits.maxRowBytes,
  });
  const counter = new FieldCounter(delimiter, limits.maxColumns);
  // pipeline ends the parser with the first stream's error, so the loop below ends with it.
  if (encoding === 'utf8') pipeline(input, counter, parser, () => undefined);
  else pipeline(input, new Utf16ToUtf8(encoding), counter, parser, () => undefined);
  let labels: string[] | undefined;
  let header: SheetHeader | undefined;
  let rowNumber = 1;
  let rows = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!labels) {
        labels = record.map((cell) => cell.trim());
        continue;
      }
      rowNumber++;
      if (record.every((cell) => cell.trim() === '')) continue;
      if (!header) {
        // The row after the labels may be the API's paths (a template's, an export's).
        const reading = readHeader(labels, record);
        for (const notice of reading.notices) yield notice;
        if (!reading.header) return;
        header = reading.header;
        if (reading.pathRow) continue;
      }
      if (++rows > limits.maxRows) {
        const message = `het bestand heeft meer dan ${dutchNumber(limits.maxRows)} rijen`;
        yield refusalNotice(new ReadRefusal(message), `rij ${rowNumber}`);
        return;
      }
      const problems = [];
      const cells: Record<string, string> = {};
      for (const [index, raw] of record.entries()) {
        const column = header.columns[index];
        if (!column) {
          problems.push(...outsideHeader(index, raw));
          continue;
        }
        if (/^\s*=/.test(raw)) {
          problems.push({ field: column.name, message: FORMULA_PROBLEM, value: raw });
          continue;
        }
        cells[column.name] = raw.replace(DEFUSED, '');
      }
      yield {
        label: `rij ${rowNumber}`,
        cells,
        problems,
        ...(header.kind && { kind: header.kind }),
      };
    }
  } catch (error) {
    // The parser fails on the record after the last one it gave; the field counter runs ahead
    // of the parser, so its refusal names no row.
    const label = `rij ${rowNumber + 1}`;
    if (error instanceof ReadRefusal) yield refusalNotice(error);
    else if (error instanceof CsvError)
      yield refusalNotice(csvRefusal(error, label, limits), label);
    else throw error;
    return;
  } finally {
    input.destroy();
  }
  const notice = (message: string): SourceItem => ({
    fatal: false,
    notice: { field: '', message },
  });
  if (!labels) yield notice(EMPTY_FILE);
  else if (!header) {
    const reading = readHeader(labels, undefined);
    for (const refusal of reading.notices) yield refusal;
    if (reading.header) yield notice(HEADER_ONLY);
  } else if (rows === 0) yield notice(HEADER_ONLY);
}

/** The parser's complaint in Dutch (its own words are English and may quote the file). */
function csvRefusal(error: CsvError, label: string, limits: ImportReadLimits): ReadRefusal {
  if (error.code === 'CSV_MAX_RECORD_SIZE')
    return new ReadRefusal(
      `${label} is groter dan ${dutchNumber(limits.maxRowBytes)} bytes (de grens voor één rij)`,
    );
  if (error.code === 'CSV_QUOTE_NOT_CLOSED')
    return new ReadRefusal(
      'het bestand is geen leesbare CSV: een aanhalingsteken (") wordt niet gesloten; sluit het, of haal het weg',
    );
  return new ReadRefusal(
    'het bestand is geen leesbare CSV; sla het op als "CSV UTF-8" en importeer opnieuw',
  );
}
