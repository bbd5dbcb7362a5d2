/**
 * Counting for a labelled "dit bestaat al" set (issue 28): per topic, the records the check
 * should find (the block `a` and, if the topic has one, its `sibling`: a near-identical copy by
 * another PPS), the near miss it must not find, and what it did find. Pure: no Nest, no search,
 * so the benchmark (bench/similar-eval.ts) and a spec count the same way.
 */

/** One topic's question and the check's answer, as record ids. */
export interface TopicAnswer {
  topicId: string;
  a: string;
  sibling?: string;
  nearMiss: string;
  /** The ids the check returned, best first (a finding's grouped siblings right after it). */
  found: string[];
  /**
   * The same ids as the answer grouped them (a finding and the near-identical copies listed under
   * it): a top-n count takes the first n groups. Without it, every id is a group of its own.
   */
  groups?: string[][];
}

export interface TopicOutcome {
  topicId: string;
  /** Expected records found. */
  truePositives: number;
  /** Expected records not found. */
  falseNegatives: number;
  /** Findings that were not expected: the near miss or any record not of this topic. */
  falsePositives: number;
  nearMissFound: boolean;
  /** Findings of records that belong to no part of this topic (another topic's, or unrelated). */
  crossTopic: number;
  /** The topic has a sibling and exactly one of `a` and the sibling was found. */
  siblingHidden: boolean;
}

export interface OverlapSummary {
  topics: number;
  truePositives: number;
  falseNegatives: number;
  falsePositives: number;
  /** TP / (TP + FN). */
  recall: number | null;
  /** TP / (TP + FP); null when nothing at all was found. */
  precision: number | null;
  /** Topics whose near miss was found. */
  nearMissAlarms: number;
  /** Findings of other topics' (or unrelated) records, counted one by one. */
  crossTopicFindings: number;
  topicsWithSibling: number;
  siblingsHidden: number;
  /** Topic ids with at least one expected record not found. */
  missed: string[];
  /** Topic ids with at least one unexpected finding. */
  falseAlarms: string[];
  nearMissIds: string[];
  crossTopicIds: string[];
  siblingHiddenIds: string[];
}

/** One topic, counted on the first `top` findings or groups (all of them when not given). */
export function outcomeOf(answer: TopicAnswer, top?: number): TopicOutcome {
  const groups = answer.groups ?? answer.found.map((id) => [id]);
  const found = new Set(top === undefined ? answer.found : groups.slice(0, top).flat());
  const expected = [answer.a, ...(answer.sibling === undefined ? [] : [answer.sibling])];
  const truePositives = expected.filter((id) => found.has(id)).length;
  const nearMissFound = found.has(answer.nearMiss);
  const own = new Set([...expected, answer.nearMiss]);
  const crossTopic = [...found].filter((id) => !own.has(id)).length;
  return {
    topicId: answer.topicId,
    truePositives,
    falseNegatives: expected.length - truePositives,
    falsePositives: (nearMissFound ? 1 : 0) + crossTopic,
    nearMissFound,
    crossTopic,
    siblingHidden: answer.sibling !== undefined && truePositives === 1,
  };
}

const ratio = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;

/** Totals over topics: recall and precision pooled over every expected record and finding. */
export function summarise(answers: TopicAnswer[], top?: number): OverlapSummary {
  const outcomes = answers.map((answer) => outcomeOf(answer, top));
  const sum = (pick: (outcome: TopicOutcome) => number) =>
    outcomes.reduce((total, outcome) => total + pick(outcome), 0);
  const ids = (keep: (outcome: TopicOutcome) => boolean) =>
    outcomes.filter(keep).map((outcome) => outcome.topicId);
  const truePositives = sum((o) => o.truePositives);
  const falseNegatives = sum((o) => o.falseNegatives);
  const falsePositives = sum((o) => o.falsePositives);
  return {
    topics: answers.length,
    truePositives,
    falseNegatives,
    falsePositives,
    recall: ratio(truePositives, truePositives + falseNegatives),
    precision: ratio(truePositives, truePositives + falsePositives),
    nearMissAlarms: outcomes.filter((o) => o.nearMissFound).length,
    crossTopicFindings: sum((o) => o.crossTopic),
    topicsWithSibling: answers.filter((answer) => answer.sibling !== undefined).length,
    siblingsHidden: outcomes.filter((o) => o.siblingHidden).length,
    missed: ids((o) => o.falseNegatives > 0),
    falseAlarms: ids((o) => o.falsePositives > 0),
    nearMissIds: ids((o) => o.nearMissFound),
    crossTopicIds: ids((o) => o.crossTopic > 0),
    siblingHiddenIds: ids((o) => o.siblingHidden),
  };
}
