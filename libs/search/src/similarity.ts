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

/** Rarity from how many of `bags` hold each term (inverse document frequency, smoothed). */
export function rarityAmong(bags: TermBag[]): Rarity {
  const counts = new Map<string, number>();
  for (const bag of bags) for (const key of bag.keys()) counts.set(key, (counts.get(key) ?? 0) + 1);
  const total = bags.length;
  return (key) => Math.log(1 + (total + 1) / ((counts.get(key) ?? 0) + 1));
}

function norm(bag: TermBag, rarity: Rarity): number {
  let sum = 0;
  for (const [key, term] of bag) sum += (term.weight * rarity(key)) ** 2;
  return Math.sqrt(sum);
}

/** Weighted cosine of two bags: 1 when they say the same, 0 when they share nothing. */
export function cosine(a: TermBag, b: TermBag, rarity: Rarity = EVEN): number {
  if (a.size === 0 || b.size === 0) return 0;
  let dot = 0;
  for (const [key, term] of a) {
    const other = b.get(key);
    if (other) dot += term.weight * other.weight * rarity(key) ** 2;
  }
  return dot / (norm(a, rarity) * norm(b, rarity));
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

/**
 * A score in 0..1 with the reasons a person can check. Each part compares what both texts have:
 * everything they say (stems, compound parts, thesaurus concepts), the learning outcomes, the
 * title, the keywords, the level and the qualification.
 */
export function compare(
  first: SimilarityFeatures | SimilarityProfile,
  second: SimilarityFeatures | SimilarityProfile,
  rarity: Rarity = EVEN,
  semantic?: SemanticSimilarity,
): { score: number; reasons: Reason[] } {
  const a = 'all' in first ? first : profile(first);
  const b = 'all' in second ? second : profile(second);
  const weights: Record<string, number> = { ...WEIGHTS, semantic: semantic?.weight ?? 0 };
  const parts: [string, number][] = [
    ['text', cosine(a.all, b.all, rarity)],
    ['title', cosine(a.title, b.title, rarity)],
  ];
  if (a.outcomes.size && b.outcomes.size)
    parts.push(['outcomes', cosine(a.outcomes, b.outcomes, rarity)]);
  if (a.keywords.size && b.keywords.size)
    parts.push(['keywords', Math.max(coverage(a.keywords, b.all), coverage(b.keywords, a.all))]);
  const sameLevels = a.levels.filter((level) => b.levels.includes(level));
  if (a.levels.length && b.levels.length) parts.push(['level', sameLevels.length ? 1 : 0]);
  const sameCrebo = a.creboCodes.filter((code) => b.creboCodes.includes(code));
  if (a.creboCodes.length && b.creboCodes.length)
    parts.push(['qualification', sameCrebo.length ? 1 : 0]);
  if (semantic)
    parts.push([
      'semantic',
      Math.max(0, (semantic.similarity - semantic.floor) / (1 - semantic.floor)),
    ]);
  const weight = parts.reduce((sum, [name]) => sum + weights[name], 0);
  const score = parts.reduce((sum, [name, value]) => sum + weights[name] * value, 0) / weight;

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
  if (sameLevels.length)
    reasons.push({
      type: 'level',
      detail: `same level: ${sameLevels.join(', ')}`,
      terms: sameLevels,
    });
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
  return { score: Math.round(score * 1000) / 1000, reasons };
}

/**
 * The words a candidate search asks Meilisearch for: meaningful words as written, the most
 * telling (longest) first.
 */
export function queryWords(text: string, analyser: DutchAnalyser = dutchAnalyser()): string[] {
  return [...new Set(analyser.contentWords(text, GENERIC))];
}
