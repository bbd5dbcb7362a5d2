import { dutchAnalyser } from '@bouwsteen/language';
import { MARK_CLOSE as C, MARK_OPEN as O } from './search-filter';
import {
  approximateMatches,
  correctableWords,
  corrected,
  MAX_CORRECTIONS,
  markedWords,
  spellingCorrections,
  spellingKey,
  spellingSuggestion,
} from './spelling-suggestion';

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

  it('never corrects a word that is Dutch as typed: "lassen" (welding) is no misspelt "lossen"', () => {
    const analyser = dutchAnalyser();
    const isWord = (word: string) => analyser.isWord(word);
    const neighbours = [`Laden en ${O}lossen${C}`, `${O}Lessen${C} voor het mbo`];
    // Without the dictionary the closest marked word would be offered, as it was.
    expect(spellingSuggestion('lassen', neighbours)).toBe('lossen');
    expect(spellingSuggestion('lassen', neighbours, isWord)).toBeUndefined();
    expect(spellingSuggestion('mig lassen', neighbours, isWord)).toBeUndefined();
    // Real typos are still corrected, also beside a real word.
    expect(spellingSuggestion('veilig cobts', hits, isWord)).toBe('veilig cobots');
    expect(spellingSuggestion('zorgtechnolgie', hits, isWord)).toBe('zorgtechnologie');
    expect(spellingSuggestion('lassen cobts', [...neighbours, ...hits], isWord)).toBe(
      'lassen cobots',
    );
  });

  it('keeps words that are too far from anything marked, and needs marks at all', () => {
    expect(spellingSuggestion('ruimtevaart', hits)).toBeUndefined();
    expect(spellingSuggestion('cobts', ['no marks here'])).toBeUndefined();
  });
});

describe('spellingCorrections', () => {
  it('pairs each typed word with the word it stands for, for the service to check', () => {
    expect(spellingCorrections('veilig cobts', [`met ${O}cobots${C}`])).toEqual([
      { typed: 'cobts', suggested: 'cobots' },
    ]);
    expect(corrected('veilig cobts', [{ typed: 'cobts', suggested: 'cobots' }])).toBe(
      'veilig cobots',
    );
    expect(corrected('veilig', [])).toBeUndefined();
  });

  it('checks a repeated word once, and offers nothing for a query of many misspelt words', () => {
    // Each correction costs two exact searches: 'zorgg' forty times must not cost eighty.
    const marks = [`${O}zorg${C} en ${O}lassen${C}`];
    expect(spellingCorrections(Array(40).fill('zorgg').join(' '), marks)).toEqual([
      { typed: 'zorgg', suggested: 'zorg' },
    ]);
    expect(corrected('Zorgg zorgg', [{ typed: 'Zorgg', suggested: 'zorg' }])).toBe('zorg zorg');
    const words = ['kabel', 'lassen', 'zorg', 'techniek', 'robots', 'sensor'];
    const typos = ['kabl', 'lasen', 'zrg', 'tecniek', 'robts', 'sensr'];
    expect(typos).toHaveLength(MAX_CORRECTIONS + 1);
    const marked = [words.map((word) => `${O}${word}${C}`).join(' ')];
    expect(spellingCorrections(typos.slice(0, -1).join(' '), marked)).toHaveLength(MAX_CORRECTIONS);
    expect(spellingCorrections(typos.join(' '), marked)).toEqual([]);
  });
});

describe('approximateMatches', () => {
  const hits = [
    `${O}Lassen${C} met MIG`,
    `Laden en ${O}lossen${C}`,
    `${O}Lessen${C} in ${O}lassen${C}`,
    `${O}Lasrobots${C} programmeren`,
    `Veilig ${O}werk${C}`,
  ];

  it('names the other spellings the engine matched, not the word itself', () => {
    expect(approximateMatches('lassen', hits)).toEqual([
      { typed: 'lassen', found: ['lessen', 'lossen'] },
    ]);
  });

  it('leaves out longer words it starts, stems, short words and words too far away', () => {
    expect(approximateMatches('lasrobot', hits)).toEqual([]);
    expect(approximateMatches('werken', hits)).toEqual([]);
    expect(approximateMatches('mig', hits)).toEqual([]);
    expect(approximateMatches('robotica', hits)).toEqual([]);
    // A synonym's words are no typos: "cobots" finds "collaboratieve robots".
    const robots = [`samenwerken met collaboratieve ${O}robots${C}`];
    expect(approximateMatches('cobots', robots)).toEqual([{ typed: 'cobots', found: ['robots'] }]);
    expect(
      approximateMatches('cobots', robots, (word) =>
        word === 'cobots' ? ['collaboratieve robots'] : [],
      ),
    ).toEqual([]);
  });
});

describe('the words a search counts for "did you mean"', () => {
  const dutch = (word: string) => ['lassen', 'en', 'onderhoud'].includes(word);

  it('are the words that could be corrected: not Dutch, three letters or more, each once', () => {
    expect(correctableWords('Warmtpompen onderhoud en WARMTPOMPEN xy cobts', dutch)).toEqual([
      'Warmtpompen',
      'cobts',
    ]);
    expect(correctableWords('lassen en onderhoud', dutch)).toEqual([]);
  });

  it('hold every word a correction is proposed for, so its count came with the results', () => {
    const query = 'warmtpompen onderhoud';
    const typed = correctableWords(query, dutch).map(spellingKey);
    const corrections = spellingCorrections(
      query,
      [`${O}Warmtepompen${C} installeren`, `${O}onderhoud${C}`],
      dutch,
    );
    expect(corrections).toEqual([{ typed: 'warmtpompen', suggested: 'warmtepompen' }]);
    for (const item of corrections) expect(typed).toContain(spellingKey(item.typed));
  });
});
