import { DutchAnalyser, Term, TermBag, dutchAnalyser } from '@bouwsteen/language';

/**
 * Words too common in this registry to say that two building blocks are the same: every module
 * is "training" for "studenten". Ignored by "dit bestaat al", not by search.
 */
export const GENERIC = new Set([
  'student',
  'studenten',
  'leerling',
  'leerlingen',
  'deelnemer',
  'deelnemers',
  'module',
  'modules',
  'lesmodule',
  'praktijkmodule',
  'training',
  'cursus',
  'opleiding',
  'leerlijn',
  'leerroute',
  'traject',
  'route',
  'programma',
  'ervaringen',
  'volgens',
  'samen',
  'eerste',
  'eigen',
  'leren',
  'leert',
  'werken',
  'werk',
  'praktijk',
  'mbo',
  'niveau',
  'echte',
  'goed',
  'goede',
  'nieuwe',
  'maakt',
  'voert',
  'past',
  'toe',
  'uit',
  'zonder',
  'per',
  'week',
  'jaar',
  'dag',
  'dagen',
  'twee',
  'drie',
  'vier',
  'vijf',
  'zes',
  'tien',
  'hoe',
  'wat',
  'waar',
  'waarin',
  'waarbij',
  'zodat',
  'wordt',
  'kunnen',
  'kan',
  'willen',
  'heeft',
  'hebben',
  'met',
  'ze',
  'hun',
  'hen',
  'zich',
]);

/**
 * Below this a candidate shares too little to be called "likely the same". Calibrated on the
 * labelled set in test/fixtures/paraphrase-twins-nl.json (see README: "Dit bestaat al").
 */
export const SIMILARITY_THRESHOLD = 0.12;

export interface SimilarityFeatures {
  title: string;
  summary: string;
  learningOutcomes: string[];
  keywords: string[];
  levels: string[];
  creboCodes: string[];
  /** Longer text (description, context, approach); optional on both sides. */
  description?: string;
}

export type ReasonType =
  | 'learning-outcomes'
  | 'keywords'
  | 'title'
  | 'words'
  | 'synonyms'
  | 'compounds'
  | 'level'
  | 'qualification'
  | 'semantic';

export interface Reason {
  type: ReasonType;
  detail: string;
  /** What the two share, for people to check: words, "a = b" for synonyms, levels, crebo codes. */
  terms: string[];
}

/**
 * What each part of the score weighs. Parts only count when both texts have them, and the score
 * is divided by the weight of the parts that counted: a title and summary alone can reach 1.
 */
const WEIGHTS = {
  text: 0.5,
  outcomes: 0.2,
  title: 0.1,
  keywords: 0.1,
  level: 0.05,
  qualification: 0.05,
};

/**
 * Vector similarity of two texts from the configured embedder, with how much it weighs and the
 * similarity unrelated texts still have (counted as none).
 */
export interface SemanticSimilarity {
  similarity: number;
  weight: number;
  floor: number;
}

/** A text's analysed fields, computed once: a check compares one text with many candidates. */
export interface SimilarityProfile {
  title: TermBag;
  outcomes: TermBag;
  keywords: TermBag;
  all: TermBag;
  levels: string[];
  creboCodes: string[];
}

export function profile(
  features: SimilarityFeatures,
  analyser: DutchAnalyser = dutchAnalyser(),
): SimilarityProfile {
  const analyse = (texts: string[]) => analyser.analyse(texts, GENERIC);
  const title = analyse([features.title]);
  const outcomes = analyse(features.learningOutcomes);
  const keywords = analyse(features.keywords);
  // The same bag as analysing [title, summary, keywords…, outcomes…, description] in one go
  // (each text is analysed on its own; the first of equal weights stays), without analysing
  // the title, keywords and outcomes twice.
  const all = mergedBags([
    title,
    analyse([features.summary]),
    keywords,
    outcomes,
    analyse([features.description ?? '']),
  ]);
  return {
    title,
    outcomes,
    keywords,
    all,
    levels: features.levels,
    creboCodes: features.creboCodes,
  };
}

function mergedBags(bags: TermBag[]): TermBag {
  const merged: TermBag = new Map();
  for (const bag of bags)
    for (const [key, term] of bag) {
      const present = merged.get(key);
      if (!present || present.weight < term.weight) merged.set(key, term);
    }
  return merged;
}

