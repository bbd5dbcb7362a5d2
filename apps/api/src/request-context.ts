import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * The first middleware: every request gets its id before anything can fail, so even a body
 * that cannot be read is answered with a request id. A caller's well-formed X-Request-Id is
 * kept, so one id follows a request across services.
 */
export function assignRequestId(
  request: Request & { id?: string },
  response: Response,
  next: NextFunction,
): void {
  const incoming = request.headers['x-request-id'];
  request.id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  response.setHeader('X-Request-Id', request.id);
  next();
}

/** Path segments that are secrets in themselves (share links) never reach a log line. */
const SECRET_SEGMENTS = [
  /(\/shared\/courses\/)[^/?#]+/gi,
  /^(\/cursus\/)[^/?#]+/gi,
  // A page's form token, in the address of a file upload's form.
  /([?&]_formulier=)[^&#]+/gi,
];

export function redactUrl(url: string | undefined): string | undefined {
  return SECRET_SEGMENTS.reduce(
    (text, pattern) => text.replace(pattern, '$1[redacted]'),
    url ?? '',
  );
}

/** What a request log line holds: no headers, query or parameters, and a redacted address. */
export function requestLogFields(request: {
  id?: unknown;
  method?: string;
  url?: string;
  remoteAddress?: string;
}): Record<string, unknown> {
  return {
    id: request.id,
    method: request.method,
    url: redactUrl(request.url),
    remoteAddress: request.remoteAddress,
  };
}

/**
 * What a response log line holds: the status only. Headers stay out, because a redirect's
 * Location can carry a secret (the share link's page) and cookies must never be logged.
 */
export function responseLogFields(response: { statusCode?: number }): Record<string, unknown> {
  return { statusCode: response.statusCode };
}
