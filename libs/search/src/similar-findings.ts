import type { Reason } from './similarity';

/** A near-identical copy of a finding, published by another PPS: shown under it, not beside it. */
export interface SimilarSibling {
  id: string;
  title: string;
  pps: { id: string; name: string };
  /** Its own score against the asked text (0..1). */
  score: number;
}

export interface SimilarAsset {
  id: string;
  kind: string;
  title: string;
  pps: { id: string; name: string };
  score: number;
  reasons: Reason[];
  /** Near-identical copies of this block by other PPS (the same module published twice). */
  alsoPublishedBy: SimilarSibling[];
}

/**
 * Two findings this alike (their profiles compared with the similarity score, which is the same
 * whichever comes first) are the same block published twice. Chosen on the tune half
 * of test/fixtures/overlap-set-nl.json only: its 22 sibling pairs scored 0.75–1.00 against each
 * other from title and summary and 0.83–1.00 from full records, while no other pair of the same
 * kind in that half (near misses, other topics) scored above 0.54 (bench/README.md).
 */
export const SIBLING_LIKENESS = 0.7;

export interface Scored<T> {
  candidate: T;
  score: number;
}

export interface FindingGroup<T> {
  lead: Scored<T>;
  siblings: Scored<T>[];
}

/**
 * The findings as groups, best first: a finding near-identical to a better one of another PPS is
 * listed under it (never dropped), and `limit` counts groups. Every scored candidate is looked at,
 * so a sibling scoring below the last group shown is still shown under its lead. `nearIdentical`
 * says whether two findings are alike at SIBLING_LIKENESS or more.
 */
export function groupSiblings<T extends { ppsId: string }>(
  scored: readonly Scored<T>[],
  nearIdentical: (first: T, second: T) => boolean,
  limit: number,
): FindingGroup<T>[] {
  const groups: FindingGroup<T>[] = [];
  for (const item of scored) {
    const group = groups.find(
      ({ lead }) =>
        lead.candidate.ppsId !== item.candidate.ppsId &&
        nearIdentical(lead.candidate, item.candidate),
    );
    if (group) group.siblings.push(item);
    else if (groups.length < limit) groups.push({ lead: item, siblings: [] });
  }
  return groups;
}
