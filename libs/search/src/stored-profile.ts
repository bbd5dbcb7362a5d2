import type { Term, TermBag } from '@bouwsteen/language';
import type { SimilarityProfile } from './similarity';

/**
 * A profile as the search index stores it with each document (see SearchDocument): every term
 * once, as [key, kind, surface, weight] or, for parts and concepts, [..., source], and each bag
 * as positions in that list in the bag's own order. It is built when the document is indexed,
 * so a similarity check scores its candidates without analysing their texts again.
 */
export interface StoredProfile {
  /** The analysis it was made by (PROFILE_VERSION); an older one is not trusted. */
  version?: number;
  terms: StoredTerm[];
  all: number[];
  title: number[];
  outcomes: number[];
  keywords: number[];
}
export type StoredTerm =
  | [key: string, kind: Term['kind'], surface: string, weight: number]
  | [key: string, kind: Term['kind'], surface: string, weight: number, source: string];

/**
 * Raised whenever analysis changes what a text's profile holds (2: generic words no longer name
 * thesaurus concepts). A document indexed by an older analysis has its texts analysed again at
 * each check, as one without a profile, until `search:reindex` or `search:drift -- --repair`
 * (its content hash differs) stores a current one: a change of analysis never leaves checks
 * scoring with stale terms.
 */
export const PROFILE_VERSION = 2;

/** A stored profile made by the current analysis (absent or older ones are not). */
export function isCurrentProfile(stored: StoredProfile | undefined): stored is StoredProfile {
  return stored?.version === PROFILE_VERSION;
}

export function toStoredProfile(profiled: SimilarityProfile): StoredProfile {
  const terms: StoredTerm[] = [];
  // Bags share most terms (the whole-text bag holds the title's, keywords' and outcomes'):
  // each distinct term is stored once.
  const positions = new Map<string, number>();
  const positionsOf = (bag: TermBag) =>
    [...bag.values()].map((term) => {
      const stored: StoredTerm =
        term.source === undefined
          ? [term.key, term.kind, term.surface, term.weight]
          : [term.key, term.kind, term.surface, term.weight, term.source];
      const identity = stored.join('\u0000');
      let at = positions.get(identity);
      if (at === undefined) {
        at = terms.length;
        positions.set(identity, at);
        terms.push(stored);
      }
      return at;
    });
  return {
    version: PROFILE_VERSION,
    terms,
    all: positionsOf(profiled.all),
    title: positionsOf(profiled.title),
    outcomes: positionsOf(profiled.outcomes),
    keywords: positionsOf(profiled.keywords),
  };
}

/** The profile a stored one was made from: equal to analysing the texts again. */
export function fromStoredProfile(
  stored: StoredProfile,
  levels: string[],
  creboCodes: string[],
): SimilarityProfile {
  const terms = stored.terms.map(
    ([key, kind, surface, weight, source]): Term =>
      source === undefined
        ? { key, kind, surface, weight }
        : { key, kind, surface, source, weight },
  );
  const bag = (positions: number[]): TermBag =>
    new Map(positions.map((at) => [terms[at].key, terms[at]]));
  return {
    title: bag(stored.title),
    outcomes: bag(stored.outcomes),
    keywords: bag(stored.keywords),
    all: bag(stored.all),
    levels,
    creboCodes,
  };
}
