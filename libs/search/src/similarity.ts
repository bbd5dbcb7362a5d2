/** Text features for "this already exists": normalised, stop-word-free, lightly stemmed Dutch tokens. */
const STOP = new Set([
  'de',
  'het',
  'een',
  'en',
  'van',
  'voor',
  'in',
  'op',
  'met',
  'te',
  'aan',
  'bij',
  'om',
  'uit',
  'over',
  'tot',
  'als',
  'of',
  'door',
  'naar',
  'dat',
  'die',
  'dit',
  'deze',
  'is',
  'zijn',
  'wordt',
  'worden',
  'er',
  'ook',
  'je',
  'we',
  'hun',
  'hoe',
  'zoals',
  'student',
  'studenten',
  'module',
  'lesmodule',
  'training',
  'cursus',
  'over',
  'volgens',
  'samen',
  'eerste',
  'eigen',
]);

export function stem(word: string): string {
  if (word.length > 5 && word.endsWith('en')) return word.slice(0, -2);
  if (word.length > 4 && (word.endsWith('s') || word.endsWith('e'))) return word.slice(0, -1);
  return word;
}

/** Meaningful words as written (lower case, no accents, no stop words): a search query. */
export function words(...texts: string[]): string[] {
  const result = new Set<string>();
  for (const text of texts) {
    const parts = text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .split(/[^a-z0-9]+/);
    for (const word of parts) if (word.length > 2 && !STOP.has(word)) result.add(word);
  }
  return [...result];
}

export function tokens(...texts: string[]): Set<string> {
  return new Set(words(...texts).map(stem));
}

const PREFIX = 6;

/**
 * Dutch glues words together ("phishingmail", "phishingbericht"), so two tokens that share their
 * first six letters count as the same; everything else must match exactly.
 */
function matches(token: string, other: Set<string>): boolean {
  if (other.has(token)) return true;
  if (token.length < PREFIX) return false;
  const prefix = token.slice(0, PREFIX);
  for (const candidate of other)
    if (candidate.length >= PREFIX && candidate.startsWith(prefix)) return true;
  return false;
}

export function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let sharedA = 0;
  for (const token of a) if (matches(token, b)) sharedA++;
  let sharedB = 0;
  for (const token of b) if (matches(token, a)) sharedB++;
  return (sharedA + sharedB) / (a.size + b.size);
}

export function shared(a: Set<string>, b: Set<string>, max = 5): string[] {
  return [...a].filter((token) => matches(token, b)).slice(0, max);
}

export interface SimilarityFeatures {
  title: string;
  summary: string;
  learningOutcomes: string[];
  keywords: string[];
  levels: string[];
  creboCodes: string[];
}

export interface Reason {
  type: 'learning-outcomes' | 'keywords' | 'title' | 'summary' | 'level' | 'qualification';
  detail: string;
  /** What the two share (words after stemming, level or crebo codes): for people to check. */
  terms: string[];
}

const WEIGHTS = {
  outcomes: 0.35,
  title: 0.2,
  keywords: 0.2,
  summary: 0.1,
  level: 0.1,
  qualification: 0.05,
};

/** A text's token sets, computed once: a check compares one query with up to a hundred candidates. */
export interface SimilarityProfile {
  outcomes: Set<string>;
  title: Set<string>;
  keywords: Set<string>;
  summary: Set<string>;
  all: Set<string>;
  levels: string[];
  creboCodes: string[];
}

export function profile(features: SimilarityFeatures): SimilarityProfile {
  const outcomes = tokens(...features.learningOutcomes);
  const title = tokens(features.title);
  // Keywords are compared against everything the other side says, since one PPS's keyword is
  // often another's title word.
  const keywords = tokens(...features.keywords);
  const summary = tokens(features.summary);
  return {
    outcomes,
    title,
    keywords,
    summary,
    all: new Set([...title, ...summary, ...keywords, ...outcomes]),
    levels: features.levels,
    creboCodes: features.creboCodes,
  };
}

/** A score in 0..1 with the reasons a person can check; weights favour what a module teaches. */
export function compare(
  first: SimilarityFeatures | SimilarityProfile,
  second: SimilarityFeatures | SimilarityProfile,
): { score: number; reasons: Reason[] } {
  const a = 'all' in first ? first : profile(first);
  const b = 'all' in second ? second : profile(second);
  const [outcomesA, outcomesB, titleA, titleB] = [a.outcomes, b.outcomes, a.title, b.title];
  const [keywordsA, keywordsB, allA, allB] = [a.keywords, b.keywords, a.all, b.all];
  const [summaryA, summaryB] = [a.summary, b.summary];
  const parts = {
    outcomes: dice(outcomesA, outcomesB),
    title: dice(titleA, titleB),
    keywords: Math.max(dice(keywordsA, keywordsB), dice(keywordsA, allB), dice(allA, keywordsB)),
    summary: dice(summaryA, summaryB),
    level: a.levels.some((level) => b.levels.includes(level)) ? 1 : 0,
    qualification: a.creboCodes.some((code) => b.creboCodes.includes(code)) ? 1 : 0,
  };
  const score =
    parts.outcomes * WEIGHTS.outcomes +
    parts.title * WEIGHTS.title +
    parts.keywords * WEIGHTS.keywords +
    parts.summary * WEIGHTS.summary +
    parts.level * WEIGHTS.level +
    parts.qualification * WEIGHTS.qualification;
  const reasons: Reason[] = [];
  const reason = (type: Reason['type'], label: string, terms: string[]) =>
    reasons.push({ type, detail: `${label}: ${terms.join(', ')}`, terms });
  if (parts.outcomes > 0)
    reason('learning-outcomes', 'shared in learning outcomes', shared(outcomesA, outcomesB));
  if (parts.keywords > 0)
    reason(
      'keywords',
      'shared keywords',
      [...new Set([...shared(keywordsA, allB), ...shared(allA, keywordsB)])].slice(0, 5),
    );
  if (parts.title > 0) reason('title', 'shared title words', shared(titleA, titleB));
  if (parts.level)
    reason(
      'level',
      'same level',
      a.levels.filter((level) => b.levels.includes(level)),
    );
  if (parts.qualification)
    reason(
      'qualification',
      'same crebo',
      a.creboCodes.filter((code) => b.creboCodes.includes(code)),
    );
  return { score: Math.round(score * 1000) / 1000, reasons };
}
