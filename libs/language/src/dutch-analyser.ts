import { CompoundLexicon, loadLexicon } from './compound-lexicon';
import { Decompounder } from './decompounder';
import { stemDutch } from './dutch-stemmer';
import { tokenise } from './normalise';
import { ThesaurusFile, readStopWords, readThesaurus } from './thesaurus';

/**
 * One thing a text says, as similarity compares it:
 * - `word`: a word's Snowball stem ("wachtwoorden" → wachtwoord);
 * - `part`: the stem of a part of a compound ("wachtwoordbeheer" → wacht, woord, beher);
 * - `concept`: a thesaurus group the text names in any of its words ("mkb", "kleine bedrijven").
 */
export interface Term {
  key: string;
  kind: 'word' | 'part' | 'concept';
  /** How the text wrote it, for reasons a person can check. */
  surface: string;
  /** For parts: the compound they came from; for concepts: the thesaurus's name for the group. */
  source?: string;
  weight: number;
}

export type TermBag = Map<string, Term>;

export const TERM_WEIGHTS = { word: 1, part: 0.4, concept: 1.5, related: 0.75 } as const;
/** Thesaurus phrases are at most this many words long. */
const MAX_PHRASE = 5;

interface Concept {
  key: string;
  name: string;
  weight: number;
}

/**
 * Dutch text analysis shared by search and similarity: Snowball stems, compounds split with the
 * OpenTaal word list, and the curated thesaurus. Loading reads the word list once (about a
 * second); analysis of a word is then a few map look-ups.
 */
export class DutchAnalyser {
  private readonly decompounder: Decompounder;
  private readonly stopWords: Set<string>;
  /** Stemmed phrase ("klein bedrijv") → the concepts it names. */
  private readonly phrases = new Map<string, Concept[]>();
  /**
   * First stem of a thesaurus phrase → the longest phrase starting with it: a text's words are
   * looked up as phrase starts only where one can begin (most words start none), which keeps
   * analysis of a candidate's full text to a few look-ups per word.
   */
  private readonly phraseStarts = new Map<string, number>();
  /** Every word of an equivalent group: left whole in queries, so Meilisearch's synonyms apply. */
  private readonly synonymWords = new Set<string>();

  constructor(
    private readonly lexicon: CompoundLexicon,
    readonly thesaurus: ThesaurusFile,
    stopWords: string[],
  ) {
    this.decompounder = new Decompounder(lexicon);
    this.stopWords = new Set(stopWords);
    const addGroups = (groups: string[][], prefix: string, weight: number) =>
      groups.forEach((group, index) => {
        const concept = { key: `${prefix}${index}`, name: group[0], weight };
        for (const term of group) {
          // Keyed on every word as written ("niveau 1", "in de leer bij"): a phrase whose short
          // or stop words were dropped would be named by what is left ("niveau 4" was entree).
          if (this.contentWords(term).length === 0) continue;
          const phrase = tokenise(term).map(stemDutch).join(' ');
          const list = this.phrases.get(phrase) ?? [];
          list.push(concept);
          this.phrases.set(phrase, list);
          const stems = phrase.split(' ');
          this.phraseStarts.set(
            stems[0],
            Math.max(this.phraseStarts.get(stems[0]) ?? 0, stems.length),
          );
        }
      });
    addGroups(thesaurus.equivalent, '=', TERM_WEIGHTS.concept);
    for (const group of thesaurus.equivalent)
      for (const term of group) for (const word of tokenise(term)) this.synonymWords.add(word);
    addGroups(thesaurus.related, '~', TERM_WEIGHTS.related);
  }

  static load(): DutchAnalyser {
    const thesaurus = readThesaurus();
    return new DutchAnalyser(loadLexicon(thesaurus.extraWords), thesaurus, readStopWords());
  }

  /** Words that carry meaning: normalised, without stop words (and without `ignore`). */
  contentWords(text: string, ignore?: ReadonlySet<string>): string[] {
    return tokenise(text).filter((word) => this.isContent(word) && !ignore?.has(word));
  }

  private isContent(word: string): boolean {
    return word.length > 1 && !this.stopWords.has(word);
  }

  /**
   * Whether a word is Dutch as written: the dictionary lists it, or it is a compound of listed
   * parts (warmtepompen). "lassen" is; "cobts" is not, nor is "lasen" (its stem "las" is a
   * word, so stems are not asked: they would take many typos for words).
   */
  isWord(word: string): boolean {
    const normal = tokenise(word).join('');
    if (!normal) return false;
    return this.lexicon.words.has(normal) || this.parts(normal).length > 0;
  }

