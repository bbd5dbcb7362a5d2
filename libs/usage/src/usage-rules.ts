import { createHmac } from 'node:crypto';

/**
 * The rules of usage figures, framework-free: which day a view belongs to, who counts as the
 * same viewer that day, where a view came from, and what of a search is kept and for how long.
 */

/** Days and months are the region's: a view at 00:30 in Amsterdam belongs to that day. */
export const USAGE_TIME_ZONE = 'Europe/Amsterdam';
/** Raw search rows are kept this many days at most (the per-day aggregate stays). */
export const SEARCH_LOG_RETENTION_DAYS = 30;

/** The periods the search analytics look back over, in days (page and API). */
export const SEARCH_ANALYTICS_PERIODS = [30, 90, 365] as const;
export type SearchAnalyticsPeriod = (typeof SEARCH_ANALYTICS_PERIODS)[number];
/**
 * A query (or a word of poor searches) is shown in the search analytics only once this many
 * distinct visitors searched it (each counted once a day): one person's or two people's name
 * typed again and again never is, and three is the smallest group in which no one searcher
 * can be told from the others by whoever sees the list. The figures shown stay searches.
 */
export const MIN_SEARCHERS_SHOWN = 3;
/** A search with at most this many hits found no good result ("dit bestaat nog niet"). */
export const POOR_RESULT_HITS = 2;
/** Events waiting for the next flush; more are dropped (and counted), never awaited. */
export const BUFFER_LIMIT = 10_000;
/** How often the buffer is written, in milliseconds. */
export const FLUSH_INTERVAL_MS = 2_000;
/** Events written by one statement at most. */
export const FLUSH_BATCH = 2_000;
/** Referring hosts shown on a dashboard. */
export const TOP_REFERRERS = 10;

const DAY_FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: USAGE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The region's calendar day of a moment, as YYYY-MM-DD. */
export function usageDay(at: Date): string {
  return DAY_FORMAT.format(at);
}

/** The first day of the month of a YYYY-MM-DD day, `offset` months on (−1: the month before). */
export function monthOf(day: string, offset = 0): string {
  const [year, month] = day.split('-').map(Number);
  const index = year * 12 + (month - 1) + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * Who counts as the same viewer on one day: the signed-in account, else the browser at its
 * address (address and user agent together). Only a keyed hash of it is ever stored, keyed by
 * the day's random salt, which is deleted with the day's hashes when the day is over: the hash
 * cannot be reversed to an address (the salt is 32 random bytes, never shown) nor linked
 * across days. 16 bytes are plenty to keep one day's viewers apart.
 */
export function viewerHash(
  salt: Buffer,
  viewer: { userId?: string; address?: string; userAgent?: string },
): Buffer {
  const subject = viewer.userId
    ? `account\n${viewer.userId}`
    : `browser\n${viewer.address ?? ''}\n${viewer.userAgent ?? ''}`;
  return createHmac('sha256', salt).update(subject).digest().subarray(0, 16);
}

/**
 * The host a view came from, lower case and without "www."; never the path or query. Nothing
 * for no referrer, one that is not http(s), or one of the site itself (`ownHosts`).
 */
export function referrerHost(
  referrer: string | undefined,
  ownHosts: readonly string[],
): string | undefined {
  if (!referrer || referrer.length > 2000) return undefined;
  let url: URL;
  try {
    url = new URL(referrer);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (!host || host.length > 253) return undefined;
  const own = ownHosts.map((entry) => entry.toLowerCase().replace(/:\d+$/, ''));
  if (own.includes(host)) return undefined;
  return host.replace(/^www\./, '');
}

/**
 * A search's words as kept: lower case, accents kept, punctuation and repeated spaces gone,
 * at most 200 characters; "" for a search by filters alone.
 */
export function normaliseQuery(words: string | undefined): string {
  return (words ?? '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s'-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200)
    .trim();
}

/** The filters of a search as one key: `name=a,b;name2=c`, names and values sorted. */
export function filtersKey(
  filters: Readonly<Record<string, readonly string[] | undefined>>,
): string {
  return Object.keys(filters)
    .filter((name) => (filters[name]?.length ?? 0) > 0)
    .sort()
    .map((name) => `${name}=${[...new Set(filters[name])].sort().join(',')}`)
    .join(';')
    .slice(0, 1000);
}

/** The words of a kept query worth counting on their own (three letters or more). */
export function queryWords(query: string): string[] {
  return [...new Set(query.split(' ').filter((word) => word.length >= 3))];
}
