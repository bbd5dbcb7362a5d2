import type { NextFunction, Request, Response } from 'express';
import { CommonError } from '../common.errors';
import { DomainException } from '../domain.exception';

/** What body-parser and raw-body report (http-errors with a `type`), as problems of our own. */
const BODY_PROBLEMS: Record<string, [code: CommonError, detail?: string]> = {
  'entity.too.large': [CommonError.PayloadTooLarge, 'The request body exceeds the size limit'],
  'entity.parse.failed': [CommonError.MalformedJson, 'The request body is not valid JSON'],
  'entity.too.deep': [CommonError.TooDeeplyNested],
  'charset.unsupported': [CommonError.UnsupportedCharset, 'Send JSON encoded as UTF-8'],
  'encoding.unsupported': [
    CommonError.UnsupportedContentEncoding,
    'Send the body uncompressed, or compressed with gzip, deflate or br',
  ],
  'request.aborted': [
    CommonError.RequestAborted,
    'The client closed the connection before the body was read',
  ],
  'request.size.invalid': [
    CommonError.BadRequest,
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
  const raw = error as { type?: unknown; message?: unknown; code?: unknown };
  const known = typeof raw?.type === 'string' ? BODY_PROBLEMS[raw.type] : undefined;
  if (known) return next(new DomainException(known[0], known[1] ?? String(raw.message)));
  if (typeof raw?.code === 'string' && raw.code.startsWith('Z_'))
    return next(
      new DomainException(
        CommonError.MalformedContentEncoding,
        'The body is not valid for its Content-Encoding',
      ),
    );
  next(error);
}
