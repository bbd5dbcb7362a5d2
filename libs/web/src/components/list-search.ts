import { ASSET_KINDS, type AssetKind } from '@bouwsteen/assets/pure';
import { normaliseText } from '@bouwsteen/common/pure';

/** How a list of a PPS's own blocks or a picker is narrowed, read from its address. */
export interface ListSearch {
  /** The words as typed (trimmed, at most 200 characters), to show in the box again. */
  words: string;
  /** Those words one by one (at most 10), each to be found in the title. */
  titleWords: string[];
  kind?: AssetKind;
  /** `titel`: A to Z; `gewijzigd`: newest change first. */
  sort: 'titel' | 'gewijzigd';
  pageNumber: number;
}

export const MAX_SEARCH_LENGTH = 200;

function one(value: unknown): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

/**
 * `?zoek=…&soort=…&sorteer=…&pagina=…` → a ListSearch; anything unknown falls back to the
 * default (no 400 for a hand-edited address). `defaultSort` differs per list: a picker is
 * read A to Z, a dashboard newest first.
 */
export function readListSearch(
  query: Record<string, unknown>,
  defaultSort: ListSearch['sort'],
  maxPage = 400,
): ListSearch {
  const words = normaliseText(one(query.zoek), { singleLine: true })
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim()
    .slice(0, MAX_SEARCH_LENGTH);
  const kind = ASSET_KINDS.find((entry) => entry === one(query.soort));
  const sort = one(query.sorteer);
  return {
    words,
    titleWords: words.split(/\s+/).filter(Boolean).slice(0, 10),
    kind,
    sort: sort === 'titel' || sort === 'gewijzigd' ? sort : defaultSort,
    pageNumber: Math.min(Math.max(Math.floor(Number(one(query.pagina))) || 1, 1), maxPage),
  };
}

/** The search's part of an address (`zoek=…&sorteer=…`), without defaults and page. */
export function listSearchParams(
  search: ListSearch,
  defaultSort: ListSearch['sort'],
): URLSearchParams {
  const params = new URLSearchParams();
  if (search.words) params.set('zoek', search.words);
  if (search.kind) params.set('soort', search.kind);
  if (search.sort !== defaultSort) params.set('sorteer', search.sort);
  return params;
}

/** What the repository's list takes. */
export function listNarrowing(search: ListSearch): {
  titleWords: string[];
  order: 'newest' | 'title';
} {
  return {
    titleWords: search.titleWords,
    order: search.sort === 'titel' ? 'title' : 'newest',
  };
}
