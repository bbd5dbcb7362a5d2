import { ReviewGroup, summarise, summaryLine } from './review-rules';

const group = (over: Partial<ReviewGroup> & { count: number }): ReviewGroup => ({
  use: 'used',
  level: 3,
  pathway: 'bol',
  setting: 'school',
  sums: { usability: 4 * over.count, quality: 4 * over.count, adaptability: 4 * over.count },
  ...over,
});

describe('what reviews add up to', () => {
  it('says plainly that there are none, without averages', () => {
    const summary = summarise([]);
    expect(summary).toEqual({
      total: 0,
      used: 0,
      read: 0,
      averages: null,
      byLevel: [],
      byPathway: [],
      bySetting: [],
    });
    expect(summaryLine(summary)).toBe('Nog geen reviews');
  });

  it('counts per context and leads with the largest group of levels', () => {
    const summary = summarise([
      group({ count: 9 }),
      group({ count: 2, level: 2, use: 'read', pathway: 'bbl' }),
      group({ count: 1, level: 4, setting: 'practice' }),
    ]);
    expect(summary.total).toBe(12);
    expect(summary.used).toBe(10);
    expect(summary.read).toBe(2);
    expect(summary.byLevel).toEqual([
      { value: 3, count: 9 },
      { value: 2, count: 2 },
      { value: 4, count: 1 },
    ]);
    expect(summary.byPathway).toEqual([
      { value: 'bol', count: 10 },
      { value: 'bbl', count: 2 },
    ]);
    expect(summary.bySetting).toEqual([
      { value: 'school', count: 11 },
      { value: 'practice', count: 1 },
    ]);
    expect(summaryLine(summary)).toBe('9 van 12 reviews voor mbo niveau 3');
  });

  it('averages each rubric item over every review, to one decimal', () => {
    const summary = summarise([
      group({ count: 2, sums: { usability: 9, quality: 4, adaptability: 10 } }),
      group({ count: 1, level: 1, sums: { usability: 1, quality: 5, adaptability: 5 } }),
    ]);
    expect(summary.averages).toEqual({ usability: 3.3, quality: 3, adaptability: 5 });
  });

  it('words a single review in the singular', () => {
    expect(summaryLine(summarise([group({ count: 1, level: 2 })]))).toBe(
      '1 review, voor mbo niveau 2',
    );
  });

  it('says what reviewers declared, never who they are (a lead of another PPS reviews too)', () => {
    const line = summaryLine(summarise([group({ count: 1 }), group({ count: 1, use: 'read' })]));
    expect(line).toBe('2 reviews, alle voor mbo niveau 3');
    expect(line).not.toMatch(/docent/);
  });
});
