import type { NetworkEdge } from '@bouwsteen/reports';
import { BarChart, barWidthClass, sortBars } from './bar-chart';
import { adjacency } from './network-list';

describe('bar chart', () => {
  it('puts the largest first, equal values in name order', () => {
    expect(
      sortBars([
        { label: 'Zorg', value: 1 },
        { label: 'Bouw', value: 3 },
        { label: 'Afval', value: 1 },
      ]).map((bar) => bar.label),
    ).toEqual(['Bouw', 'Afval', 'Zorg']);
  });

  it('draws widths as classes in steps of 2 %, a sliver for any value above 0', () => {
    expect(barWidthClass(4, 4)).toBe('bar-w100');
    expect(barWidthClass(1, 2)).toBe('bar-w50');
    expect(barWidthClass(1, 3)).toBe('bar-w34');
    expect(barWidthClass(1, 1000)).toBe('bar-w2');
    expect(barWidthClass(0, 5)).toBe('bar-w0');
    expect(barWidthClass(0, 0)).toBe('bar-w0');
  });

  it('escapes labels, has no style attribute, and names the zeros instead of drawing them', () => {
    const html = BarChart({
      id: 'x',
      title: 'Per PPS',
      description: 'Uitleg',
      valueHeader: 'Aantal',
      zeroNote: 'Nog niets gepubliceerd',
      bars: [
        { label: '<b>A</b>', value: 2, href: '/a' },
        { label: 'Leeg B', value: 0 },
        { label: 'Leeg A', value: 0 },
      ],
    }) as string;
    expect(html).toContain('&lt;b>A&lt;/b>');
    expect(html).not.toContain('style=');
    expect(html.match(/bar-chart__row/g)).toHaveLength(1);
    expect(html).toContain('Nog niets gepubliceerd: Leeg A, Leeg B.');
    expect(html).toContain('<summary>Toon tabel');
  });
});

describe('network as a list', () => {
  const edge = (source: string, adopter: string, reuses: number, derivatives = 0): NetworkEdge => ({
    sourceId: source,
    sourceName: source,
    adopterId: adopter,
    adopterName: adopter,
    reuses,
    derivatives,
  });

  it('groups by the PPS whose work was reused, most reused first, adopters by count', () => {
    expect(
      adjacency([edge('B', 'C', 1), edge('A', 'C', 1), edge('A', 'B', 1, 2), edge('D', 'A', 0)]),
    ).toEqual([
      {
        name: 'A',
        total: 4,
        adopters: [
          { name: 'B', count: 3 },
          { name: 'C', count: 1 },
        ],
      },
      { name: 'B', total: 1, adopters: [{ name: 'C', count: 1 }] },
    ]);
  });
});
