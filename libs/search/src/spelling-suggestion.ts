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

/**
 * "Did you mean": when the engine found the query's words only by tolerating typos, the words
 * it matched instead are in the highlighted hits. Each query word that matched nothing as typed
 * is replaced by the closest marked word (at most two edits away, and not a word it is merely
 * the start of, which is prefix search rather than a typo). Undefined when nothing needs fixing.
 */
export function spellingSuggestion(query: string, highlighted: string[]): string | undefined {
  const marked = [...new Set(highlighted.flatMap(markedWords))];
  if (marked.length === 0) return undefined;
  const folded = marked.map(fold);
  let changed = false;
  const corrected = query.replace(WORD, (word) => {
    const typed = fold(word);
    if (typed.length < 3 || folded.some((candidate) => candidate === typed)) return word;
    if (folded.some((candidate) => candidate.startsWith(typed))) return word;
    let best: string | undefined;
    let bestDistance = 3;
    folded.forEach((candidate, index) => {
      const edits = distance(typed, candidate);
      if (edits < bestDistance) {
        bestDistance = edits;
        best = marked[index].toLocaleLowerCase('nl');
      }
    });
    if (!best) return word;
    changed = true;
    return best;
  });
  return changed ? corrected : undefined;
}
