import busboy from 'busboy';
import type { Request } from 'express';

/** A file sent by a page's form (multipart), read whole into memory. */
export interface UploadedFile {
  /** The name the browser gave, without control characters, at most 200 characters. */
  name: string;
  content: Buffer;
}

/** Why no file came: none chosen (or no form at all), over the limit, or a broken body. */
export type UploadRefusal = 'no-file' | 'too-large' | 'malformed';

export type UploadResult = { file: UploadedFile } | { refused: UploadRefusal };

/**
 * Reads the one file of a page's multipart form (field `field`) into memory, for files a
 * service reads whole (an SBB qualification file). busboy (the catalogue import's multipart
 * reader) stops keeping bytes at `maxBytes` and reads the rest of the body away, so the answer
 * is a page again, never a reset connection; nothing beyond the limit is held. Larger files go
 * through the catalogue import's streaming upload instead (libs/imports, upload.ts).
 */
export function readUploadedFile(
  request: Request,
  field: string,
  maxBytes: number,
): Promise<UploadResult> {
  return new Promise((resolve) => {
    let parser: busboy.Busboy;
    try {
      // A browser sends a file's name as UTF-8 bytes; busboy's default reads them as Latin-1.
      parser = busboy({
        headers: request.headers,
        defParamCharset: 'utf8',
        limits: { files: 1, fileSize: maxBytes, fields: 10, fieldSize: 1000 },
      });
    } catch {
      // Not multipart at all (no boundary): nothing to read as a file. Drain what was sent.
      request.resume();
      return resolve({ refused: 'no-file' });
    }
    let result: UploadResult = { refused: 'no-file' };
    parser.on('file', (name, stream, info) => {
      if (name !== field || 'file' in result) {
        stream.on('error', () => undefined);
        return stream.resume();
      }
      const chunks: Buffer[] = [];
      let size = 0;
      // A body that ends before its closing boundary fails the file stream as well as the
      // parser; without this listener that error would end the process.
      stream.on('error', () => {
        result = { refused: 'malformed' };
        chunks.length = 0;
      });
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        chunks.push(chunk);
      });
      stream.on('limit', () => {
        result = { refused: 'too-large' };
        chunks.length = 0;
      });
      stream.on('end', () => {
        if (stream.truncated) return;
        // A form sent without a chosen file still holds the field: no name, no bytes.
        if (!info.filename && size === 0) return;
        result = {
          file: {
            name: (info.filename ?? '')
              .replace(/[\p{Cc}\p{Cs}]/gu, '')
              .trim()
              .slice(0, 200),
            content: Buffer.concat(chunks, size),
          },
        };
      });
    });
    parser.on('error', () => {
      request.unpipe(parser);
      request.resume();
      resolve({ refused: 'malformed' });
    });
    parser.on('close', () => resolve(result));
    // The connection dropped mid-file: nothing to read, nobody to answer.
    request.on('error', () => resolve({ refused: 'malformed' }));
    request.pipe(parser);
  });
}
