import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource, EntityManager } from 'typeorm';
import { DomainException } from '@bouwsteen/common';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { ImportError } from './imports.errors';

/** Rows of `import_file_chunk` are this big (the last one smaller). */
const CHUNK_BYTES = 1 << 20;
/** Chunks read back per query: a few MiB in memory at a time, whatever the file's size. */
const CHUNKS_PER_READ = 4;

/**
 * An import's file, kept in PostgreSQL from upload to the end of its job: any worker can run
 * the job, an upload that fails leaves nothing (its transaction rolls back), and the file goes
 * with the job's end. Files are streamed in and out a chunk at a time, never held whole.
 */
@Injectable()
export class ImportFileStore {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Stores `body` for job `jobId` in the caller's transaction; refuses it beyond the limit. */
  async save(manager: EntityManager, jobId: string, body: AsyncIterable<Buffer>): Promise<number> {
    const limit = this.config.imports.maxBytes;
    let bytes = 0;
    let seq = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const write = async (chunk: Buffer) => {
      await manager.query(`INSERT INTO import_file_chunk (job_id, seq, data) VALUES ($1, $2, $3)`, [
        jobId,
        seq++,
        chunk,
      ]);
    };
    for await (const piece of body) {
      bytes += piece.length;
      if (bytes > limit)
        throw new DomainException(
          ImportError.TooLarge,
          `The file is larger than ${limit} bytes (IMPORT_MAX_BYTES)`,
        );
      pending.push(piece);
      pendingBytes += piece.length;
      while (pendingBytes >= CHUNK_BYTES) {
        const joined = Buffer.concat(pending);
        await write(joined.subarray(0, CHUNK_BYTES));
        pending = [joined.subarray(CHUNK_BYTES)];
        pendingBytes = joined.length - CHUNK_BYTES;
      }
    }
    if (pendingBytes > 0) await write(Buffer.concat(pending));
    return bytes;
  }

  /** Writes the job's file to `path` (a new 0600 file); answers its size. */
  async copyTo(jobId: string, path: string): Promise<number> {
    let bytes = 0;
    const chunks = async function* (this: ImportFileStore) {
      for (let from = 0; ; from += CHUNKS_PER_READ) {
        const rows: { data: Buffer }[] = await this.db.query(
          `SELECT data FROM import_file_chunk WHERE job_id = $1 AND seq >= $2 AND seq < $3
            ORDER BY seq`,
          [jobId, from, from + CHUNKS_PER_READ],
        );
        for (const row of rows) {
          bytes += row.data.length;
          yield row.data;
        }
        if (rows.length < CHUNKS_PER_READ) return;
      }
    }.bind(this);
    await pipeline(Readable.from(chunks()), createWriteStream(path, { mode: 0o600, flags: 'wx' }));
    return bytes;
  }

  async remove(manager: EntityManager, jobId: string): Promise<void> {
    await manager.query(`DELETE FROM import_file_chunk WHERE job_id = $1`, [jobId]);
  }
}
