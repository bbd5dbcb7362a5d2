import type { SimilarAssetDto } from '@bouwsteen/assets';
import { similarLines, uncheckedLine } from './report-lines';

const row = {
  position: 7,
  row: 'Modules, rij 8',
  sourceId: 'MOD-7',
  assetId: '00000000-0000-4000-8000-000000000007',
  title: 'Veilig samenwerken met cobots',
  query: {
    title: 'Veilig samenwerken met cobots',
    summary: '',
    learningOutcomes: [],
    keywords: [],
    levels: [],
    creboCodes: [],
  },
};

const finding = (id: string, title: string, score: number) =>
  ({ id, title, score, pps: { id: 'p', name: 'Fieldlab Robotica NH' } }) as SimilarAssetDto;

describe('the report lines of a row checked after the import', () => {
  it('gives one line per finding, in the row’s place, with both ids and the rounded score', () => {
    const lines = similarLines(row, [
      finding('a', 'Werken met cobots', 0.586),
      finding('b', 'Cobots in de praktijk', 0.314),
    ]);
    expect(lines).toEqual([
      {
        severity: 'similar',
        row: 'Modules, rij 8',
        sourceId: 'MOD-7',
        field: null,
        message: 'Dit bestaat al: "Werken met cobots" van Fieldlab Robotica NH (overeenkomst 59%)',
        value: 'Veilig samenwerken met cobots',
        assetId: row.assetId,
        similarAssetId: 'a',
        position: 7,
      },
      expect.objectContaining({ similarAssetId: 'b', message: expect.stringContaining('31%') }),
    ]);
    expect(similarLines(row, [])).toEqual([]);
  });

  it('says how many new rows were not checked, at the end of the report', () => {
    expect(uncheckedLine(1).message).toContain('voor 1 nieuwe rij niet gecontroleerd');
    expect(uncheckedLine(1200).message).toContain('voor 1.200 nieuwe rijen niet gecontroleerd');
    expect(uncheckedLine(3)).toMatchObject({ severity: 'warning', row: null, assetId: null });
    expect(uncheckedLine(3).position).toBeUndefined();
  });
});
