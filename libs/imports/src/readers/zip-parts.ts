import type { ImportReadLimits } from '@bouwsteen/config/pure';
import type { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { Entry, ZipFile, open as openZip } from 'yauzl';
import { ReadRefusal, dutchNumber, notXlsx } from './read-refusal';
import { ByteCounter } from './source-rows';

/**
 * Every part may unpack to this much whatever its ratio: small parts (styles, relations)
 * compress far better than sheets, and a mebibyte cannot hurt.
 */
const RATIO_FREE_BYTES = 1_048_576;

const STORED = 0;
const DEFLATED = 8;

const megabytes = (bytes: number) => `${dutchNumber(Math.round(bytes / 1_048_576))} MB`;

/**
 * The parts of a zip file (an .xlsx), found through its central directory and read one at a
 * time by random access on the file, so no part is read to find another. What a part
 * unpacks to is counted while it is inflated — the sizes a zip states are only claims —
 * against a budget for the whole file and a ratio to the part's packed size (a zip bomb's
 * parts unpack to hundreds of times their size). Bounds passed end the read as a ReadRefusal.
 */
export class ZipParts {
  private unpacked = 0;

  private constructor(
    private readonly zip: ZipFile,
    private readonly entries: Map<string, Entry>,
    private readonly limits: ImportReadLimits,
    private readonly counted: ByteCounter,
  ) {}

  static async open(
    path: string,
    limits: ImportReadLimits,
    counted: ByteCounter,
  ): Promise<ZipParts> {
    const zip = await new Promise<ZipFile>((resolve, reject) =>
      openZip(path, { lazyEntries: true, autoClose: false }, (error, opened) =>
        error ? reject(notXlsx('het is geen zip-archief')) : resolve(opened),
      ),
    );
    try {
      if (zip.entryCount > limits.maxZipEntries)
        throw new ReadRefusal(
          `het bestand bestaat uit ${dutchNumber(zip.entryCount)} delen; meer dan ${dutchNumber(limits.maxZipEntries)} wordt niet gelezen`,
        );
      const entries = new Map<string, Entry>();
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (entry: Entry) => {
          if (!entries.has(entry.fileName)) entries.set(entry.fileName, entry);
          zip.readEntry();
        });
        zip.once('end', resolve);
        zip.once('error', () =>
          reject(notXlsx('de inhoudsopgave van het zip-archief is beschadigd')),
        );
        zip.readEntry();
      });
      return new ZipParts(zip, entries, limits, counted);
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /**
   * A part's text (UTF-8), chunk by chunk as it is inflated; stops at the bounds. `counted`
   * false leaves the bytes out of the job's progress (a part read twice: a sheet's header).
   */
  async *text(name: string, counted = true): AsyncGenerator<string> {
    const entry = this.entries.get(name);
    if (!entry) throw notXlsx(`het onderdeel ${name} ontbreekt`);
    if (entry.isEncrypted())
      throw new ReadRefusal('het bestand is met een wachtwoord beveiligd; sla het zonder op');
    if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED)
      throw notXlsx(`het onderdeel ${name} is op een onbekende manier ingepakt`);
    const budget = this.limits.maxUnpackedBytes;
    // A part that says it is larger than what is left is refused before a byte is inflated.
    if (this.unpacked + entry.uncompressedSize > budget) throw this.overBudget();
    const ratioCap = Math.max(RATIO_FREE_BYTES, this.limits.maxZipRatio * entry.compressedSize);
    const raw = await new Promise<Readable>((resolve, reject) =>
      // yauzl refuses (with a throw, not the callback) the option on a stored part: it has
      // nothing to decompress, so only a deflated part is asked for its raw bytes.
      this.zip.openReadStream(
        entry,
        entry.compressionMethod === DEFLATED ? { decompress: false } : {},
        (error, stream) =>
          error ? reject(notXlsx(`het onderdeel ${name} is beschadigd`)) : resolve(stream),
      ),
    );
    if (counted) raw.on('data', (chunk: Buffer) => this.counted(chunk.length));
    let source: Readable = raw;
    if (entry.compressionMethod === DEFLATED) {
      const inflate = createInflateRaw();
      raw.on('error', (error) => inflate.destroy(error));
      source = raw.pipe(inflate);
    }
    const decoder = new TextDecoder('utf-8');
    let partBytes = 0;
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        partBytes += chunk.length;
        this.unpacked += chunk.length;
        if (this.unpacked > budget) throw this.overBudget();
        if (partBytes > ratioCap)
          throw new ReadRefusal(
            `het onderdeel ${name} pakt uit tot meer dan ${dutchNumber(this.limits.maxZipRatio)} keer zijn eigen grootte; zo'n bestand (een zip-bom?) wordt niet gelezen`,
          );
        if (partBytes > entry.uncompressedSize)
          throw notXlsx(`het onderdeel ${name} is groter dan het zip-archief opgeeft`);
        yield decoder.decode(chunk, { stream: true });
      }
    } catch (error) {
      if (error instanceof ReadRefusal) throw error;
      throw notXlsx(`het onderdeel ${name} is beschadigd`);
    } finally {
      raw.destroy();
      if (source !== raw) source.destroy();
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  }

  close(): void {
    this.zip.close();
  }

  private overBudget(): ReadRefusal {
    return new ReadRefusal(
      `het bestand pakt uit tot meer dan ${megabytes(this.limits.maxUnpackedBytes)}`,
    );
  }
}
