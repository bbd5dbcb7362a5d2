import type { ElectiveCoverage, QualificationCoverage } from './coverage.repository';
import { isGap } from './coverage-rules';

/**
 * What the overviews of qualifications and keuzedelen ask and get. The narrowing, order and
 * paging run in SQL (coverage.repository.ts, where the rule of what serves what lives), so a
 * page costs the same at any size of the structure.
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

/** The keuzedelen overview: words on code or name, and the "zonder module" choice. */
export interface ElectiveOverviewFilter {
  words: string[];
  /** Only valid keuzedelen no module carries (isElectiveGap). */
  gapsOnly: boolean;
}

export interface ElectiveOverviewPage {
  rows: ElectiveCoverage[];
  total: number;
  matching: number;
  matchingWithoutModule: number;
}
