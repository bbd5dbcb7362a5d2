import { DutchAnalyser, Term, TermBag, dutchAnalyser } from '@bouwsteen/language';
import { Rarity } from './term-vectors';

export { Rarity } from './term-vectors';

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

/** A check's pool measured once (see Rarity): the candidates' whole-text bags. */
export function rarityAmong(bags: TermBag[]): Rarity {
  return Rarity.among(bags);
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
  rarity: Rarity = Rarity.even(),
  semantic?: SemanticSimilarity,
): number {
  const a = profiled(first);
  const b = profiled(second);
  return scoreWithText(a, b, rarity, rarity.cosine(a.all, b.all), semantic);
}

/**
 * Whether two profiles score at least `minimum`. The whole text is compared first, and a pair
 * whose other parts could not lift it that far even were they all identical is not compared
 * further: grouping near-identical findings asks this of every pair, and most are far apart.
 */
export function scoresAtLeast(
  a: SimilarityProfile,
  b: SimilarityProfile,
  rarity: Rarity,
  minimum: number,
): boolean {
  const text = rarity.cosine(a.all, b.all);
  const weight = countedWeight(a, b);
  // Half a rounding step of slack: the score is rounded to three decimals.
  const best = (WEIGHTS.text * text + (weight - WEIGHTS.text)) / weight;
  return best >= minimum - 0.0005 && scoreWithText(a, b, rarity, text) >= minimum;
}

/** Which parts count: the text and title always, every other part only when both have it. */
const counts = {
  outcomes: (a: SimilarityProfile, b: SimilarityProfile) => a.outcomes.size && b.outcomes.size,
  keywords: (a: SimilarityProfile, b: SimilarityProfile) => a.keywords.size && b.keywords.size,
  level: (a: SimilarityProfile, b: SimilarityProfile) => a.levels.length && b.levels.length,
  qualification: (a: SimilarityProfile, b: SimilarityProfile) =>
    a.creboCodes.length && b.creboCodes.length,
};

/** The weight of the parts that count for two profiles (without a model's). */
function countedWeight(a: SimilarityProfile, b: SimilarityProfile): number {
  let weight = WEIGHTS.text + WEIGHTS.title;
  for (const part of ['outcomes', 'keywords', 'level', 'qualification'] as const)
    if (counts[part](a, b)) weight += WEIGHTS[part];
  return weight;
}

function scoreWithText(
  a: SimilarityProfile,
  b: SimilarityProfile,
  rarity: Rarity,
  text: number,
  semantic?: SemanticSimilarity,
): number {
  let total = WEIGHTS.text * text + WEIGHTS.title * rarity.cosine(a.title, b.title);
  if (counts.outcomes(a, b)) total += WEIGHTS.outcomes * rarity.cosine(a.outcomes, b.outcomes);
  if (counts.keywords(a, b))
    total +=
      WEIGHTS.keywords *
      Math.max(rarity.coverage(a.keywords, b.all), rarity.coverage(b.keywords, a.all));
  if (counts.level(a, b) && a.levels.some((level) => b.levels.includes(level)))
    total += WEIGHTS.level;
  if (counts.qualification(a, b) && a.creboCodes.some((code) => b.creboCodes.includes(code)))
    total += WEIGHTS.qualification;
  let weight = countedWeight(a, b);
  if (semantic) {
    total +=
      semantic.weight * Math.max(0, (semantic.similarity - semantic.floor) / (1 - semantic.floor));
    weight += semantic.weight;
  }
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
  rarity: Rarity = Rarity.even(),
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
