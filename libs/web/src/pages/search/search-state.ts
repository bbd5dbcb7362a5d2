import type { FacetName, SearchQueryDto } from '@bouwsteen/search';
import { FACET_DEFINITIONS, SORTS, SortValue } from './search-facets';

export const PAGE_SIZE = 20;
/** The engine returns at most 10,000 hits: 500 pages of 20. */
export const MAX_PAGE = 500;
const MAX_VALUES = 20;
const MAX_QUERY = 200;
const MAX_HOURS = 100_000;

/** Everything a search page shows is in its URL, so it can be bookmarked, shared and gone back to. */
export interface SearchState {
  q: string;
  /** The LLO tab: modules for workers. */
  llo: boolean;
  values: Record<string, string[]>;
  certifiable?: boolean;
  hoursMin?: number;
  hoursMax?: number;
  /** Only when chosen; otherwise relevance with words, newest without. */
  sort?: SortValue;
  page: number;
}

/** A part of the URL that was not used, and why, for the notice above the results. */
export interface Ignored {
  param: string;
  value: string;
}

type RawQuery = Record<string, unknown>;

/** Strings only (repeated parameters and comma-separated lists both work); anything else is dropped. */
function strings(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list
    .filter((item): item is string => typeof item === 'string')
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter(Boolean);
}

/** The first value as given: single values are never split (12,5 is a Dutch decimal). */
function first(raw: unknown): string | undefined {
  const list = Array.isArray(raw) ? raw : [raw];
  const value = list.find((item): item is string => typeof item === 'string');
  return value?.trim() || undefined;
}

/**
 * Reads the page's URL. A value that cannot be used (an unknown code, a negative number) is
 * left out and reported, so a stale or hand-edited link still shows results instead of an error.
 * `known(param, value)` says whether a code exists (labels come from the taxonomy).
 */
export function parseSearchState(
  raw: RawQuery,
  known: (param: string, value: string) => boolean,
): { state: SearchState; ignored: Ignored[] } {
  const ignored: Ignored[] = [];
  const values: Record<string, string[]> = {};
  for (const { param } of FACET_DEFINITIONS) {
    const kept: string[] = [];
    for (const value of strings(raw[param])) {
      if (kept.length >= MAX_VALUES || !known(param, value)) ignored.push({ param, value });
      else if (!kept.includes(value)) kept.push(value);
    }
    if (kept.length) values[param] = kept;
  }
  const hours = (param: string): number | undefined => {
    const text = first(raw[param]);
    if (text === undefined) return undefined;
    const value = Number(text.replace(',', '.'));
    if (Number.isFinite(value) && value >= 0 && value <= MAX_HOURS) return value;
    ignored.push({ param, value: text });
    return undefined;
  };
  let hoursMin = hours('uren-min');
  let hoursMax = hours('uren-max');
  if (hoursMin !== undefined && hoursMax !== undefined && hoursMax < hoursMin)
    [hoursMin, hoursMax] = [hoursMax, hoursMin];
  const certificate = first(raw.certificaat);
  if (certificate !== undefined && certificate !== 'ja' && certificate !== 'nee')
    ignored.push({ param: 'certificaat', value: certificate });
  const sortText = first(raw.sorteer);
  const sort = SORTS.find((option) => option.value === sortText)?.value;
  if (sortText !== undefined && !sort) ignored.push({ param: 'sorteer', value: sortText });
  const pageText = first(raw.pagina);
  const page = Number(pageText ?? '1');
  if (pageText !== undefined && !(Number.isInteger(page) && page >= 1 && page <= MAX_PAGE))
    ignored.push({ param: 'pagina', value: pageText });
  const q = typeof raw.q === 'string' ? raw.q.trim().slice(0, MAX_QUERY) : '';
  return {
    state: {
      q,
      llo: first(raw.aanbod) === 'llo',
      values,
      certifiable: certificate === 'ja' ? true : certificate === 'nee' ? false : undefined,
      hoursMin,
      hoursMax,
      sort,
      page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
    },
    ignored,
  };
}

/** The URL of a state, parameters in one fixed order (one canonical URL per search). */
export function searchHref(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.llo) params.set('aanbod', 'llo');
  for (const { param } of FACET_DEFINITIONS)
    for (const value of state.values[param] ?? []) params.append(param, value);
  if (state.certifiable !== undefined) params.set('certificaat', state.certifiable ? 'ja' : 'nee');
  if (state.hoursMin !== undefined) params.set('uren-min', String(state.hoursMin));
  if (state.hoursMax !== undefined) params.set('uren-max', String(state.hoursMax));
  if (state.sort) params.set('sorteer', state.sort);
  if (state.page > 1) params.set('pagina', String(state.page));
  const query = params.toString();
  return query ? `/zoeken?${query}` : '/zoeken';
}

/**
 * A search URL without the parameters that carry no value: a GET form sends every field, so
 * `/zoeken?q=&sorteer=&uren-min=` says no more than `/zoeken`. `hadEmpty` says whether any were
 * dropped (the page then redirects there); `url` is the same URL otherwise, its query encoded
 * again (safe for a header).
 */
