import type { NextFunction, Request, Response } from 'express';
import { DomainException } from '../domain.exception';

/** What body-parser and raw-body report (http-errors with a `type`), as problems of our own. */
const BODY_PROBLEMS: Record<
  string,
  [status: number | undefined, code: string, title: string, detail: string]
> = {
  'entity.too.large': [
    413,
    'payload-too-large',
    'Request body too large',
    'The request body exceeds the size limit',
  ],
  'entity.parse.failed': [
    400,
    'malformed-json',
    'Malformed JSON',
    'The request body is not valid JSON',
  ],
  'entity.too.deep': [400, 'too-deeply-nested', 'Body nested too deeply', ''],
  'charset.unsupported': [
    415,
    'unsupported-charset',
    'Unsupported character set',
    'Send JSON encoded as UTF-8',
  ],
  'encoding.unsupported': [
    415,
    'unsupported-content-encoding',
    'Unsupported content encoding',
    'Send the body uncompressed, or compressed with gzip, deflate or br',
  ],
  'request.aborted': [
    400,
    'request-aborted',
    'Request aborted',
    'The client closed the connection before the body was read',
  ],
  'request.size.invalid': [
    400,
    'bad-request',
    'Bad request',
    'The body is shorter or longer than its Content-Length',
  ],
};

/**
 * Express error middleware placed right after the body parser: a body that cannot be read
 * becomes a problem with a precise code, before anything else sees the raw error. A compressed
 * body that does not decompress arrives here as a bare 400 without a `type`.
 */
export function translateBodyErrors(
  error: unknown,
  _request: Request,
  _response: Response,
  next: NextFunction,
): void {
  const raw = error as { type?: unknown; status?: unknown; message?: unknown; code?: unknown };
  const known = typeof raw?.type === 'string' ? BODY_PROBLEMS[raw.type] : undefined;
  if (known) {
    const [status, code, title, detail] = known;
    return next(
      new DomainException(status ?? Number(raw.status), code, title, detail || String(raw.message)),
    );
  }
  if (typeof raw?.code === 'string' && raw.code.startsWith('Z_')) {
    return next(
      new DomainException(
        400,
        'malformed-content-encoding',
        'Body does not decompress',
        'The body is not valid for its Content-Encoding',
      ),
    );
  }
  next(error);
}
