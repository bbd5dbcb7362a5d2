import { dutchAnalyser } from './dutch-analyser';

describe('DutchAnalyser', () => {
  const analyser = dutchAnalyser();
  const keys = (text: string) => [...analyser.analyse([text]).keys()];

  it('stems with Snowball, so inflections meet', () => {
    expect(keys('sterke wachtwoorden')).toEqual(expect.arrayContaining(['sterk', 'wachtwoord']));
    expect(keys('beheren')).toEqual(keys('beheer'));
  });

  it('adds the parts of compounds at a lower weight than whole words', () => {
    const bag = analyser.analyse(['wachtwoordbeheer']);
    expect(bag.get('woord')).toMatchObject({ kind: 'part', source: 'wachtwoordbeheer' });
    expect(bag.get('woord')!.weight).toBeLessThan(bag.get('wachtwoordbeher')!.weight);
  });

  it('names one concept for terms of one thesaurus group, phrases included', () => {
    const concept = (text: string) =>
      [...analyser.analyse([text]).values()].filter((term) => term.kind === 'concept');
    const mkb = concept('voor het mkb');
    const small = concept('voor kleine bedrijven in de regio');
    expect(mkb).toHaveLength(1);
    expect(small.find((term) => term.key === mkb[0].key)).toMatchObject({
      surface: 'kleine bedrijven',
      source: 'mkb',
    });
  });

  it('drops stop words and words the caller ignores', () => {
    expect(keys('de het een module')).toEqual(['modul']);
    expect([...analyser.analyse(['de module'], new Set(['module'])).keys()]).toEqual([]);
  });

  it('lets an ignored word name no concept alone, only inside a phrase written in full', () => {
    const ignore = new Set(['niveau', 'leren', 'werken']);
    const concepts = (text: string) =>
      [...analyser.analyse([text], ignore).values()]
        .filter((term) => term.kind === 'concept')
        .map((term) => term.source);
    expect(concepts('op niveau 4')).toEqual([]);
    expect(concepts('beroepsniveau')).toEqual([]);
    expect(concepts('studenten leren zelf')).toEqual([]);
    expect(concepts('een opleiding op niveau 1')).toEqual(['entree']);
    expect(concepts('leren en werken')).toEqual(['bbl']);
    expect(concepts('in de leer bij een vakman')).toEqual(['meester-gezel']);
    expect(concepts('leer hoe je plant')).toEqual([]);
    // Without ignored words, stop words inside a phrase still count as written.
    expect(concepts('werken op afstand')).toEqual(['thuiswerken']);
  });

  it('expands a query: parts before the compound, thesaurus words and phrases left whole', () => {
    expect(analyser.expandQuery('wachtwoordbeheer mkb')).toBe(
      'wacht woord beheer wachtwoordbeheer mkb',
    );
    expect(analyser.expandQuery('kleinbedrijf')).toBe('kleinbedrijf');
    expect(analyser.expandQuery('cobots')).toBe('cobots');
    expect(analyser.expandQuery('beveiliging -wachtwoordbeheer')).toBe(
      'beveiliging -wachtwoordbeheer',
    );
  });

  it('gives the index stems and parts once each', () => {
    const terms = analyser.indexTerms(['Wachtwoordbeheer', 'sterke wachtwoorden']).split(' ');
    expect(terms).toEqual(expect.arrayContaining(['wachtwoordbeher', 'wacht', 'woord', 'sterk']));
    expect(new Set(terms).size).toBe(terms.length);
  });

  it('knows Dutch words as written, inflected or compounded, and not typos', () => {
    for (const word of ['lassen', 'lossen', 'Lessen', 'warmtepompen', 'wachtwoordbeheer', 'cobots'])
      expect({ word, known: analyser.isWord(word) }).toEqual({ word, known: true });
    for (const word of ['cobts', 'lasen', 'zorgtechnolgie', 'warmtpomp', 'lasssen', ''])
      expect({ word, known: analyser.isWord(word) }).toEqual({ word, known: false });
  });
});
