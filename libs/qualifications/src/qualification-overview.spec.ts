import type { QualificationCoverage } from './coverage.repository';
import { overviewPage, searchable, withoutMaterial } from './qualification-overview';

const row = (crebo: string, title: string, extra: Partial<QualificationCoverage> = {}) => ({
  crebo,
  title,
  level: 3,
  dossierCrebo: '23153',
  dossierTitle: 'Elektrotechniek',
  curricula: 0,
  modules: 0,
  electives: 0,
  electivesWithModule: 0,
  current: true,
  ...extra,
});

const ROWS: QualificationCoverage[] = [
  row('25831', 'Eerste monteur elektrotechnische installaties', {
    curricula: 1,
    modules: 2,
    electives: 3,
    electivesWithModule: 1,
  }),
  row('25830', 'Monteur elektrotechnische installaties', { level: 2, electives: 2 }),
  row('25466', 'Operator C voedingsindustrie', {
    dossierCrebo: '23186',
    dossierTitle: 'Hygiëne en voeding',
    modules: 1,
    electives: 4,
    electivesWithModule: 4,
  }),
  row('25491', 'Verzorgende IG', { dossierCrebo: '23182', dossierTitle: 'Zorg', curricula: 1 }),
];

const all = { words: [], gapsOnly: false, order: 'dossier' as const };
const first = { number: 1, size: 10 };

describe('the overview of qualifications', () => {
  it('keeps the repository order by default and counts what each choice would show', () => {
    const page = overviewPage(ROWS, all, first);
    expect(page.rows.map((r) => r.crebo)).toEqual(['25831', '25830', '25466', '25491']);
    expect(page).toMatchObject({ total: 4, matching: 4, matchingWithoutMaterial: 1 });
  });

  it('finds by any part of the name or crebo of the qualification or its dossier, accents aside', () => {
    const find = (...words: string[]) =>
      overviewPage(ROWS, { ...all, words }, first).rows.map((r) => r.crebo);
    expect(find('MONTEUR')).toEqual(['25831', '25830']);
    expect(find('eerste', 'monteur')).toEqual(['25831']);
    expect(find('25491')).toEqual(['25491']);
    expect(find('23153')).toEqual(['25831', '25830']);
    expect(find('hygiene')).toEqual(['25466']);
    expect(find('zorg', 'monteur')).toEqual([]);
    expect(searchable('Hygiëne')).toBe('hygiene');
  });

  it('shows only the gaps when asked: no curriculum and no module serves them', () => {
    expect(ROWS.filter(withoutMaterial).map((r) => r.crebo)).toEqual(['25830']);
    const gaps = overviewPage(ROWS, { ...all, gapsOnly: true }, first);
    expect(gaps.rows.map((r) => r.crebo)).toEqual(['25830']);
    expect(gaps).toMatchObject({ total: 1, matching: 4, matchingWithoutMaterial: 1 });
  });

  it('orders by name, or the least served first (then the smallest share of keuzedelen)', () => {
    const by = (order: 'naam' | 'minst-materiaal') =>
      overviewPage(ROWS, { ...all, order }, first).rows.map((r) => r.crebo);
    expect(by('naam')).toEqual(['25831', '25830', '25466', '25491']);
    expect(by('minst-materiaal')).toEqual(['25830', '25491', '25466', '25831']);
  });

  it('pages: a page past the end is empty, the totals stay', () => {
    expect(overviewPage(ROWS, all, { number: 2, size: 3 }).rows.map((r) => r.crebo)).toEqual([
      '25491',
    ]);
    expect(overviewPage(ROWS, all, { number: 9, size: 3 })).toMatchObject({ rows: [], total: 4 });
  });

  it('counts a qualification whose intake ended as no gap', () => {
    const closed = [...ROWS, row('25999', 'Vervallen opleiding', { current: false })];
    const page = overviewPage(closed, { ...all, gapsOnly: true }, first);
    expect(page.rows.map((r) => r.crebo)).toEqual(['25830']);
  });
});
