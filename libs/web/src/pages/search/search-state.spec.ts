import {
  apiSearchQuery,
  parseSearchState,
  stateOfApiQuery,
  searchHref,
  toSearchQuery,
  withoutEmptyParams,
  withoutValue,
} from './search-state';

const known = (param: string, value: string) =>
  (param === 'niveau' && ['mbo-2', 'mbo-3'].includes(value)) ||
  (param === 'soort' && value === 'module');

describe('search state', () => {
  it('reads repeated and comma-separated values, and writes one canonical URL', () => {
    const { state, ignored } = parseSearchState(
      {
        q: ' cobots ',
        niveau: ['mbo-3', 'mbo-2,mbo-3'],
        soort: 'module',
        sorteer: 'titel',
        pagina: '2',
      },
      known,
    );
    expect(ignored).toEqual([]);
    expect(state).toMatchObject({
      q: 'cobots',
      values: { niveau: ['mbo-3', 'mbo-2'], soort: ['module'] },
      page: 2,
    });
    expect(searchHref(state)).toBe(
      '/zoeken?q=cobots&soort=module&niveau=mbo-3&niveau=mbo-2&sorteer=titel&pagina=2',
    );
    expect(searchHref(withoutValue(state, 'niveau', 'mbo-3'))).toBe(
      '/zoeken?q=cobots&soort=module&niveau=mbo-2&sorteer=titel',
    );
  });

  it('leaves out and reports what it cannot use', () => {
    const { state, ignored } = parseSearchState(
      {
        niveau: 'mbo-9',
        'uren-min': '-1',
        'uren-max': '12,5',
        certificaat: 'misschien',
        pagina: '9999',
        sorteer: 'x',
        q: { nested: 'object' },
      },
      known,
    );
    expect(ignored.map((item) => item.param)).toEqual([
      'niveau',
      'uren-min',
      'certificaat',
      'sorteer',
      'pagina',
    ]);
    expect(state).toMatchObject({ q: '', values: {}, hoursMax: 12.5, page: 1 });
  });

  it('swaps a reversed hour range and sorts newest first without words', () => {
    const { state } = parseSearchState({ 'uren-min': '40', 'uren-max': '8' }, known);
    expect([state.hoursMin, state.hoursMax]).toEqual([8, 40]);
    expect(toSearchQuery(state)).toMatchObject({
      sort: '-updated',
      studyLoadMin: 8,
      studyLoadMax: 40,
      pageSize: 20,
    });
    expect(toSearchQuery({ ...state, q: 'x' }).sort).toBe('relevance');
  });

  it('keeps the LLO preset in charge of kind and audience', () => {
    const { state } = parseSearchState({ aanbod: 'llo', soort: 'module' }, known);
    expect(toSearchQuery(state)).toMatchObject({ preset: 'llo', kind: undefined });
  });

  it('drops the parameters a form sent without a value, and keeps the rest in their order', () => {
    expect(withoutEmptyParams('/zoeken?q=&soort=&sorteer=')).toEqual({
      url: '/zoeken',
      hadEmpty: true,
    });
    expect(withoutEmptyParams('/zoeken?q=veilig+werken&uren-min=&niveau=mbo-3&q2=%20')).toEqual({
      url: '/zoeken?q=veilig+werken&niveau=mbo-3',
      hadEmpty: true,
    });
    expect(withoutEmptyParams('/zoeken?q=caf%C3%A9&niveau=mbo-3')).toEqual({
      url: '/zoeken?q=caf%C3%A9&niveau=mbo-3',
      hadEmpty: false,
    });
    expect(withoutEmptyParams('/zoeken')).toEqual({ url: '/zoeken', hadEmpty: false });
  });

  it("writes a page's search as the API's query string and reads a saved one back", () => {
    const { state } = parseSearchState(
      { q: 'cobots', niveau: 'mbo-2,mbo-3', soort: 'module', sorteer: 'titel', pagina: '3' },
      known,
    );
    const saved = apiSearchQuery({ ...state, certifiable: true, hoursMax: 40 });
    expect(saved).toBe('q=cobots&certifiable=true&studyLoadMax=40&kind=module&level=mbo-2%2Cmbo-3');
    expect(stateOfApiQuery(saved)).toEqual({
      q: 'cobots',
      llo: false,
      values: { soort: ['module'], niveau: ['mbo-2', 'mbo-3'] },
      certifiable: true,
      hoursMin: undefined,
      hoursMax: 40,
      sort: 'nieuw',
      page: 1,
    });
  });

  it('keeps the LLO tab as its preset, without the kind and audience it implies', () => {
    const saved = apiSearchQuery({ q: '', llo: true, values: { niveau: ['mbo-2'] }, page: 1 });
    expect(saved).toBe('preset=llo&level=mbo-2');
    expect(stateOfApiQuery('preset=llo&kind=module&audience=worker&sector=zorg')).toMatchObject({
      llo: true,
      values: {},
    });
  });
});
