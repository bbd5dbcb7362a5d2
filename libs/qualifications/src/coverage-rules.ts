import type { ElectiveCoverage, QualificationCoverage } from './coverage.repository';

/**
 * What the coverage counts mean, in one place for the pages, the report and its downloads (the
 * counts themselves come from coverage.repository.ts).
 */

/** A curriculum or module serves it (in the scope counted). */
export function hasMaterial(row: Pick<QualificationCoverage, 'curricula' | 'modules'>): boolean {
  return row.curricula + row.modules > 0;
}

/**
 * A gap a region would fund: still open for intake and served by no curriculum or module in
 * the scope. A qualification whose intake ended is no gap: nobody develops for it any more.
 */
export function isGap(row: QualificationCoverage): boolean {
  return row.current && !hasMaterial(row);
}

/** A gap in the province for which material exists in another (reuse it rather than redo it). */
export function servedElsewhere(row: QualificationCoverage): boolean {
  return isGap(row) && !!row.national && hasMaterial(row.national);
}

export function electiveHasModule(row: Pick<ElectiveCoverage, 'modules'>): boolean {
  return row.modules > 0;
}

/** A valid keuzedeel without a module in the scope. */
export function isElectiveGap(row: ElectiveCoverage): boolean {
  return row.current && !electiveHasModule(row);
}

export function electiveServedElsewhere(row: ElectiveCoverage): boolean {
  return isElectiveGap(row) && (row.nationalModules ?? 0) > 0;
}