  /** A compound's parts (normalised), or [] for a word that is not one. */
  parts(word: string): string[] {
    return this.decompounder.split(word);
  }

  /** Everything the texts say, keyed for comparison; `ignore` drops words too common to count. */
  analyse(texts: readonly string[], ignore?: ReadonlySet<string>): TermBag {
    const bag: TermBag = new Map();
    const add = (term: Term) => {
      const present = bag.get(term.key);
      if (!present || present.weight < term.weight) bag.set(term.key, term);
    };
    for (const text of texts) {
      // Phrases are matched on every word as written, stop words included ("werken op afstand"
      // holds a generic word); a word inside a matched phrase is represented by its concept, not
      // counted again. An ignored word is no concept on its own ("leren", "niveau"): only as part
      // of a longer phrase written out in full ("leren en werken", "niveau 1").
      const words = tokenise(text);
      const stems = words.map(stemDutch);
      const covered = new Set<number>();
      words.forEach((word, index) => {
        const longest = Math.min(
          this.phraseStarts.get(stems[index]) ?? 0,
          MAX_PHRASE,
          words.length - index,
        );
        const shortest = ignore?.has(word) ? 2 : 1;
        for (let length = longest; length >= shortest; length--) {
          const concepts = this.phrases.get(stems.slice(index, index + length).join(' '));
          if (!concepts) continue;
          this.addConcepts(concepts, words.slice(index, index + length).join(' '), add);
          for (let n = index; n < index + length; n++) covered.add(n);
        }
      });
      words.forEach((word, index) => {
        if (covered.has(index) || !this.isContent(word) || ignore?.has(word)) return;
        add({ key: stems[index], kind: 'word', surface: word, weight: TERM_WEIGHTS.word });
        for (const part of this.parts(word)) {
          const key = stemDutch(part);
          if (ignore?.has(part) || this.stopWords.has(part) || this.conceptsOf(key, part, add))
            continue;
          add({ key, kind: 'part', surface: part, source: word, weight: TERM_WEIGHTS.part });
        }
      });
    }
    return bag;
  }

  /**
   * What the index stores beside a document's text so that other spellings find it: the stems
   * of its words and the parts of its compounds (as written and stemmed), once each.
   */
  indexTerms(texts: readonly string[]): string {
    const terms = new Set<string>();
    for (const text of texts)
      for (const word of this.contentWords(text)) {
        terms.add(stemDutch(word));
        for (const part of this.parts(word)) {
          terms.add(part);
          terms.add(stemDutch(part));
        }
      }
    return [...terms].join(' ');
  }

  /**
   * A search query with each compound's parts placed before it ("wachtwoordbeheer" →
   * "wacht woord beheer wachtwoordbeheer"): Meilisearch drops words from the end when too few
   * documents match all, so documents that write the parts separately are still found, and
   * documents with the compound itself match every word and rank first. Words of the thesaurus
   * stay whole, so that Meilisearch's synonyms still see the phrase as written.
   */
  expandQuery(query: string): string {
    const words = query.split(/\s+/).filter(Boolean);
    const expanded = words.flatMap((word) => {
      // "-word" excludes in Meilisearch: its parts must not turn into words to look for.
      if (word.startsWith('-')) return [word];
      const normal = tokenise(word).join('');
      const parts = this.synonymWords.has(normal) ? [] : this.parts(normal);
      return parts.length ? [...parts, word] : [word];
    });
    return expanded.join(' ');
  }

  /** Adds the concepts a phrase names; says whether there were any. */
  private conceptsOf(phrase: string, surface: string, add: (term: Term) => void): boolean {
    const concepts = this.phrases.get(phrase);
    if (concepts) this.addConcepts(concepts, surface, add);
    return concepts !== undefined;
  }

  private addConcepts(concepts: Concept[], surface: string, add: (term: Term) => void): void {
    for (const concept of concepts)
      add({
        key: concept.key,
        kind: 'concept',
        surface,
        source: concept.name,
        weight: concept.weight,
      });
  }
}

let shared: DutchAnalyser | undefined;

/** The process's analyser, loaded on first use (the word list takes about a second to read). */
export function dutchAnalyser(): DutchAnalyser {
  shared ??= DutchAnalyser.load();
  return shared;
}
