import type { Term, TermBag } from '@bouwsteen/language';
import { Rarity } from './term-vectors';

/** The rules as first written, look-up by word, for the vectors to agree with. */
function reference(bags: TermBag[]) {
  const counts = new Map<string, number>();
  for (const bag of bags) for (const key of bag.keys()) counts.set(key, (counts.get(key) ?? 0) + 1);
  const rarity = (key: string) => {
    const count = counts.get(key);
    return count === undefined
      ? Math.log(1 + (bags.length + 1))
      : Math.log(1 + (bags.length + 1) / (count + 1));
  };
  const length = (bag: TermBag) =>
    Math.sqrt([...bag].reduce((sum, [key, term]) => sum + (term.weight * rarity(key)) ** 2, 0));
  return {
    cosine(a: TermBag, b: TermBag) {
      let dot = 0;
      for (const [key, term] of a) {
        const other = b.get(key);
        if (other) dot += term.weight * other.weight * rarity(key) ** 2;
      }
      return a.size && b.size && dot ? dot / (length(a) * length(b)) : 0;
    },
    coverage(part: TermBag, whole: TermBag) {
      let total = 0;
      let found = 0;
      for (const [key, term] of part) {
        total += term.weight;
        if (whole.has(key)) found += term.weight;
      }
      return total ? found / total : 0;
    },
  };
}

function randomBags(seed: number, count: number): TermBag[] {
  // A fixed sequence (a linear congruential generator): the same bags every run.
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const weights = [1, 0.4, 1.5, 0.75];
  return Array.from({ length: count }, () => {
    const bag: TermBag = new Map();
    const size = Math.floor(random() * 40);
    for (let n = 0; n < size; n++) {
      const key = `t${Math.floor(random() * 120)}`;
      const term: Term = {
        key,
        kind: 'word',
        surface: key,
        weight: weights[Math.floor(random() * 4)],
      };
      bag.set(key, term);
    }
    return bag;
  });
}

describe('term vectors', () => {
  it('give the cosine and coverage that look-up by word gives, under a pool and evenly', () => {
    const bags = randomBags(7, 60);
    const pool = bags.slice(0, 40);
    const measured = Rarity.among(pool);
    const expected = reference(pool);
    const even = Rarity.even();
    const evenly = reference([]);
    for (let at = 0; at < bags.length; at++)
      for (const other of [bags[(at * 7) % bags.length], bags[(at + 1) % bags.length]]) {
        expect(measured.cosine(bags[at], other)).toBeCloseTo(expected.cosine(bags[at], other), 12);
        expect(measured.coverage(bags[at], other)).toBeCloseTo(
          expected.coverage(bags[at], other),
          12,
        );
        // Even weighs every term 1 whatever the pool: unseen terms take log(2) in an empty pool,
        // which scales both lengths alike and leaves the cosine as evenly weighted.
        expect(even.cosine(bags[at], other)).toBeCloseTo(evenly.cosine(bags[at], other), 12);
      }
  });

  it('is exactly symmetric: both orders walk the same numbers in the same order', () => {
    const bags = randomBags(11, 30);
    const rarity = Rarity.among(bags);
    for (const a of bags)
      for (const b of bags) expect(rarity.cosine(a, b)).toBe(rarity.cosine(b, a));
  });

  it('gives a bag its own length under each rarity (a bag is in many checks)', () => {
    const [a, b, ...rest] = randomBags(3, 12).filter((bag) => bag.size > 5);
    const first = Rarity.among(rest);
    const second = Rarity.among([b, b, b]);
    const before = first.cosine(a, b);
    expect(second.cosine(a, b)).not.toBeCloseTo(before, 6);
    expect(first.cosine(a, b)).toBe(before);
  });

  it('says 0 for an empty bag on either side', () => {
    const [bag] = randomBags(5, 3).filter((item) => item.size > 0);
    const rarity = Rarity.among([bag]);
    expect(rarity.cosine(new Map(), bag)).toBe(0);
    expect(rarity.cosine(bag, new Map())).toBe(0);
    expect(rarity.coverage(new Map(), bag)).toBe(0);
    expect(rarity.coverage(bag, new Map())).toBe(0);
  });
});
