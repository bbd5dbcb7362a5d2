import { parse } from 'csv-parse';
import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { headerNotices } from './header-check';
import { ByteCounter, FORMULA_PROBLEM, SourceItem, outsideHeader } from './source-rows';

/** What a spreadsheet program puts before a value so it is not read as a formula (our export too). */
const DEFUSED = /^'(?=[\t\r]|\s*[=+\-@])/;

/**
 * Rows of a CSV file, streamed. UTF-8 with or without BOM, or UTF-16 with BOM; the delimiter
 * is `,` or `;` (Dutch spreadsheet programs write `;`), read from the header line.
 */
export async function* csvRows(path: string, counted: ByteCounter): AsyncGenerator<SourceItem> {
  const { encoding, delimiter, skip } = sniff(path);
  const stream = createReadStream(path, { start: skip });
  stream.on('data', (chunk) => counted(chunk.length));
  const parser = stream.pipe(
    parse({
      encoding,
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      // A cell larger than this is not a building block's field: refused, never buffered on.
      max_record_size: 1_000_000,
    }),
  );
  let headers: string[] | undefined;
  let rowNumber = 1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!headers) {
        headers = record.map((header) => header.trim());
        const notices = headerNotices(headers);
        for (const notice of notices) yield notice;
        if (notices.some((notice) => notice.fatal)) return;
        continue;
      }
      rowNumber++;
      if (record.every((cell) => cell.trim() === '')) continue;
      const problems = [];
      const cells: Record<string, string> = {};
      for (const [index, raw] of record.entries()) {
        const header = headers[index];
        if (!header) {
          problems.push(...outsideHeader(index, raw));
          continue;
        }
        if (/^\s*=/.test(raw)) {
          problems.push({ field: header, message: FORMULA_PROBLEM, value: raw });
          continue;
        }
        cells[header] = raw.replace(DEFUSED, '');
      }
      yield { label: `rij ${rowNumber}`, cells, problems };
    }
  } catch (error) {
    yield {
      fatal: true,
      notice: {
        label: `rij ${rowNumber + 1}`,
        field: '',
        message: `het bestand is geen leesbare CSV: ${(error as Error).message}`,
      },
    };
    return;
  }
  if (!headers) yield { fatal: false, notice: { field: '', message: 'het bestand is leeg' } };
  else if (rowNumber === 1)
    yield { fatal: false, notice: { field: '', message: 'het bestand heeft alleen een kopregel' } };
}

function sniff(path: string): { encoding: BufferEncoding; delimiter: string; skip: number } {
  const head = Buffer.alloc(65_536);
  const descriptor = openSync(path, 'r');
  const length = readSync(descriptor, head, 0, head.length, 0);
  closeSync(descriptor);
  const bytes = head.subarray(0, length);
  let encoding: BufferEncoding = 'utf8';
  let skip = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) skip = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf16le';
    skip = 2;
  }
  const text = bytes.subarray(skip).toString(encoding);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (char: string) => firstLine.split(char).length - 1;
  return { encoding, delimiter: count(';') > count(',') ? ';' : ',', skip };
}