export function withoutEmptyParams(url: string): { url: string; hadEmpty: boolean } {
  const at = url.indexOf('?');
  if (at < 0) return { url, hadEmpty: false };
  // Only a field sent empty (`q=`) is dropped; words typed straight after "?" (`?cobots`, a
  // name without "=") stay, as the page reads them.
  const raw = url
    .slice(at + 1)
    .split('&')
    .filter(Boolean);
  const params = raw.map((part) => [...new URLSearchParams(part)][0] ?? ['', '']);
  const kept = params.filter(
    ([, value], index) => value.trim() !== '' || !raw[index].includes('='),
  );
  const query = new URLSearchParams(kept).toString();
  return {
    url: url.slice(0, at) + (query ? `?${query}` : ''),
    hadEmpty: kept.length < params.length,
  };
}

/** A copy with changes; any change but paging goes back to the first page. */
export function withChanges(state: SearchState, changes: Partial<SearchState>): SearchState {
  return { ...state, page: 1, ...changes, values: changes.values ?? state.values };
}

export function withoutValue(state: SearchState, param: string, value: string): SearchState {
  const values = {
    ...state.values,
    [param]: (state.values[param] ?? []).filter((v) => v !== value),
  };
  if (!values[param].length) delete values[param];
  return withChanges(state, { values });
}

export function withoutFacet(state: SearchState, param: string): SearchState {
  const values = { ...state.values };
  delete values[param];
  return withChanges(state, { values });
}

export function hasFilters(state: SearchState): boolean {
  return (
    Object.keys(state.values).length > 0 ||
    state.certifiable !== undefined ||
    state.hoursMin !== undefined ||
    state.hoursMax !== undefined
  );
}

/** The effective sort: the visitor's choice, else relevance for words and newest without. */
export function effectiveSort(state: SearchState): SortValue {
  return state.sort ?? (state.q ? 'relevantie' : 'nieuw');
}

const FACETS_COUNTED: FacetName[] = [...FACET_DEFINITIONS.map((d) => d.facet), 'certifiable'];

/**
 * Each facet's URL parameter and the API's search parameter it stands for: one table for both
 * ways (a page's search as the API's, a saved search's as a page URL).
 */
const API_PARAMS = [
  ['soort', 'kind'],
  ['niveau', 'level'],
  ['kwalificatie', 'qualification'],
  ['doelgroep', 'audience'],
  ['vorm', 'deliveryMode'],
  ['leervorm', 'learningMode'],
  ['thema', 'theme'],
  ['opgave', 'challenge'],
  ['provincie', 'province'],
  ['pps', 'ppsId'],
  ['licentie', 'license'],
] as const satisfies readonly (readonly [string, keyof SearchQueryDto])[];

/** The LLO tab stands for its preset: kind and audience are the preset's, not the URL's. */
const PRESET_OWNS = new Set<string>(['soort', 'doelgroep']);

/**
 * The search the state asks for, with every facet counted. A plain object of the query's type
 * (not the class): every field is set here, and the search service only reads them.
 */
export function toSearchQuery(state: SearchState): SearchQueryDto {
  const query: SearchQueryDto = {
    q: state.q || undefined,
    preset: state.llo ? 'llo' : undefined,
    certifiable: state.certifiable,
    studyLoadMin: state.hoursMin,
    studyLoadMax: state.hoursMax,
    sort: SORTS.find((option) => option.value === effectiveSort(state))!.sort,
    facets: FACETS_COUNTED,
    pageNumber: state.page,
    pageSize: PAGE_SIZE,
  };
  for (const [param, api] of API_PARAMS)
    (query as unknown as Record<string, unknown>)[api] =
      state.llo && PRESET_OWNS.has(param) ? undefined : state.values[param];
  return query;
}

/**
 * The words and filters of a state as the query string of GET /api/v1/search: what a saved
 * search keeps (no page, order or facet counts).
 */
export function apiSearchQuery(state: SearchState): string {
  const query = toSearchQuery(state) as unknown as Record<string, unknown>;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || ['pageNumber', 'pageSize', 'facets', 'sort'].includes(key)) continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return params.toString();
}

/**
 * A saved search (the API's query string) as the page's state; what the page has no filter for
 * (a sector, a place) is left out. Newest first: a saved search is opened to see what is new.
 */
export function stateOfApiQuery(query: string): SearchState {
  const params = new URLSearchParams(query);
  const list = (name: string) =>
    (params.get(name) ?? '')
      .split(',')
      .map((value) => value.trim())
      .filter(Boolean);
  const llo = params.get('preset') === 'llo';
  const values: Record<string, string[]> = {};
  for (const [param, api] of API_PARAMS) {
    const chosen = llo && PRESET_OWNS.has(param) ? [] : list(api);
    if (chosen.length) values[param] = chosen;
  }
  const number = (name: string) => {
    const value = Number(params.get(name) ?? undefined);
    return params.has(name) && Number.isFinite(value) ? value : undefined;
  };
  const certifiable = params.get('certifiable');
  return {
    q: params.get('q') ?? '',
    llo,
    values,
    certifiable: certifiable === 'true' ? true : certifiable === 'false' ? false : undefined,
    hoursMin: number('studyLoadMin'),
    hoursMax: number('studyLoadMax'),
    sort: 'nieuw',
    page: 1,
  };
}
