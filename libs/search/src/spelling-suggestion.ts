import { distance } from 'fastest-levenshtein';
import { MARK_CLOSE, MARK_OPEN } from './search-filter';

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower case without accents, so "coördinator" and "coordinator" count as one spelling. */
function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl');
}

/** The whole words the engine marked in highlighted text (a mark may cover only a prefix). */
export function markedWords(highlighted: string): string[] {
  const words: string[] = [];
  let from = highlighted.indexOf(MARK_OPEN);
  while (from !== -1) {
    const close = highlighted.indexOf(MARK_CLOSE, from);
    if (close === -1) break;
    let end = close + 1;
    while (end < highlighted.length && /[\p{L}\p{N}]/u.test(highlighted[end])) end++;
    const word = (highlighted.slice(from + 1, close) + highlighted.slice(close + 1, end)).match(
      WORD,
    );
    if (word) words.push(...word);
    from = highlighted.indexOf(MARK_OPEN, end);
  }
  return words;
}

/** A query word and the word the engine matched in its place by tolerating a typo. */
/** More words to correct than this and "Bedoelde u" is not offered (see spellingCorrections). */
export const MAX_CORRECTIONS = 5;

export interface Correction {
  typed: string;
  suggested: string;
}

/**
 * The corrections a "did you mean" would make: when the engine found a query word only by
 * tolerating typos, the words it matched instead are in the highlighted hits. Each query word
 * that matched nothing as typed is paired with the closest marked word (at most two edits away,
 * and not a word it is merely the start of, which is prefix search rather than a typo). A word
 * that is Dutch as typed (`isWord`: "lassen", welding) is no typo, whatever it found: its
 * neighbours (lossen, lessen) are other words, named as "ook gevonden", never as a correction.
 */
export function spellingCorrections(
  query: string,
  highlighted: string[],
  isWord: (word: string) => boolean = () => false,
): Correction[] {
  const marked = [...new Set(highlighted.flatMap(markedWords))];
  if (marked.length === 0) return [];
  const folded = marked.map(fold);
  const corrections: Correction[] = [];
  for (const word of correctableWords(query, isWord)) {
    const typed = fold(word);
    if (folded.some((candidate) => candidate === typed)) continue;
    if (folded.some((candidate) => candidate.startsWith(typed))) continue;
    let best: string | undefined;
    let bestDistance = 3;
    folded.forEach((candidate, index) => {
      const edits = distance(typed, candidate);
      if (edits < bestDistance) {
        bestDistance = edits;
        best = marked[index].toLocaleLowerCase('nl');
      }
    });
    if (best) corrections.push({ typed: word, suggested: best });
  }
  // Each correction costs the check two exact searches: a query of many misspelt words gets none.
  return corrections.length > MAX_CORRECTIONS ? [] : corrections;
}

/**
 * The query's words that a "did you mean" could correct, each once as first typed: three letters
 * or more and not Dutch as typed. Whether one is a typo also depends on what the search finds,
 * but only these can be, so the search page asks how often each is in the index as typed in the
 * same round trip as its results (see SearchService.facetedParams).
 */
export function correctableWords(
  query: string,
  isWord: (word: string) => boolean = () => false,
): string[] {
  const words: string[] = [];
  const seen = new Set<string>();
  for (const word of query.match(WORD) ?? []) {
    const typed = fold(word);
    if (seen.has(typed)) continue;
    seen.add(typed);
    if (typed.length >= 3 && !isWord(typed)) words.push(word);
  }
  return words;
}

/** The same word whatever its case or accents (keys of the exact counts). */
export function spellingKey(word: string): string {
  return fold(word);
}

/** The query with its corrections made; undefined when there are none. */
export function corrected(query: string, corrections: Correction[]): string | undefined {
  if (corrections.length === 0) return undefined;
  const byWord = new Map(corrections.map((item) => [fold(item.typed), item.suggested]));
  return query.replace(WORD, (word) => byWord.get(fold(word)) ?? word);
}

/** "Did you mean", from the highlights alone (the search service also checks it is better). */
export function spellingSuggestion(
  query: string,
  highlighted: string[],
  isWord?: (word: string) => boolean,
): string | undefined {
  return corrected(query, spellingCorrections(query, highlighted, isWord));
}

/** A query word and the other spellings the engine matched for it ("lassen": lossen, lussen). */
export interface Approximation {
  typed: string;
  found: string[];
}

/**
 * The words found only by approximation, for "ook gevonden: lossen": marked words that differ
 * from a query word by a typo (one edit, two for words of eight letters or more, as the index
 * tolerates) — not the word itself, not a longer word it starts (prefix search), not a shorter
 * word that starts it (a stem), not a word of one of its synonyms. Words of fewer than four
 * letters are never matched with typos.
 */
export function approximateMatches(
  query: string,
  highlighted: string[],
  synonyms: (word: string) => readonly string[] = () => [],
): Approximation[] {
  const marked = [...new Set(highlighted.flatMap(markedWords).map(fold))];
  const result: Approximation[] = [];
  const seen = new Set<string>();
  for (const word of query.match(WORD) ?? []) {
    const typed = fold(word);
    if (typed.length < 4 || seen.has(typed)) continue;
    seen.add(typed);
    const allowed = typed.length >= 8 ? 2 : 1;
    // "cobots" finds "collaboratieve robots" as a synonym, not "robots" as a typo.
    const same = new Set(
      synonyms(typed)
        .flatMap((phrase) => phrase.match(WORD) ?? [])
        .map(fold),
    );
    const found = marked.filter(
      (candidate) =>
        candidate !== typed &&
        !same.has(candidate) &&
        !candidate.startsWith(typed) &&
        !typed.startsWith(candidate) &&
        distance(typed, candidate) <= allowed,
    );
    if (found.length)
      result.push({
        typed: word,
        found: found.sort((a, b) => a.localeCompare(b, 'nl')).slice(0, 5),
      });
  }
  return result;
}
