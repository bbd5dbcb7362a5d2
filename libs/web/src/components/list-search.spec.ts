import { listNarrowing, listSearchParams, readListSearch } from './list-search';

describe('a list search read from its address', () => {
  it('reads words, kind, order and page', () => {
    const search = readListSearch(
      { zoek: '  cobots  veilig ', soort: 'module', sorteer: 'titel', pagina: '3' },
      'gewijzigd',
    );
    expect(search).toEqual({
      words: 'cobots veilig',
      titleWords: ['cobots', 'veilig'],
      kind: 'module',
      sort: 'titel',
      pageNumber: 3,
    });
    expect(listNarrowing(search)).toEqual({ titleWords: ['cobots', 'veilig'], order: 'title' });
    expect(listSearchParams(search, 'gewijzigd').toString()).toBe(
      'zoek=cobots+veilig&soort=module&sorteer=titel',
    );
  });

  it('falls back to the defaults for what it does not know, instead of refusing', () => {
    const search = readListSearch(
      { zoek: ['a', 'b'], soort: 'raket', sorteer: 'prijs', pagina: '-4' },
      'titel',
    );
    expect(search).toMatchObject({ words: 'a', kind: undefined, sort: 'titel', pageNumber: 1 });
    expect(readListSearch({ pagina: '99999' }, 'titel', 100).pageNumber).toBe(100);
    expect(listSearchParams(search, 'titel').toString()).toBe('zoek=a');
  });

  it('bounds what it passes on: control characters, length, number of words', () => {
    const search = readListSearch(
      { zoek: `tab\there\u0000nul ${'woord '.repeat(60)}` },
      'gewijzigd',
    );
    expect(search.words).not.toMatch(/\p{Cc}/u);
    expect(search.words.length).toBeLessThanOrEqual(200);
    expect(search.titleWords).toHaveLength(10);
    expect(search.titleWords.slice(0, 3)).toEqual(['tab', 'here', 'nul']);
  });
});
