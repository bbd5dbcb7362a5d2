import { overviewHref, readOverviewState } from './overview-state';

describe('the address of /kwalificaties', () => {
  it('reads words, the gaps choice, the order and the page; the unknown falls back', () => {
    expect(
      readOverviewState({ q: '  eerste\tmonteur ', alleen: 'zonder-materiaal', pagina: '2' }),
    ).toEqual({
      text: 'eerste monteur',
      words: ['eerste', 'monteur'],
      gapsOnly: true,
      order: 'dossier',
      pageNumber: 2,
    });
    expect(
      readOverviewState({ q: ['a', 'b'], alleen: 'ja', sorteer: 'raket', pagina: '-4' }),
    ).toMatchObject({ text: 'a', gapsOnly: false, order: 'dossier', pageNumber: 1 });
    expect(readOverviewState({ q: 'x'.repeat(500), pagina: '99999' })).toMatchObject({
      pageNumber: 5000,
    });
    expect(readOverviewState({ q: 'x'.repeat(500) }).text).toHaveLength(100);
    expect(readOverviewState({ sorteer: 'minst-materiaal' }).order).toBe('minst-materiaal');
  });

  it('writes an address without defaults; a change of filter starts at page 1', () => {
    const state = readOverviewState({ q: 'zorg & welzijn', sorteer: 'naam', pagina: '3' });
    expect(overviewHref(state)).toBe('/kwalificaties?q=zorg+%26+welzijn&sorteer=naam');
    expect(overviewHref(state, { pageNumber: 4 })).toBe(
      '/kwalificaties?q=zorg+%26+welzijn&sorteer=naam&pagina=4',
    );
    expect(overviewHref(state, { gapsOnly: true, text: '' })).toBe(
      '/kwalificaties?alleen=zonder-materiaal&sorteer=naam',
    );
    expect(overviewHref(readOverviewState({}))).toBe('/kwalificaties');
  });
});
