import { normaliseText } from '@bouwsteen/common/pure';
import type { OverviewFilter, OverviewOrder } from '@bouwsteen/qualifications/pure';

/** What /kwalificaties shows, read from its address; anything unknown falls back (no 400). */
export interface OverviewState extends OverviewFilter {
  /** The words as typed (trimmed, at most 100 characters), to show in the box again. */
  text: string;
  pageNumber: number;
}

export const OVERVIEW_PAGE_SIZE = 40;
export const MAX_QUERY_LENGTH = 100;
const ORDERS: readonly OverviewOrder[] = ['dossier', 'naam', 'minst-materiaal'];
/** Far past any structure (200,000 rows at 40 a page); a hand-typed page 99,999 is simply past the end. */
const MAX_PAGE = 5000;

function one(value: unknown): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

/** The words typed, as one line; at most MAX_QUERY_LENGTH characters. */
function typed(value: unknown): { text: string; words: string[] } {
  const text = normaliseText(one(value), { singleLine: true })
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH);
  return { text, words: text.split(' ').filter(Boolean).slice(0, 10) };
}

function pageNumber(value: unknown): number {
  return Math.min(Math.max(Math.floor(Number(one(value))) || 1, 1), MAX_PAGE);
}

/** `?q=…&alleen=zonder-materiaal&sorteer=…&pagina=…` → the overview's state. */
export function readOverviewState(query: Record<string, unknown>): OverviewState {
  const order = ORDERS.find((entry) => entry === one(query.sorteer)) ?? 'dossier';
  return {
    ...typed(query.q),
    gapsOnly: one(query.alleen) === 'zonder-materiaal',
    order,
    pageNumber: pageNumber(query.pagina),
  };
}

/** What /kwalificaties/keuzedelen shows: words on code or name, "zonder module", a page. */
export interface ElectiveListState {
  text: string;
  words: string[];
  gapsOnly: boolean;
  pageNumber: number;
}

/** `?q=…&alleen=zonder-module&pagina=…` → the keuzedelen overview's state. */
export function readElectiveListState(query: Record<string, unknown>): ElectiveListState {
  return {
    ...typed(query.q),
    gapsOnly: one(query.alleen) === 'zonder-module',
    pageNumber: pageNumber(query.pagina),
  };
}

export function electiveListHref(
  state: ElectiveListState,
  changes: Partial<Pick<ElectiveListState, 'text' | 'gapsOnly' | 'pageNumber'>> = {},
): string {
  const next = { ...state, pageNumber: 1, ...changes };
  const params = new URLSearchParams();
  if (next.text) params.set('q', next.text);
  if (next.gapsOnly) params.set('alleen', 'zonder-module');
  if (next.pageNumber > 1) params.set('pagina', String(next.pageNumber));
  const query = params.toString();
  return query ? `/kwalificaties/keuzedelen?${query}` : '/kwalificaties/keuzedelen';
}

/** The address of this state with some parts changed; defaults are left out. */
export function overviewHref(
  state: OverviewState,
  changes: Partial<Pick<OverviewState, 'text' | 'gapsOnly' | 'order' | 'pageNumber'>> = {},
): string {
  const next = { ...state, pageNumber: 1, ...changes };
  const params = new URLSearchParams();
  if (next.text) params.set('q', next.text);
  if (next.gapsOnly) params.set('alleen', 'zonder-materiaal');
  if (next.order !== 'dossier') params.set('sorteer', next.order);
  if (next.pageNumber > 1) params.set('pagina', String(next.pageNumber));
  const query = params.toString();
  return query ? `/kwalificaties?${query}` : '/kwalificaties';
}