/**
 * How telling a term is among the texts a check compares with: a term most candidates share
 * (the sector's own words: "zorg" among care modules) says less than one only a few share.
 */
export type Rarity = (key: string) => number;
const EVEN: Rarity = () => 1;

/**
 * Rarity from how many of `bags` hold each term (inverse document frequency, smoothed). The
 * logarithms are taken once per term here: a check scores a hundred candidates against the same
 * pool, and taking them per comparison was a third of its time.
 */
export function rarityAmong(bags: TermBag[]): Rarity {
  const counts = new Map<string, number>();
  for (const bag of bags) for (const key of bag.keys()) counts.set(key, (counts.get(key) ?? 0) + 1);
  const total = bags.length;
  const weights = new Map<string, number>();
  for (const [key, count] of counts) weights.set(key, Math.log(1 + (total + 1) / (count + 1)));
  const unseen = Math.log(1 + (total + 1));
  return (key) => weights.get(key) ?? unseen;
}

/**
 * Each bag's length under a rarity, kept while that rarity lives: the asked text's bag is
 * measured once per check rather than once per candidate.
 */
const norms = new WeakMap<Rarity, WeakMap<TermBag, number>>();

function norm(bag: TermBag, rarity: Rarity): number {
  let known = norms.get(rarity);
  if (!known) norms.set(rarity, (known = new WeakMap()));
  let length = known.get(bag);
  if (length === undefined) {
    let sum = 0;
    for (const [key, term] of bag) sum += (term.weight * rarity(key)) ** 2;
    length = Math.sqrt(sum);
    known.set(bag, length);
  }
  return length;
}

/**
 * Weighted cosine of two bags: 1 when they say the same, 0 when they share nothing. The smaller
 * bag is walked (a title against a whole text), so the order of the two does not matter.
 */
export function cosine(a: TermBag, b: TermBag, rarity: Rarity = EVEN): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = b.size < a.size ? [b, a] : [a, b];
  let dot = 0;
  for (const [key, term] of small) {
    const other = large.get(key);
    if (other) dot += term.weight * other.weight * rarity(key) ** 2;
  }
  return dot === 0 ? 0 : dot / (norm(a, rarity) * norm(b, rarity));
}

/** How much of `part`'s weight `whole` also has (a keyword list against a whole text). */
function coverage(part: TermBag, whole: TermBag): number {
  let total = 0;
  let found = 0;
  for (const [key, term] of part) {
    total += term.weight;
    if (whole.has(key)) found += term.weight;
  }
  return total === 0 ? 0 : found / total;
}

function sharedTerms(a: TermBag, b: TermBag): [Term, Term][] {
  const result: [Term, Term][] = [];
  for (const [key, term] of a) {
    const other = b.get(key);
    if (other) result.push([term, other]);
  }
  return result;
}

const MAX_TERMS = 6;

/** Shared words, synonyms and compound parts, each phrased so a person can check them. */
function explain(a: SimilarityProfile, b: SimilarityProfile): Reason[] {
  const pairs = sharedTerms(a.all, b.all);
  const words: string[] = [];
  const synonyms: string[] = [];
  const compounds: string[] = [];
  for (const [mine, theirs] of pairs) {
    if (mine.kind === 'concept') {
      if (mine.surface !== theirs.surface) synonyms.push(`${mine.surface} = ${theirs.surface}`);
    } else if (mine.kind === 'part' || theirs.kind === 'part') {
      const left = mine.kind === 'part' ? mine.source! : mine.surface;
      const right = theirs.kind === 'part' ? theirs.source! : theirs.surface;
      if (left !== right) compounds.push(`${left} ~ ${right}`);
      else words.push(left);
    } else words.push(mine.surface);
  }
  const reasons: Reason[] = [];
  const add = (type: ReasonType, label: string, terms: string[]) => {
    const unique = [...new Set(terms)].slice(0, MAX_TERMS);
    if (unique.length)
      reasons.push({ type, detail: `${label}: ${unique.join(', ')}`, terms: unique });
  };
  add('words', 'shared words', words);
  add('synonyms', 'same meaning', synonyms);
  add('compounds', 'shared parts of compound words', compounds);
  return reasons;
}

