import busboy from 'busboy';
import type { Request } from 'express';
import { Readable } from 'node:stream';
import {
  CommonError,
  DomainException,
  ValidationFailedError,
  charsetOf,
  textFault,
} from '@bouwsteen/common';
import { ImportError } from './imports.errors';
import { ImportFormat } from './readers';

export interface Upload {
  /** The file's bytes; a body cut off before its end fails the reading with ImportError.NoFile. */
  body: AsyncIterable<Buffer>;
  fileName: string | null;
  format: ImportFormat;
  /** Multipart fields sent before the file (a page's form: what to do with it). */
  fields: Record<string, string>;
}

const TYPES: Record<string, ImportFormat> = {
  'text/csv': 'csv',
  'application/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/jsonlines': 'jsonl',
  'application/x-jsonlines': 'jsonl',
};
const EXTENSIONS: Record<string, ImportFormat> = {
  csv: 'csv',
  xlsx: 'xlsx',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
};

/**
 * The file of an import request, as a stream: the body itself (Content-Type names the format),
 * or the multipart field `file` (a browser form, `curl -F file=@…`). The format comes from the
 * `format` parameter, else the type, else the file name's extension.
 */
export function uploadOf(request: Request, format?: ImportFormat): Promise<Upload> {
  const type = (request.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) return multipartFile(request, format);
  refuseCharset(type);
  const mediaType = type.split(';')[0].trim();
  const found = format ?? TYPES[mediaType];
  if (!found)
    throw new DomainException(
      ImportError.UnsupportedFormat,
      `Send text/csv, .xlsx or application/x-ndjson, or say ?format= (got "${mediaType.slice(0, 100)}")`,
    );
  return Promise.resolve({ body: request, fileName: null, format: found, fields: {} });
}

function multipartFile(request: Request, format?: ImportFormat): Promise<Upload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      // A browser sends a file's name as UTF-8 bytes; busboy's default reads them as Latin-1.
      parser = busboy({
        headers: request.headers,
        defParamCharset: 'utf8',
        limits: { files: 1, fields: 20, fieldSize: 1000 },
      });
    } catch (error) {
      return reject(new DomainException(ImportError.NoFile, (error as Error).message));
    }
    let found = false;
    const fields: Record<string, string> = {};
    parser.on('field', (name, value) => {
      if (!found) fields[name] = value.slice(0, 1000);
    });
    parser.on('file', (field, stream, info) => {
      // A body that ends before its closing boundary fails each file stream as well as the
      // parser; a stream's error without a listener would end the process.
      stream.on('error', () => undefined);
      if (field !== 'file' || found) return stream.resume();
      found = true;
      const nameProblem = info.filename ? textFault(info.filename) : undefined;
      if (nameProblem) {
        stream.resume();
        return reject(
          new ValidationFailedError([
            { field: 'file', ...nameProblem, message: `name ${nameProblem.message}` },
          ]),
        );
      }
      const extension = info.filename?.split('.').pop()?.toLowerCase() ?? '';
      const chosen = format ?? TYPES[info.mimeType.toLowerCase()] ?? EXTENSIONS[extension];
      if (!chosen) {
        stream.resume();
        return reject(
          new DomainException(
            ImportError.UnsupportedFormat,
            `The file "${info.filename?.slice(0, 100)}" is not .csv, .xlsx or .jsonl`,
          ),
        );
      }
      resolve({
        body: cutOffRefused(stream),
        fileName: info.filename?.slice(0, 200) ?? null,
        format: chosen,
        fields,
      });
    });
    parser.on('error', (error: Error) => {
      request.unpipe(parser);
      request.resume();
      reject(
        new DomainException(
          ImportError.NoFile,
          `The multipart body is malformed: ${error.message}`,
        ),
      );
    });
    parser.on('close', () => {
      if (!found) reject(new DomainException(ImportError.NoFile, 'No multipart field "file"'));
    });
    request.pipe(parser);
  });
}

/**
 * The file stream's bytes; its failure (the body ended before the closing boundary, the
 * connection dropped) becomes the 400 of a broken upload, not a 500. The import's
 * transaction then stores nothing.
 */
async function* cutOffRefused(stream: Readable): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (error) {
    throw new DomainException(
      ImportError.NoFile,
      `The file did not arrive whole (${(error as Error).message}); send it again`,
    );
  }
}

function refuseCharset(type: string): void {
  const charset = charsetOf(type);
  if (charset && !/^(utf-?8|utf-?16(le)?)$/i.test(charset))
    throw new DomainException(
      CommonError.UnsupportedCharset,
      `Send the file as UTF-8 (got charset "${charset.slice(0, 40)}"); in Excel: "CSV UTF-8"`,
    );
}
