import { Inject, Injectable } from '@nestjs/common';
import {
  chmodSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { DomainException } from '@bouwsteen/common';
import { ImportError } from './imports.errors';

/**
 * Uploaded files while their job waits and runs: a private directory (0700), one file per job
 * (0600), removed when the job ends. Files are streamed to disk, so an upload of any size
 * within IMPORT_MAX_BYTES never sits in memory.
 */
@Injectable()
export class ImportFiles {
  private prepared?: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Made (or closed) once, when a file is first stored or looked for. */
  private get directory(): string {
    if (this.prepared) return this.prepared;
    const directory = this.config.imports.directory;
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    // An existing directory others could write to (or read) would let them swap or read an
    // upload: it is closed (we own it) or refused.
    if (statSync(directory).mode & 0o077) chmodSync(directory, 0o700);
    return (this.prepared = directory);
  }

  pathOf(name: string): string {
    return join(this.directory, name);
  }

  /** Writes `body` to a new file; refuses (and removes it) beyond the size limit. */
  async save(name: string, body: Readable): Promise<number> {
    const path = this.pathOf(name);
    const limit = this.config.imports.maxBytes;
    let bytes = 0;
    const counted = async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        bytes += chunk.length;
        if (bytes > limit)
          throw new DomainException(
            ImportError.TooLarge,
            `The file is larger than ${limit} bytes (IMPORT_MAX_BYTES)`,
          );
        yield chunk;
      }
    };
    const file = createWriteStream(path, { mode: 0o600, flags: 'wx' });
    try {
      await pipeline(body, counted, file);
    } catch (error) {
      // The file may still be being opened when the upload fails: remove it once it is closed,
      // or an empty file would appear after the removal.
      if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()));
      this.remove(name);
      throw error;
    }
    return bytes;
  }

  rename(from: string, to: string): void {
    renameSync(this.pathOf(from), this.pathOf(to));
  }

  exists(name: string): boolean {
    return existsSync(this.pathOf(name));
  }

  size(name: string): number {
    return statSync(this.pathOf(name)).size;
  }

  remove(name: string): void {
    rmSync(this.pathOf(name), { force: true });
  }
}
