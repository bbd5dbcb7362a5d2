import { MARK_CLOSE as C, MARK_OPEN as O } from './search-filter';
import { markedWords, spellingSuggestion } from './spelling-suggestion';

describe('markedWords', () => {
  it('returns whole words, also when the mark covers only the start of one', () => {
    expect(markedWords(`Veilig werken met ${O}cob${C}ots en ${O}robots${C}`)).toEqual([
      'cobots',
      'robots',
    ]);
  });
});

describe('spellingSuggestion', () => {
  const hits = [
    `E-learning Veilig werken met ${O}cobots${C}`,
    `${O}Zorgtechnologie${C} in de wijk`,
  ];

  it('replaces a word the engine matched only with a typo', () => {
    expect(spellingSuggestion('veilig cobts', hits)).toBe('veilig cobots');
    expect(spellingSuggestion('zorgtechnolgie', hits)).toBe('zorgtechnologie');
  });

  it('suggests nothing when every word matched as typed, as a prefix, or without accents', () => {
    expect(spellingSuggestion('Cobots', hits)).toBeUndefined();
    expect(spellingSuggestion('cob', hits)).toBeUndefined();
    expect(spellingSuggestion('coördinator', [`${O}coordinator${C}`])).toBeUndefined();
  });

  it('keeps words that are too far from anything marked, and needs marks at all', () => {
    expect(spellingSuggestion('ruimtevaart', hits)).toBeUndefined();
    expect(spellingSuggestion('cobts', ['no marks here'])).toBeUndefined();
  });
});
