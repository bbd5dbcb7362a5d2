/**
 * The "older changes" links of /beheer/wijzigingen: where each list's page ended, as a short
 * opaque token in the URL. A token that does not decode (altered, truncated) starts the list
 * from the newest entry: these are links the page made, and the list is only read.
 */

export interface BlockChangePosition {
  at: string;
  assetId: string;
  number: number;
  what: 'edited' | 'published' | 'archived';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MICROSECOND_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const WHATS = new Set(['edited', 'published', 'archived']);

/** V8 reads 2026-02-30 as 2 March: a moment is real when it reads back as written. */
function realMoment(at: string): boolean {
  const parsed = new Date(at);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 23) === at.slice(0, 23);
}

export function encodeBlockPosition(position: BlockChangePosition): string {
  return Buffer.from(
    [position.at, position.assetId, position.number, position.what].join('|'),
  ).toString('base64url');
}

export function decodeBlockPosition(token: unknown): BlockChangePosition | undefined {
  if (typeof token !== 'string' || token.length > 200) return undefined;
  const [at, assetId, number, what, ...rest] = Buffer.from(token, 'base64url')
    .toString('utf8')
    .split('|');
  if (
    rest.length > 0 ||
    !MICROSECOND_UTC.test(at ?? '') ||
    !realMoment(at) ||
    !UUID.test(assetId ?? '') ||
    !/^[1-9][0-9]{0,8}$/.test(number ?? '') ||
    !WHATS.has(what ?? '')
  )
    return undefined;
  return { at, assetId, number: Number(number), what: what as BlockChangePosition['what'] };
}

/** An audit entry's id (a positive bigint), or undefined. */
export function decodeAuditPosition(token: unknown): string | undefined {
  return typeof token === 'string' && /^[1-9][0-9]{0,17}$/.test(token) ? token : undefined;
}
