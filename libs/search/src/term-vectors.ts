import type { TermBag } from '@bouwsteen/language';

/**
 * A bag as scoring reads it under one rarity: its terms as numbers in ascending order, each
 * with its own weight and its weight times the term's rarity, and its length. Two vectors are
 * compared by walking both lists once, with no look-up by word: a check compares a hundred
 * candidates with the asked text and, to group near-identical ones, with each other.
 */
interface TermVector {
  numbers: Int32Array;
  weights: Float64Array;
  rarityWeights: Float64Array;
  length: number;
}

/** More places than any bag has terms (a text's fields are bounded far below). */
const PLACES = 2 ** 20;

const EMPTY: TermVector = {
  numbers: new Int32Array(0),
  weights: new Float64Array(0),
  rarityWeights: new Float64Array(0),
  length: 0,
};

/**
 * How telling a term is among the texts a check compares with: a term most candidates share
 * (the sector's own words: "zorg" among care modules) says less than one only a few share. It
 * also keeps the vectors of the bags measured under it, each made once while it lives; a bag is
 * in many checks, each with its own rarity, so vectors are never shared between rarities.
 */
export class Rarity {
  /** Each term seen so far as a number, and that number's rarity weight. */
  private readonly numbers = new Map<string, number>();
  private readonly weightOf: number[] = [];
  private readonly vectors = new WeakMap<TermBag, TermVector>();

  /** @param unseen the weight of a term none of the pool's bags holds. */
  private constructor(private readonly unseen: number) {}

  /** Every term counts the same (no pool to measure against). */
  static even(): Rarity {
    return new Rarity(1);
  }

  /**
   * From how many of `bags` hold each term (inverse document frequency, smoothed). The
   * logarithms are taken once per term: a check scores a hundred candidates against the same
   * pool, and taking them per comparison was a third of its time.
   */
  static among(bags: readonly TermBag[]): Rarity {
    const total = bags.length;
    const rarity = new Rarity(Math.log(1 + (total + 1)));
    const counts: number[] = [];
    for (const bag of bags)
      for (const key of bag.keys()) {
        const number = rarity.numbers.get(key);
        if (number === undefined) {
          rarity.numbers.set(key, counts.length);
          counts.push(1);
        } else counts[number]++;
      }
    for (const count of counts) rarity.weightOf.push(Math.log(1 + (total + 1) / (count + 1)));
    return rarity;
  }

  /** Weighted cosine of two bags: 1 when they say the same, 0 when they share nothing. */
  cosine(a: TermBag, b: TermBag): number {
    if (a.size === 0 || b.size === 0) return 0;
    const first = this.vector(a);
    const second = this.vector(b);
    const x = first.numbers;
    const y = second.numbers;
    let dot = 0;
    for (let i = 0, j = 0; i < x.length && j < y.length; ) {
      if (x[i] === y[j]) dot += first.rarityWeights[i++] * second.rarityWeights[j++];
      else if (x[i] < y[j]) i++;
      else j++;
    }
    return dot === 0 ? 0 : dot / (first.length * second.length);
  }

  /** How much of `part`'s own weight `whole` also has (a keyword list against a whole text). */
  coverage(part: TermBag, whole: TermBag): number {
    const parts = this.vector(part);
    const x = parts.numbers;
    const y = this.vector(whole).numbers;
    let total = 0;
    let found = 0;
    for (let i = 0, j = 0; i < x.length; ) {
      while (j < y.length && y[j] < x[i]) j++;
      if (j < y.length && y[j] === x[i]) found += parts.weights[i];
      total += parts.weights[i++];
    }
    return total === 0 ? 0 : found / total;
  }

  private vector(bag: TermBag): TermVector {
    if (bag.size === 0) return EMPTY;
    let vector = this.vectors.get(bag);
    if (vector) return vector;
    // Each term's number and its place in the bag, packed into one float (exact below 2^53) so
    // a native numeric sort orders them: no objects and no comparator per term.
    const order = new Float64Array(bag.size);
    const ownWeights = new Float64Array(bag.size);
    let at = 0;
    for (const [key, term] of bag) {
      let number = this.numbers.get(key);
      if (number === undefined) {
        this.numbers.set(key, (number = this.weightOf.length));
        this.weightOf.push(this.unseen);
      }
      order[at] = number * PLACES + at;
      ownWeights[at++] = term.weight;
    }
    order.sort();
    const numbers = new Int32Array(at);
    const weights = new Float64Array(at);
    const rarityWeights = new Float64Array(at);
    let sum = 0;
    for (let position = 0; position < at; position++) {
      const place = order[position] % PLACES;
      const number = (order[position] - place) / PLACES;
      numbers[position] = number;
      weights[position] = ownWeights[place];
      rarityWeights[position] = ownWeights[place] * this.weightOf[number];
      sum += rarityWeights[position] ** 2;
    }
    vector = { numbers, weights, rarityWeights, length: Math.sqrt(sum) };
    this.vectors.set(bag, vector);
    return vector;
  }
}
