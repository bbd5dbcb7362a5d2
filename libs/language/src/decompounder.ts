import { CompoundLexicon } from './compound-lexicon';
import { stemDutch } from './dutch-stemmer';

/** Shorter words are rarely compounds, and parts below three letters split words by accident. */
const MIN_WORD = 7;
const MIN_PART = 4;
const MAX_PARTS = 4;
const LINKS = ['s', 'e', 'en'];

/**
 * Splits a Dutch compound into its parts ("wachtwoordbeheer" → wacht, woord, beheer;
 * "cyberweerbaarheid" → cyber, weerbaarheid). The split with the fewest parts wins, then the one
 * with the longest last part (the head). A word that cannot be split returns [].
 */
export class Decompounder {
  private readonly memo = new Map<string, string[]>();

  constructor(private readonly lexicon: CompoundLexicon) {}

  split(word: string): string[] {
    if (word.length < MIN_WORD) return [];
    let parts = this.memo.get(word);
    if (parts === undefined) {
      parts = this.best(word, 0, 0) ?? [];
      if (parts.length < 2) parts = [];
      if (this.memo.size > 100_000) this.memo.clear();
      this.memo.set(word, parts);
    }
    return parts;
  }

  /** The best split of word[from..]: `index` is how many parts came before. */
  private best(word: string, from: number, index: number): string[] | undefined {
    const rest = word.slice(from);
    if (index > 0 && this.isEnd(rest)) return [rest];
    if (index + 1 >= MAX_PARTS) return undefined;
    let chosen: string[] | undefined;
    for (let cut = from + MIN_PART; cut <= word.length - MIN_PART; cut++) {
      const part = word.slice(from, cut);
      if (!this.canStand(part, index)) continue;
      const tail = this.best(word, cut, index + 1);
      if (tail && (!chosen || better([part, ...tail], chosen))) chosen = [part, ...tail];
      // A linking element after the part: veiligheid-s-regels, boek-en-kast.
      for (const link of LINKS) {
        if (!word.startsWith(link, cut) || cut + link.length > word.length - MIN_PART) continue;
        const linked = this.best(word, cut + link.length, index + 1);
        if (linked && (!chosen || better([part, ...linked], chosen))) chosen = [part, ...linked];
      }
    }
    return chosen;
  }

  private canStand(part: string, index: number): boolean {
    return index === 0 ? this.lexicon.begin.has(part) : this.lexicon.middle.has(part);
  }

  private isEnd(part: string): boolean {
    return (
      part.length >= MIN_PART &&
      (this.lexicon.end.has(part) ||
        this.lexicon.endStems.has(stemDutch(part)) ||
        // Snowball keeps the plural s after a vowel (drones, cobots stay): try the singular.
        (part.endsWith('s') && this.lexicon.end.has(part.slice(0, -1))))
    );
  }
}

function better(candidate: string[], current: string[]): boolean {
  if (candidate.length !== current.length) return candidate.length < current.length;
  return candidate.at(-1)!.length > current.at(-1)!.length;
}
