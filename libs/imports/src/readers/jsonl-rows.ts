import { createReadStream } from 'node:fs';
import { ByteCounter, SourceItem } from './source-rows';

/** Longer than any building block's JSON: such a line is reported, never held in memory. */
const MAX_LINE_BYTES = 1_048_576;

/**
 * Rows of a JSON Lines file (one API-shaped object per line), streamed line by line with a
 * bounded buffer: a file without line breaks cannot make the reader hold it whole.
 */
export async function* jsonlRows(path: string, counted: ByteCounter): AsyncGenerator<SourceItem> {
  const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let tooLong = false;
  let lineNumber = 0;
  let rows = 0;
  const finish = (): SourceItem | undefined => {
    lineNumber++;
    const line = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    if (tooLong) {
      tooLong = false;
      return lineProblem(lineNumber, `de regel is langer dan ${MAX_LINE_BYTES} bytes`);
    }
    const text = decoder
      .decode(line)
      .replace(/^\uFEFF/, '')
      .trim();
    if (text === '') return undefined;
    rows++;
    try {
      return { label: `regel ${lineNumber}`, object: JSON.parse(text), problems: [] };
    } catch (error) {
      return lineProblem(lineNumber, `is geen geldige JSON (${(error as Error).message})`);
    }
  };
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    counted(chunk.length);
    let start = 0;
    for (let newline = chunk.indexOf(10); newline !== -1; newline = chunk.indexOf(10, start)) {
      take(chunk.subarray(start, newline));
      const row = finish();
      if (row) yield row;
      start = newline + 1;
    }
    take(chunk.subarray(start));
  }
  if (pendingBytes > 0 || tooLong) {
    const row = finish();
    if (row) yield row;
  }
  if (rows === 0) yield { fatal: false, notice: { field: '', message: 'het bestand is leeg' } };

  function take(part: Buffer): void {
    if (tooLong || part.length === 0) return;
    if (pendingBytes + part.length > MAX_LINE_BYTES) {
      tooLong = true;
      pending = [];
      pendingBytes = 0;
      return;
    }
    pending.push(part);
    pendingBytes += part.length;
  }
}

function lineProblem(lineNumber: number, message: string): SourceItem {
  return { label: `regel ${lineNumber}`, object: undefined, problems: [{ field: '', message }] };
}
