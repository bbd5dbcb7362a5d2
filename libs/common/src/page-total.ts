/**
 * A list's total without counting when the page already tells it: a first page that came back
 * shorter than asked holds every row there is. Only a full page, or a later one, asks `count`
 * (a round trip of its own; a block page lists a block's reuses and reviews, mostly a few).
 */
export async function pageTotal(
  offset: number,
  limit: number,
  rows: number,
  count: () => Promise<number>,
): Promise<number> {
  return offset === 0 && rows < limit ? rows : count();
}
