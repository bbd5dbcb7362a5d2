import { dutchAnalyser } from './dutch-analyser';

describe('Decompounder (OpenTaal word list)', () => {
  const parts = (word: string) => dutchAnalyser().parts(word);

  it.each([
    ['wachtwoordbeheer', ['wacht', 'woord', 'beheer']],
    ['cyberweerbaarheid', ['cyber', 'weerbaarheid']],
    ['glastuinbouw', ['glas', 'tuinbouw']],
    ['voedselveiligheid', ['voedsel', 'veiligheid']],
    ['ouderenzorg', ['ouder', 'zorg']],
    ['gewasbeschermingsdrones', ['gewas', 'bescherming', 'drones']],
  ])('splits %s', (word, expected) => {
    expect(parts(word)).toEqual(expected);
  });

  it.each(['installatie', 'bedrijven', 'veiligheid', 'monteur', 'opleiding', 'beheer'])(
    'leaves %s whole',
    (word) => {
      expect(parts(word)).toEqual([]);
    },
  );
});
