import { courseSelection, judgeable, moveTo, step } from './list-rules';

describe('the order of a list', () => {
  const order = ['a', 'b', 'c', 'd'];

  it('moves an item to a position, the others closing up behind it', () => {
    expect(moveTo(order, 'd', 1)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveTo(order, 'a', 3)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveTo(order, 'b', 2)).toEqual(order);
  });

  it('clamps a position outside the list to its ends', () => {
    expect(moveTo(order, 'b', 0)).toEqual(['b', 'a', 'c', 'd']);
    expect(moveTo(order, 'b', 99)).toEqual(['a', 'c', 'd', 'b']);
  });

  it('leaves the order as it was for an id not on the list', () => {
    expect(moveTo(order, 'x', 1)).toEqual(order);
    expect(step(order, 'x', 'up')).toEqual(order);
  });

  it('steps one place up or down, and stays at either end', () => {
    expect(step(order, 'c', 'up')).toEqual(['a', 'c', 'b', 'd']);
    expect(step(order, 'c', 'down')).toEqual(['a', 'b', 'd', 'c']);
    expect(step(order, 'a', 'up')).toEqual(order);
    expect(step(order, 'd', 'down')).toEqual(order);
  });
});

describe('what a course takes from a list', () => {
  it('takes available modules and infrastructure, and says why it left the others out', () => {
    const items = [
      { id: 1, kind: 'module', available: true },
      { id: 2, kind: 'practice', available: true },
      { id: 3, kind: 'infrastructure', available: true },
      { id: 4, kind: 'module', available: false },
      { id: 5, kind: 'curriculum', available: true },
    ];
    const { taken, leftOut } = courseSelection(items);
    expect(taken.map((item) => item.id)).toEqual([1, 3]);
    expect(leftOut.map(({ item, reason }) => [item.id, reason])).toEqual([
      [2, 'kind'],
      [4, 'unavailable'],
      [5, 'kind'],
    ]);
  });

  it('stops at what a course holds and names the rest as left out', () => {
    const items = [1, 2, 3].map((id) => ({ id, kind: 'module', available: true }));
    const { taken, leftOut } = courseSelection(items, 2);
    expect(taken.map((item) => item.id)).toEqual([1, 2]);
    expect(leftOut.map(({ item, reason }) => [item.id, reason])).toEqual([[3, 'full']]);
  });
});

describe('which new blocks an alert run may judge', () => {
  const at = (s: number) => new Date(Date.UTC(2027, 0, 1, 0, 0, s));
  const candidates = [
    { id: 'a', firstPublishedAt: at(1) },
    { id: 'b', firstPublishedAt: at(2) },
    { id: 'c', firstPublishedAt: at(2) },
    { id: 'd', firstPublishedAt: at(3) },
  ];

  it('takes every candidate when all are indexed, up to the last one', () => {
    expect(judgeable(candidates, new Set(['a', 'b', 'c', 'd']))).toEqual({
      ready: candidates,
      until: at(3),
    });
  });

  it('stops before the first block not yet indexed, so it is judged by a later run', () => {
    expect(judgeable(candidates, new Set(['a', 'b', 'd']))).toEqual({
      ready: [candidates[0]],
      until: at(1),
    });
  });

  it('moves nothing when the oldest is not indexed yet', () => {
    expect(judgeable(candidates, new Set(['b', 'c', 'd']))).toEqual({ ready: [], until: null });
  });
});
