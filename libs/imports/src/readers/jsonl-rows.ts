import { IMPORT_READ_LIMITS, ImportReadLimits } from '@bouwsteen/config/pure';
import { FieldCode } from '@bouwsteen/common/pure';
import { dutchMessage } from '@bouwsteen/taxonomy/pure';
import { createReadStream } from 'node:fs';
import { badKey } from './json-keys';
import { dutchNumber } from './read-refusal';
import { ByteCounter, EMPTY_FILE, SourceItem } from './source-rows';

/**
 * Rows of a JSON Lines file (one API-shaped object per line), streamed line by line with a
 * bounded buffer: a file without line breaks cannot make the reader hold it whole. A line
 * longer than a row may be is reported (never held in memory), as is a line with a key that
 * cannot be stored or is not a field; more rows than a file may have end the read.
 */
export async function* jsonlRows(
  path: string,
  counted: ByteCounter,
  limits: ImportReadLimits = IMPORT_READ_LIMITS,
): AsyncGenerator<SourceItem> {
  const maxLineBytes = limits.maxRowBytes;
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
      return lineProblem(lineNumber, dutchMessage(FieldCode.LineTooLong, { max: maxLineBytes }));
    }
    const text = decoder
      .decode(line)
      .replace(/^\uFEFF/, '')
      .trim();
    if (text === '') return undefined;
    rows++;
    let object: unknown;
    try {
      object = JSON.parse(text);
    } catch (error) {
      return lineProblem(lineNumber, notJson(error));
    }
    const key = badKey(object);
    if (key) return { label: `regel ${lineNumber}`, object: undefined, problems: [key] };
    return { label: `regel ${lineNumber}`, object, problems: [] };
  };
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    counted(chunk.length);
    let start = 0;
    for (let newline = chunk.indexOf(10); newline !== -1; newline = chunk.indexOf(10, start)) {
      take(chunk.subarray(start, newline));
      const row = finish();
      if (rows > limits.maxRows) return yield tooMany(limits);
      if (row) yield row;
      start = newline + 1;
    }
    take(chunk.subarray(start));
  }
  if (pendingBytes > 0 || tooLong) {
    const row = finish();
    if (rows > limits.maxRows) return yield tooMany(limits);
    if (row) yield row;
  }
  if (rows === 0) yield { fatal: false, notice: { field: '', message: EMPTY_FILE } };

  function take(part: Buffer): void {
    if (tooLong || part.length === 0) return;
    if (pendingBytes + part.length > maxLineBytes) {
      tooLong = true;
      pending = [];
      pendingBytes = 0;
      return;
    }
    pending.push(part);
    pendingBytes += part.length;
  }
}

function tooMany(limits: ImportReadLimits): SourceItem {
  return {
    fatal: true,
    notice: {
      field: '',
      message: `het bestand heeft meer dan ${dutchNumber(limits.maxRows)} regels`,
    },
  };
}

/**
 * Why a line is no JSON, in Dutch: where the parser stopped, when it says (V8 words its
 * complaint in English, "… in JSON at position 37": only the number is taken, counted from 1).
 */
function notJson(error: unknown): string {
  const position = /\bposition (\d+)/.exec(error instanceof Error ? error.message : '');
  return dutchMessage(FieldCode.NotJson, position ? { at: Number(position[1]) + 1 } : {});
}

function lineProblem(lineNumber: number, message: string): SourceItem {
  return { label: `regel ${lineNumber}`, object: undefined, problems: [{ field: '', message }] };
}
