/**
 * The records of a labelled "dit bestaat al" set as bench:similar-eval publishes and asks them:
 * the same two variants as test/paraphrase-twins.e2e-spec.ts (its body() and question()), so
 * figures of the two are made the same way.
 */
import { readFileSync } from 'node:fs';
import { projectPath } from '@bouwsteen/common';
import {
  curriculumWith,
  infrastructureBody,
  moduleBody,
  practiceBody,
} from '../test/harness/fixtures';

export type Kind = 'module' | 'curriculum' | 'infrastructure' | 'practice';
export type Variant = 'title-summary' | 'full';

export interface Text {
  title: string;
  summary: string;
  keywords: string[];
  levels: string[];
  outcomes?: string[];
  description?: string;
}

export interface Topic {
  id: string;
  kind: Kind;
  /** "tune" or "heldout" in the overlap set; "calibration" for the set the code was tuned on. */
  split: string;
  a: Text;
  twin: Text;
  sibling?: Text;
  nearMiss: Text;
}

/** test/fixtures/overlap-set-nl.json: 128 topics, each in the half it was assigned once. */
export function overlapSet(): Topic[] {
  const { topics } = JSON.parse(
    readFileSync(projectPath('test', 'fixtures', 'overlap-set-nl.json'), 'utf8'),
  ) as { topics: Topic[] };
  return topics;
}

/** test/fixtures/paraphrase-twins-nl.json: 40 topics without ids, siblings or halves. */
export function calibrationSet(): Topic[] {
  const { topics } = JSON.parse(
    readFileSync(projectPath('test', 'fixtures', 'paraphrase-twins-nl.json'), 'utf8'),
  ) as { topics: Omit<Topic, 'id' | 'split'>[] };
  return topics.map((topic, n) => ({
    ...topic,
    id: `${topic.kind}-${String(n + 1).padStart(2, '0')}`,
    split: 'calibration',
  }));
}

/** The longest word of a text: a keyword that says nothing its title does not. */
const longestWord = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}-]+/u)
    .reduce((longest, word) => (word.length > longest.length ? word : longest), '');

/**
 * Every field a kind needs besides the texts: the test suite's fixtures (its texts are replaced
 * below); a curriculum is built of `moduleId`.
 */
function required(kind: Kind, ppsId: string, moduleId: string): Record<string, unknown> {
  switch (kind) {
    case 'module':
      return moduleBody(ppsId);
    case 'curriculum':
      return curriculumWith(ppsId, [moduleId]);
    case 'infrastructure':
      return infrastructureBody(ppsId);
    case 'practice':
      return practiceBody(ppsId);
  }
}

/**
 * The record as a PPS publishes it: only title and summary (and, since publishing needs a
 * keyword, the title's longest word as one), or everything the set has. A curriculum is built
 * of `moduleId`, a module unrelated to every topic.
 */
export function recordBody(
  kind: Kind,
  ppsId: string,
  text: Text,
  variant: Variant,
  moduleId: string,
): Record<string, unknown> {
  const full = variant === 'full';
  const base = required(kind, ppsId, moduleId);
  const common = {
    kind,
    ppsId,
    title: text.title,
    summary: text.summary,
    keywords: full ? text.keywords : [longestWord(text.title)],
    levels: text.levels,
    ...(full && text.description ? { description: text.description } : {}),
  };
  switch (kind) {
    case 'module': {
      // A module needs an outcome; without the full record, the summary is it (no new words).
      const outcomes = full ? (text.outcomes ?? []) : [text.summary];
      return {
        ...base,
        ...common,
        module: {
          ...(base.module as object),
          learningOutcomes: outcomes.map((outcome) => ({ text: outcome })),
        },
      };
    }
    case 'practice':
      // A good practice needs a problem and an approach: the summary says both when the
      // variant has no more; the full record's description is its approach.
      return {
        ...base,
        ...common,
        practice: {
          problem: text.summary,
          approach: full && text.description ? text.description : text.summary,
          configurations: ['B'],
        },
      };
    default:
      return { ...base, ...common };
  }
}

/** An unrelated module: what every curriculum of the registry is built of (also a candidate). */
export const BUILDER_MODULE: Text = {
  title: 'E-learning Hydrauliek voor monteurs',
  summary: 'Online module over hydraulische systemen, storingzoeken en veilig werken.',
  keywords: ['hydrauliek', 'storingzoeken'],
  levels: ['mbo-3'],
  outcomes: ['Leest een hydraulisch schema en vindt een storing.'],
};

/** What POST /api/v1/similar is asked with: the twin's text for the variant, and its kind. */
export function questionBody(topic: Topic, variant: Variant): Record<string, unknown> {
  const text = topic.twin;
  return {
    title: text.title,
    summary: text.summary,
    kind: topic.kind,
    ...(variant === 'full'
      ? {
          keywords: text.keywords,
          levels: text.levels,
          learningOutcomes: text.outcomes ?? [],
          ...(text.description ? { description: text.description } : {}),
        }
      : {}),
  };
}
