import { closeSync, openSync, readSync } from 'node:fs';
import { Transform, TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';
import { ReadRefusal, dutchNumber } from './read-refusal';

export type CsvEncoding = 'utf8' | 'utf16le' | 'utf16be';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * A CSV file's encoding (by its BOM, else by where the zero bytes of its first characters
 * are: a UTF-16 header of column names is ASCII, so every other byte is 0), the bytes its BOM
 * takes, and its delimiter (`;` when the header line has more of those than `,`).
 */
export function sniff(path: string): { encoding: CsvEncoding; delimiter: string; skip: number } {
  const head = Buffer.alloc(65_536);
  const descriptor = openSync(path, 'r');
  const length = readSync(descriptor, head, 0, head.length, 0);
  closeSync(descriptor);
  const bytes = head.subarray(0, length);
  let encoding: CsvEncoding = 'utf8';
  let skip = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) skip = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, skip] = ['utf16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, skip] = ['utf16be', 2];
  else encoding = zeroBytes(bytes.subarray(0, 512));
  const text = new TextDecoder(
    encoding === 'utf8' ? 'utf-8' : encoding.replace('utf16', 'utf-16'),
  ).decode(bytes.subarray(skip));
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (char: string) => firstLine.split(char).length - 1;
  return { encoding, delimiter: count(';') > count(',') ? ';' : ',', skip };
}

/** UTF-16 without BOM when at least half the odd (LE) or even (BE) bytes are 0 and the others hardly. */
function zeroBytes(bytes: Buffer): CsvEncoding {
  const pairs = Math.floor(bytes.length / 2);
  if (pairs < 2) return 'utf8';
  let even = 0;
  let odd = 0;
  for (let index = 0; index < pairs * 2; index += 2) {
    if (bytes[index] === 0) even++;
    if (bytes[index + 1] === 0) odd++;
  }
  if (odd >= pairs / 2 && even <= pairs / 10) return 'utf16le';
  if (even >= pairs / 2 && odd <= pairs / 10) return 'utf16be';
  return 'utf8';
}

/** UTF-16 text as UTF-8 bytes, so what follows reads one encoding. */
export class Utf16ToUtf8 extends Transform {
  private readonly decoder: TextDecoder;

  constructor(encoding: 'utf16le' | 'utf16be') {
    super();
    this.decoder = new TextDecoder(encoding === 'utf16le' ? 'utf-16le' : 'utf-16be');
  }

  override _transform(chunk: Buffer, _encoding: string, done: TransformCallback): void {
    done(null, Buffer.from(this.decoder.decode(chunk, { stream: true }), 'utf8'));
  }

  override _flush(done: TransformCallback): void {
    done(null, Buffer.from(this.decoder.decode(), 'utf8'));
  }
}

/**
 * Counts a record's fields as the UTF-8 bytes pass (quotes respected: a delimiter inside a
 * quoted field is text) and refuses a record with more than `max` before the parser builds
 * it: the parser bounds a record's bytes, but empty fields cost it memory and no bytes.
 */
export class FieldCounter extends Transform {
  private fields = 1;
  private quoted = false;
  /** In a quoted field, a quote was the last byte: the end of the field, or `""`. */
  private quoteSeen = false;
  private fieldStart = true;
  private readonly delimiter: number;

  constructor(
    delimiter: string,
    private readonly max: number,
  ) {
    super();
    this.delimiter = delimiter.charCodeAt(0);
  }

  override _transform(chunk: Buffer, _encoding: string, done: TransformCallback): void {
    for (let index = 0; index < chunk.length; index++) {
      const byte = chunk[index];
      if (this.quoted) {
        if (!this.quoteSeen) {
          if (byte === QUOTE) this.quoteSeen = true;
          continue;
        }
        this.quoteSeen = false;
        if (byte === QUOTE) continue;
        this.quoted = false;
      }
      if (byte === this.delimiter) {
        if (++this.fields > this.max)
          return done(new ReadRefusal(`een rij heeft meer dan ${dutchNumber(this.max)} kolommen`));
        this.fieldStart = true;
      } else if (byte === LF || byte === CR) {
        this.fields = 1;
        this.fieldStart = true;
      } else {
        if (byte === QUOTE && this.fieldStart) this.quoted = true;
        this.fieldStart = false;
      }
    }
    done(null, chunk);
  }
}