type Profiled = SimilarityFeatures | SimilarityProfile;
const profiled = (text: Profiled): SimilarityProfile => ('all' in text ? text : profile(text));

/**
 * A score in 0..1. Each part compares what both texts have: everything they say (stems,
 * compound parts, thesaurus concepts), the learning outcomes, the title, the keywords, the level
 * and the qualification.
 */
export function score(
  first: Profiled,
  second: Profiled,
  rarity: Rarity = EVEN,
  semantic?: SemanticSimilarity,
): number {
  const a = profiled(first);
  const b = profiled(second);
  let total = WEIGHTS.text * cosine(a.all, b.all, rarity);
  let weight = WEIGHTS.text;
  const add = (part: number, value: number) => {
    total += part * value;
    weight += part;
  };
  add(WEIGHTS.title, cosine(a.title, b.title, rarity));
  if (a.outcomes.size && b.outcomes.size)
    add(WEIGHTS.outcomes, cosine(a.outcomes, b.outcomes, rarity));
  if (a.keywords.size && b.keywords.size)
    add(WEIGHTS.keywords, Math.max(coverage(a.keywords, b.all), coverage(b.keywords, a.all)));
  if (a.levels.length && b.levels.length)
    add(WEIGHTS.level, a.levels.some((level) => b.levels.includes(level)) ? 1 : 0);
  if (a.creboCodes.length && b.creboCodes.length)
    add(WEIGHTS.qualification, a.creboCodes.some((code) => b.creboCodes.includes(code)) ? 1 : 0);
  if (semantic)
    add(
      semantic.weight,
      Math.max(0, (semantic.similarity - semantic.floor) / (1 - semantic.floor)),
    );
  return Math.round((total / weight) * 1000) / 1000;
}

/**
 * What a person can check of a score: shared outcome words, words, synonyms, compound parts,
 * level, qualification and (with a model) closeness in meaning. Kept apart from the score so a
 * check explains only the candidates it keeps, not every one it scored.
 */
export function reasonsFor(
  first: Profiled,
  second: Profiled,
  semantic?: SemanticSimilarity,
): Reason[] {
  const a = profiled(first);
  const b = profiled(second);
  const reasons = explain(a, b);
  // Whole words only: the parts of compounds are explained once, under "compounds".
  const outcomeTerms = sharedTerms(a.outcomes, b.outcomes)
    .filter(([mine]) => mine.kind === 'word')
    .map(([mine]) => mine.surface);
  if (outcomeTerms.length)
    reasons.unshift({
      type: 'learning-outcomes',
      detail: `shared in learning outcomes: ${outcomeTerms.slice(0, MAX_TERMS).join(', ')}`,
      terms: outcomeTerms.slice(0, MAX_TERMS),
    });
  const sameLevels = a.levels.filter((level) => b.levels.includes(level));
  if (sameLevels.length)
    reasons.push({
      type: 'level',
      detail: `same level: ${sameLevels.join(', ')}`,
      terms: sameLevels,
    });
  const sameCrebo = a.creboCodes.filter((code) => b.creboCodes.includes(code));
  if (sameCrebo.length)
    reasons.push({
      type: 'qualification',
      detail: `same crebo: ${sameCrebo.join(', ')}`,
      terms: sameCrebo,
    });
  if (semantic && semantic.similarity > semantic.floor) {
    const similarity = semantic.similarity.toFixed(2);
    reasons.push({
      type: 'semantic',
      detail: `similar in meaning (embedder): ${similarity}`,
      terms: [similarity],
    });
  }
  return reasons;
}

/** A score in 0..1 with the reasons a person can check (see score and reasonsFor). */
export function compare(
  first: Profiled,
  second: Profiled,
  rarity: Rarity = EVEN,
  semantic?: SemanticSimilarity,
): { score: number; reasons: Reason[] } {
  const a = profiled(first);
  const b = profiled(second);
  return { score: score(a, b, rarity, semantic), reasons: reasonsFor(a, b, semantic) };
}

/**
 * The words a candidate search asks Meilisearch for: meaningful words as written, the most
 * telling (longest) first.
 */
export function queryWords(text: string, analyser: DutchAnalyser = dutchAnalyser()): string[] {
  return [...new Set(analyser.contentWords(text, GENERIC))];
}
