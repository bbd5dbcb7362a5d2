import { PreconditionFailedError, PreconditionRequiredError } from './domain.exception';

export function toEtag(rowVersion: number): string {
  return `"${rowVersion}"`;
}

/**
 * Parses an If-Match header into the row version the client last saw. A weak validator or a
 * list is accepted; "*" is refused because it would allow the blind overwrite ETags exist to stop.
 */
export function parseIfMatch(header: string | undefined): number {
  if (!header) throw new PreconditionRequiredError();
  const match = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
  if (!match) throw new PreconditionFailedError('(unparseable If-Match)');
  return Number(match[1]);
}

export function assertFresh(expected: number, current: number): void {
  if (expected !== current) throw new PreconditionFailedError(toEtag(current));
}

export const IF_MATCH_HEADER = 'if-match';
