import type { ImportReadLimits } from '@bouwsteen/config/pure';
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ReadRefusal, dutchNumber } from './read-refusal';
import { XmlHandler, parseXml } from './xml-stream';

/** Offsets per page: the table grows a page at a time instead of copying itself to double. */
const PAGE = 65_536;
const WRITE_BUFFER = 1_048_576;
/** Short strings (vocabulary labels, yes and no) are met again and again: kept in memory. */
const CACHED_LENGTH = 256;
const CACHED_COUNT = 65_536;

/**
 * An .xlsx file's shared strings (most workbooks keep every text there and cells point to it),
 * kept on disk beside the import file instead of in memory: memory holds an offset per string
 * (8 bytes) and a bounded cache of short ones, so a file whose strings unpack to a gibibyte
 * costs no more memory than one with ten. The disk file is unlinked as soon as it is opened,
 * so nothing is left behind whatever happens to the process.
 */
export class SharedStrings {
  count = 0;
  private descriptor: number | undefined;
  /** offsets[i] is where string i starts; string i ends where i + 1 starts. */
  private readonly offsets: Float64Array[] = [];
  private written = 0;
  private readonly pending = Buffer.allocUnsafe(WRITE_BUFFER);
  private pendingBytes = 0;
  private readonly cache = new Map<number, string>();

  constructor(private readonly directory: string) {
    this.setOffset(0, 0);
  }

  add(text: string): void {
    const bytes = Buffer.byteLength(text);
    if (this.descriptor === undefined) {
      const path = join(this.directory, `.strings-${randomUUID()}`);
      this.descriptor = openSync(path, 'wx+', 0o600);
      unlinkSync(path);
    }
    if (this.pendingBytes + bytes > WRITE_BUFFER) this.flush();
    if (bytes > WRITE_BUFFER) writeSync(this.descriptor, text, this.written, 'utf8');
    else this.pending.write(text, this.pendingBytes, 'utf8');
    if (bytes > WRITE_BUFFER) this.written += bytes;
    else this.pendingBytes += bytes;
    this.count++;
    this.setOffset(this.count, this.written + this.pendingBytes);
  }

  /** The i-th string; undefined for an index the table does not have. */
  get(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    const cached = this.cache.get(index);
    if (cached !== undefined) return cached;
    const start = this.offsetOf(index);
    const length = this.offsetOf(index + 1) - start;
    if (length === 0) return '';
    this.flush();
    const bytes = Buffer.allocUnsafe(length);
    readSync(this.descriptor!, bytes, 0, length, start);
    const text = bytes.toString('utf8');
    if (text.length <= CACHED_LENGTH) {
      if (this.cache.size >= CACHED_COUNT) this.cache.clear();
      this.cache.set(index, text);
    }
    return text;
  }

  close(): void {
    if (this.descriptor !== undefined) closeSync(this.descriptor);
    this.descriptor = undefined;
  }

  private flush(): void {
    if (this.pendingBytes === 0 || this.descriptor === undefined) return;
    writeSync(this.descriptor, this.pending, 0, this.pendingBytes, this.written);
    this.written += this.pendingBytes;
    this.pendingBytes = 0;
  }

  private setOffset(index: number, offset: number): void {
    const page = Math.floor(index / PAGE);
    if (page === this.offsets.length) this.offsets.push(new Float64Array(PAGE));
    this.offsets[page][index % PAGE] = offset;
  }

  private offsetOf(index: number): number {
    return this.offsets[Math.floor(index / PAGE)][index % PAGE];
  }
}

/**
 * Reads `xl/sharedStrings.xml` into a table: each `<si>` is one string, its text the `<t>`
 * runs outside the phonetic guides (`<rPh>`), as Excel shows it. Yields as it reads, so the
 * caller's loop (and the job's progress) goes on; bounded by the string count and, per
 * string, by the size of a row.
 */
export async function* readSharedStrings(
  chunks: AsyncIterable<string>,
  table: SharedStrings,
  limits: ImportReadLimits,
): AsyncGenerator<void> {
  let inString = false;
  let inText = false;
  let phonetic = 0;
  let parts: string[] = [];
  let length = 0;
  const handler: XmlHandler = {
    open(name) {
      const local = localName(name);
      if (local === 'si') {
        inString = true;
        parts = [];
        length = 0;
      } else if (local === 'rPh') phonetic++;
      else if (local === 't' && inString && phonetic === 0) inText = true;
    },
    text(text) {
      if (!inText) return;
      length += text.length;
      if (length > limits.maxRowBytes)
        throw new ReadRefusal(
          `een tekst in de gedeelde teksten is langer dan ${dutchNumber(limits.maxRowBytes)} tekens`,
        );
      parts.push(text);
    },
    close(name) {
      const local = localName(name);
      if (local === 't') inText = false;
      else if (local === 'rPh') phonetic--;
      else if (local === 'si' && inString) {
        inString = false;
        if (table.count >= limits.maxSharedStrings)
          throw new ReadRefusal(
            `het bestand heeft meer dan ${dutchNumber(limits.maxSharedStrings)} gedeelde teksten`,
          );
        table.add(parts.length === 1 ? parts[0] : parts.join(''));
      }
    },
    tooLong: (max) => `een tekst in de gedeelde teksten is langer dan ${dutchNumber(max)} tekens`,
  };
  yield* parseXml('xl/sharedStrings.xml', chunks, handler, limits.maxRowBytes);
}

/** `x:si` and `si` alike: some writers give SpreadsheetML a prefix. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}
