import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { LOG_PREFIX, addressPrefix } from '@bouwsteen/common/pure';

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

/** Path segments that are secrets in themselves (share, invitation and reset links) never reach a log line. */
const SECRET_SEGMENTS = [
  /(\/shared\/courses\/)[^/]+/gi,
  /(\/shared\/lists\/)[^/]+/gi,
  /^(\/cursus\/)[^/]+/gi,
  /^(\/lijst\/)[^/]+/gi,
  /^(\/wachtwoord-instellen\/)[^/]+/gi,
];

/** What a query parameter's name looks like (a form's field names do). */
const PARAMETER_NAME = /^[A-Za-z_][\w.[\]-]{0,59}$/;

/**
 * Where a request went, as a log line may hold it: the path (share-link tokens redacted) and the
 * names of the query parameters, never their values. Values are what people typed: the text of
 * a proposal checked on /rapportages/voorstel, search words, an e-mail address in a filter. A
 * part without "=" or that does not look like a name (words typed after "?") is not shown either.
 */
export function requestTarget(url: string | undefined): { path: string; queryNames?: string[] } {
  const [rawPath, query] = splitOnce((url ?? '').split('#')[0], '?');
  const path = SECRET_SEGMENTS.reduce(
    (text, pattern) => text.replace(pattern, '$1[redacted]'),
    rawPath,
  );
  if (query === undefined) return { path };
  const names = new Set<string>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const [raw, value] = splitOnce(part, '=');
    const name = value === undefined ? '' : decoded(raw);
    names.add(PARAMETER_NAME.test(name) ? name : '[redacted]');
  }
  return { path, queryNames: [...names] };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** A query name as the application reads it; one that cannot be decoded is no name. */
function decoded(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return '';
  }
}

/**
 * What a request log line holds: method, path and parameter names; no headers, values or body.
 * The client's address only as its network (IPv4 /24, IPv6 /48): enough to see a flood come
 * from one place, not enough to name the person who sent a request for material.
 */
export function requestLogFields(request: {
  id?: unknown;
  method?: string;
  url?: string;
  remoteAddress?: string;
}): Record<string, unknown> {
  return {
    id: request.id,
    method: request.method,
    ...requestTarget(request.url),
    remoteAddress: addressPrefix(request.remoteAddress, LOG_PREFIX),
  };
}

/**
 * What a response log line holds: the status only. Headers stay out, because a redirect's
 * Location can carry a secret (the share link's page) or a search (the sign-in page's return
 * address), and cookies must never be logged.
 */
export function responseLogFields(response: { statusCode?: number }): Record<string, unknown> {
  return { statusCode: response.statusCode };
}

/**
 * What an error log line holds: its type, message, stack and code. Not the other properties
 * pino would copy: a failed query carries its parameters (what someone typed) and PostgreSQL's
 * detail ("Key (email)=(…) already exists"), and a request error its body.
 */
export function errorLogFields(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const { type, message, stack, code } = error as Record<string, unknown>;
  return { type, message, stack, code };
}
