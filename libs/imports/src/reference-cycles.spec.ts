import { referenceCycles } from './reference-cycles';

describe('reference cycles', () => {
  it('finds rows that refer to each other in a circle, and only those', () => {
    const groups = referenceCycles([
      { code: 'X', refs: ['Y'] },
      { code: 'Y', refs: ['X'] },
      { code: 'P', refs: ['NOPE'] },
      { code: 'NOPE', refs: ['MISSING'] },
      { code: 'A', refs: ['B'] },
      { code: 'B', refs: ['C'] },
      { code: 'C', refs: ['A', 'X'] },
      { code: 'SELF', refs: ['SELF'] },
      { refs: ['X'] },
    ]);
    expect(groups.get('X')).toBe(groups.get('Y'));
    expect(groups.get('A')).toBe(groups.get('B'));
    expect(groups.get('A')).toBe(groups.get('C'));
    expect(groups.get('A')).not.toBe(groups.get('X'));
    expect(groups.has('SELF')).toBe(true);
    for (const code of ['P', 'NOPE', 'MISSING']) expect(groups.has(code)).toBe(false);
  });

  it('walks a chain of 100,000 rows without running out of stack', () => {
    const rows = Array.from({ length: 100_000 }, (_, n) => ({
      code: `R${n}`,
      refs: [`R${(n + 1) % 100_000}`],
    }));
    expect(referenceCycles(rows).size).toBe(100_000);
  });
});
