import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Holds the shape of the labelled Dutch set for "dit bestaat al" (test/fixtures/overlap-set-nl.json):
 * 32 topics or more of each kind, the tune/heldout split fixed by alternation within each kind (so
 * nobody can move a topic between halves after seeing results), records a reader can compare, and
 * enough siblings (near-identical copies) to test that one copy does not hide another.
 */
type Block = {
  title: string;
  summary: string;
  keywords: string[];
  levels: string[];
  outcomes: string[];
  description: string;
};
type Topic = {
  id: string;
  kind: string;
  split: string;
  a: Block;
  twin: Block;
  sibling?: Block;
  nearMiss: Block;
  notes?: string;
};
type OverlapSet = { _about: string; version: number; topics: Topic[] };

const KINDS = ['module', 'curriculum', 'infrastructure', 'practice'];
/** The mbo codes of the educationLevels vocabulary: entree is mbo level 1. */
const MBO_LEVELS = ['entree', 'mbo-2', 'mbo-3', 'mbo-4'];
const ROLES = ['a', 'twin', 'sibling', 'nearMiss'] as const;

const set = JSON.parse(
  readFileSync(join(__dirname, '..', 'fixtures', 'overlap-set-nl.json'), 'utf8'),
) as OverlapSet;
const blocks = set.topics.flatMap((topic) =>
  ROLES.flatMap((role) => (topic[role] ? [{ id: topic.id, role, block: topic[role] }] : [])),
);

describe('the labelled overlap set (overlap-set-nl.json)', () => {
  it('says what it is, and how it is split', () => {
    expect(set.version).toBe(1);
    expect(set._about).toMatch(/tune/);
    expect(set._about).toMatch(/heldout/);
  });

  it('holds at least 32 topics of each kind, and no other kind', () => {
    for (const kind of KINDS)
      expect(set.topics.filter((topic) => topic.kind === kind).length).toBeGreaterThanOrEqual(32);
    expect(set.topics.filter((topic) => !KINDS.includes(topic.kind))).toEqual([]);
  });

  it('splits each kind in half by alternation: tune, heldout, tune, … in file order', () => {
    for (const kind of KINDS) {
      const splits = set.topics.filter((topic) => topic.kind === kind).map((t) => t.split);
      expect(splits).toEqual(splits.map((_, index) => (index % 2 === 0 ? 'tune' : 'heldout')));
      expect(splits.length % 2).toBe(0);
    }
  });

  it('gives every topic a unique id, an a, a twin and a near miss', () => {
    const ids = set.topics.map((topic) => topic.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const topic of set.topics) {
      expect(topic.id).toMatch(/^[a-z0-9-]+$/);
      expect(topic.a && topic.twin && topic.nearMiss).toBeTruthy();
    }
  });

  it('has a sibling in at least a quarter of the topics', () => {
    const siblings = set.topics.filter((topic) => topic.sibling).length;
    expect(siblings * 4).toBeGreaterThanOrEqual(set.topics.length);
  });

  it('fills every record: title, summary, 2–5 keywords, valid mbo levels', () => {
    const bad = blocks.filter(
      ({ block }) =>
        !block.title?.trim() ||
        !block.summary?.trim() ||
        typeof block.description !== 'string' ||
        !Array.isArray(block.outcomes) ||
        block.keywords.length < 2 ||
        block.keywords.length > 5 ||
        block.keywords.some((keyword) => !keyword.trim()) ||
        block.levels.length === 0 ||
        block.levels.some((level) => !MBO_LEVELS.includes(level)),
    );
    expect(bad.map(({ id, role }) => `${id}.${role}`)).toEqual([]);
  });

  it('never repeats a title, so no twin or sibling carries its a title', () => {
    const seen = new Map<string, string>();
    const repeated: string[] = [];
    for (const { id, role, block } of blocks) {
      const title = block.title.trim().toLowerCase();
      if (seen.has(title)) repeated.push(`${id}.${role} = ${seen.get(title)}`);
      else seen.set(title, `${id}.${role}`);
    }
    expect(repeated).toEqual([]);
    const sameAsA = set.topics.filter(
      (topic) => topic.twin.title.trim().toLowerCase() === topic.a.title.trim().toLowerCase(),
    );
    expect(sameAsA.map((topic) => topic.id)).toEqual([]);
  });
});
