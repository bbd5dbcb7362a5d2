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
/** SBB's ~800 qualifications are 20 pages; a hand-typed page 10,000 is simply past the end. */
const MAX_PAGE = 500;

function one(value: unknown): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

/** `?q=…&alleen=zonder-materiaal&sorteer=…&pagina=…` → the overview's state. */
export function readOverviewState(query: Record<string, unknown>): OverviewState {
  const text = normaliseText(one(query.q), { singleLine: true })
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH);
  const order = ORDERS.find((entry) => entry === one(query.sorteer)) ?? 'dossier';
  return {
    text,
    words: text.split(' ').filter(Boolean).slice(0, 10),
    gapsOnly: one(query.alleen) === 'zonder-materiaal',
    order,
    pageNumber: Math.min(Math.max(Math.floor(Number(one(query.pagina))) || 1, 1), MAX_PAGE),
  };
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
