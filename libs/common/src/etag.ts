import {
  MalformedIfMatchError,
  PreconditionFailedError,
  PreconditionRequiredError,
} from './domain.exception';

export function toEtag(rowVersion: number): string {
  return `"${rowVersion}"`;
}

/**
 * Parses an If-Match header into the row version the client last saw. Writes use the strong
 * comparison of RFC 9110: a weak validator (W/"3") never matches. "*", a bare number or a list
 * are refused with 400, since each would let an edit through that never read the current version.
 */
export function parseIfMatch(header: string | undefined): number {
  if (header === undefined || header.trim() === '') throw new PreconditionRequiredError();
  const value = header.trim();
  const strong = /^"(\d{1,9})"$/.exec(value);
  if (strong) return Number(strong[1]);
  if (/^W\/"\d{1,9}"$/.test(value)) {
    throw new PreconditionFailedError(
      '(a weak ETag)',
      'A weak ETag (W/"…") never matches for a write; send the ETag exactly as you received it',
    );
  }
  throw new MalformedIfMatchError(
    value === '*'
      ? 'If-Match: * would allow a blind overwrite; send the ETag of the version you read, e.g. "3"'
      : value.includes(',')
        ? 'Send exactly one ETag in If-Match, the one of the version you read, e.g. "3"'
        : 'If-Match must be the ETag you read, in double quotes, e.g. "3"',
  );
}

export function assertFresh(expected: number, current: number): void {
  if (expected !== current) throw new PreconditionFailedError(toEtag(current));
}
