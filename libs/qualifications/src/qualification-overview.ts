import type { QualificationCoverage } from './coverage.repository';
import { isGap } from './coverage-rules';

/**
 * How the overview of qualifications is narrowed, ordered and paged. Pure: the counts come from
 * coverage.repository.ts (where the rule of what serves a qualification lives), this file only
 * chooses among them.
 */

export type OverviewOrder = 'dossier' | 'naam' | 'minst-materiaal';

export interface OverviewFilter {
  /** Words to find in the name or crebo of the qualification or its dossier (all must match). */
  words: string[];
  /** Only qualifications without reusable material (see `withoutMaterial`). */
  gapsOnly: boolean;
  order: OverviewOrder;
}

export interface OverviewPage {
  rows: QualificationCoverage[];
  /** Rows matching the filter (all pages). */
  total: number;
  /** Rows matching the words, with and without material: what the two choices would show. */
  matching: number;
  matchingWithoutMaterial: number;
}

/** The "zonder materiaal" choice: the gaps (coverage-rules.ts; a closed qualification is none). */
export const withoutMaterial = isGap;

/** Lower case, accents off ("hygiëne" is found by "hygiene"). */
export function searchable(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function matches(row: QualificationCoverage, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const haystack = searchable(`${row.title} ${row.crebo} ${row.dossierTitle} ${row.dossierCrebo}`);
  return words.every((word) => haystack.includes(searchable(word)));
}

const byName = (a: QualificationCoverage, b: QualificationCoverage) =>
  a.title.localeCompare(b.title, 'nl') || a.crebo.localeCompare(b.crebo);

/** The share of keuzedelen with a module; a qualification without keuzedelen counts as 0. */
function electiveShare(row: QualificationCoverage): number {
  return row.electives === 0 ? 0 : row.electivesWithModule / row.electives;
}

/**
 * One page of the overview. `rows` come in the repository's order (dossier, level, name),
 * which `dossier` keeps; `naam` is A–Z; `minst-materiaal` puts the least served first (fewest
 * curricula and modules, then the smallest share of keuzedelen with a module).
 */
export function overviewPage(
  rows: readonly QualificationCoverage[],
  filter: OverviewFilter,
  page: { number: number; size: number },
): OverviewPage {
  const matching = rows.filter((row) => matches(row, filter.words));
  const gaps = matching.filter(withoutMaterial);
  const chosen = [...(filter.gapsOnly ? gaps : matching)];
  if (filter.order === 'naam') chosen.sort(byName);
  if (filter.order === 'minst-materiaal')
    chosen.sort(
      (a, b) =>
        a.curricula + a.modules - (b.curricula + b.modules) ||
        electiveShare(a) - electiveShare(b) ||
        byName(a, b),
    );
  const start = (page.number - 1) * page.size;
  return {
    rows: chosen.slice(start, start + page.size),
    total: chosen.length,
    matching: matching.length,
    matchingWithoutMaterial: gaps.length,
  };
}
