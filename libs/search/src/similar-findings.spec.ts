import { Scored, groupSiblings } from './similar-findings';

interface Item {
  id: string;
  ppsId: string;
}

const item = (id: string, ppsId: string, score: number): Scored<Item> => ({
  candidate: { id, ppsId },
  score,
});

/** Pairs listed here are near-identical; any other pair is far apart. */
const alikeAmong =
  (...pairs: [string, string][]) =>
  (first: Item, second: Item) =>
    pairs.some(
      ([x, y]) => (x === first.id && y === second.id) || (y === first.id && x === second.id),
    );

const ids = (groups: ReturnType<typeof groupSiblings<Item>>) =>
  groups.map(({ lead, siblings }) => [lead.candidate.id, ...siblings.map((s) => s.candidate.id)]);

describe('grouping near-identical findings', () => {
  it('lists a near-identical copy by another PPS under the better finding, never dropping it', () => {
    const scored = [item('a', 'p1', 0.6), item('b', 'p2', 0.4), item('a2', 'p3', 0.3)];
    expect(ids(groupSiblings(scored, alikeAmong(['a', 'a2']), 5))).toEqual([['a', 'a2'], ['b']]);
  });

  it('counts groups against the limit, and still groups a sibling scoring below the last shown', () => {
    const scored = [
      item('a', 'p1', 0.6),
      item('a2', 'p2', 0.55),
      item('b', 'p3', 0.4),
      item('c', 'p4', 0.3),
      item('b2', 'p5', 0.2),
    ];
    expect(ids(groupSiblings(scored, alikeAmong(['a', 'a2'], ['b', 'b2']), 2))).toEqual([
      ['a', 'a2'],
      ['b', 'b2'],
    ]);
  });

  it('keeps every finding at or above the threshold when none are alike, best first', () => {
    const scored = [item('a', 'p1', 0.6), item('b', 'p2', 0.2), item('c', 'p3', 0.13)];
    expect(ids(groupSiblings(scored, alikeAmong(), 5))).toEqual([['a'], ['b'], ['c']]);
  });

  it('does not group copies by the same PPS', () => {
    const scored = [item('a', 'p1', 0.6), item('a2', 'p1', 0.5), item('a3', 'p2', 0.4)];
    expect(ids(groupSiblings(scored, alikeAmong(['a', 'a2']), 5))).toEqual([['a'], ['a2'], ['a3']]);
  });
});
