import type { NextFunction, Request, Response } from 'express';
import { CommonError } from '../common.errors';
import { DomainException, ValidationFailedError } from '../domain.exception';
import { jsonDepth } from './json-depth';
import { normaliseTextFields } from './text-normalisation';
import { textFault, unsafeTextFields } from './text-safety';

/** Deeper than any body the API accepts (an asset is about five levels deep). */
export const MAX_JSON_DEPTH = 32;

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function hasBody(request: Request): boolean {
  return (
    request.headers['transfer-encoding'] !== undefined ||
    Number(request.headers['content-length'] ?? 0) > 0
  );
}

/**
 * The API takes JSON only, in UTF-8 (RFC 8259): anything else is a 415 that says so, rather
 * than an empty body failing validation field by field.
 */
export function requireJsonBody(request: Request, _response: Response, next: NextFunction): void {
  if (!METHODS_WITH_BODY.has(request.method) || !hasBody(request)) return next();
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    return next(
      new DomainException(
        CommonError.UnsupportedMediaType,
        `Send the body as JSON with Content-Type: application/json${type ? ` (got "${type.slice(0, 100)}")` : ''}`,
      ),
    );
  }
  const charset = charsetOf(type);
  if (charset && !/^utf-?8$/i.test(charset)) {
    return next(
      new DomainException(
        CommonError.UnsupportedCharset,
        `Send JSON encoded as UTF-8 (got charset "${charset.slice(0, 40)}")`,
      ),
    );
  }
  next();
}

/** The charset a Content-Type names, if any (`text/csv; charset="utf-8"` → `utf-8`). */
export function charsetOf(contentType: string): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1];
}

/** body-parser `verify` hook: refuses a body nested deeper than MAX_JSON_DEPTH before parsing. */
export function refuseDeepJson(_request: unknown, _response: unknown, body: Buffer): void {
  if (jsonDepth(body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw Object.assign(new Error(`The body is nested more than ${MAX_JSON_DEPTH} levels deep`), {
      status: 400,
      type: 'entity.too.deep',
    });
  }
}

/**
 * What pasting brings (soft line breaks, non-breaking and zero-width spaces, CRLF) becomes plain
 * text in every body, JSON or form, before anything checks or stores it: the API and the pages
 * store the same text for the same paste (see normaliseText).
 */
export function normaliseBodyText(request: Request, _response: Response, next: NextFunction): void {
  if (request.body !== undefined) request.body = normaliseTextFields(request.body);
  next();
}

/**
 * Refuses text no field may hold (NUL, control characters, unpaired surrogates) in the path,
 * the query and the body, naming each place, before any of it reaches a service or the database.
 * A page's form body goes on: every form checks its text field by field (validateForm) and shows
 * the form again with the problem named beside the field and what was typed kept, where a refusal
 * here would answer problem+json to a browser and lose the work.
 */
export function refuseUnsafeText(request: Request, _response: Response, next: NextFunction): void {
  let path: string;
  try {
    path = decodeURIComponent(request.path);
  } catch {
    return next(
      new DomainException(CommonError.MalformedUrl, 'The path has an invalid percent-encoding'),
    );
  }
  const formBody = request.is('application/x-www-form-urlencoded');
  const pathFault = textFault(path);
  const problems = [
    ...(pathFault ? [{ field: 'path', ...pathFault }] : []),
    ...unsafeTextFields(request.query),
    ...(formBody ? [] : unsafeTextFields(request.body)),
  ];
  if (problems.length > 0) return next(new ValidationFailedError(problems));
  next();
}
