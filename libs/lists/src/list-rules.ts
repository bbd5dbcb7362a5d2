/**
 * The rules of lists and saved searches, framework-free: how much one person may keep, and how
 * an item moves within its list.
 */

export const LIST_NAME_MAX = 120;
export const LIST_DESCRIPTION_MAX = 2000;
export const ITEM_NOTE_MAX = 500;
/** Lists one person may keep. */
export const MAX_LISTS_PER_PERSON = 50;
/** Building blocks one list may hold. */
export const MAX_ITEMS_PER_LIST = 200;
/** Saved searches one person may keep. */
export const MAX_SAVED_SEARCHES_PER_PERSON = 50;
export const SAVED_SEARCH_QUERY_MAX = 2000;

/** Alerts: how often the worker looks, how many searches and new blocks one run takes at most. */
export const ALERT_INTERVAL_SECONDS = 15 * 60;
export const ALERT_SEARCHES_PER_RUN = 500;
export const ALERT_CANDIDATES_PER_SEARCH = 200;
/** Blocks a notification names (its count says how many there were). */
export const ALERT_NAMED_BLOCKS = 20;

export const LIST_VISIBILITIES = ['private', 'public'] as const;
export type ListVisibility = (typeof LIST_VISIBILITIES)[number];

/** The kinds a course can hold (libs/courses: published modules and infrastructure profiles). */
export const COURSE_KINDS: readonly string[] = ['module', 'infrastructure'];

/**
 * The order after moving `id` to `position` (1-based; clamped to the list). An id not in the
 * order leaves it as it was.
 */
export function moveTo(order: readonly string[], id: string, position: number): string[] {
  const from = order.indexOf(id);
  if (from < 0) return [...order];
  const rest = order.filter((other) => other !== id);
  const to = Math.min(Math.max(1, Math.trunc(position)), order.length) - 1;
  return [...rest.slice(0, to), id, ...rest.slice(to)];
}

/** One step up (towards the top) or down; at either end it stays. */
export function step(order: readonly string[], id: string, direction: 'up' | 'down'): string[] {
  const from = order.indexOf(id);
  if (from < 0) return [...order];
  return moveTo(order, id, from + 1 + (direction === 'up' ? -1 : 1));
}

/** Items a course holds at most (libs/courses CreateCourseDto). */
export const COURSE_ITEMS_MAX = 40;

export type LeftOutReason = 'kind' | 'unavailable' | 'full';

/**
 * Which items of a list a course can take: listed blocks of a kind a course holds, up to what
 * a course holds. The others are named with why they were left out.
 */
export function courseSelection<T extends { kind: string; available: boolean }>(
  items: readonly T[],
  max = COURSE_ITEMS_MAX,
): { taken: T[]; leftOut: { item: T; reason: LeftOutReason }[] } {
  const taken: T[] = [];
  const leftOut: { item: T; reason: LeftOutReason }[] = [];
  for (const item of items) {
    if (!item.available) leftOut.push({ item, reason: 'unavailable' });
    else if (!COURSE_KINDS.includes(item.kind)) leftOut.push({ item, reason: 'kind' });
    else if (taken.length >= max) leftOut.push({ item, reason: 'full' });
    else taken.push(item);
  }
  return { taken, leftOut };
}

/**
 * The blocks found since the last check that the alert run may judge: the longest run from the
 * oldest whose blocks are in the search index already (a block published a moment ago may not
 * be yet), so none is skipped and none is judged twice. `until` is the new watermark.
 */
export function judgeable<T extends { id: string; firstPublishedAt: Date }>(
  candidates: readonly T[],
  indexed: ReadonlySet<string>,
): { ready: T[]; until: Date | null } {
  const ready: T[] = [];
  for (const candidate of candidates) {
    if (!indexed.has(candidate.id)) break;
    ready.push(candidate);
  }
  // Blocks published in the same instant as the first one not yet indexed wait with it.
  const blocked = candidates[ready.length];
  const kept = blocked
    ? ready.filter((c) => c.firstPublishedAt.getTime() < blocked.firstPublishedAt.getTime())
    : ready;
  return { ready: kept, until: kept.length ? kept[kept.length - 1].firstPublishedAt : null };
}
