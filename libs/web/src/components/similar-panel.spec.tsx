import type { SimilarAssetDto } from '@bouwsteen/assets';
import type { LabelBook } from '../format/labels';
import { SimilarPanel } from './similar-panel';

const labels = {
  kind: () => 'Module',
  labels: (_: string, codes: string[]) => codes,
} as unknown as LabelBook;

const finding = (siblings: SimilarAssetDto['alsoPublishedBy']): SimilarAssetDto => ({
  id: 'a1',
  kind: 'module',
  title: 'Veilig werken met cobots',
  pps: { id: 'p1', name: 'Fieldlab Robotica NH' },
  score: 0.62,
  reasons: [],
  alsoPublishedBy: siblings,
});

const render = (similar: SimilarAssetDto[]) =>
  SimilarPanel({ similar, checked: true, asked: true, labels }) as string;

describe('SimilarPanel', () => {
  it('names each PPS that published the same block, with a link to its copy', () => {
    const html = render([
      finding([
        { id: 'b2', title: 'Cobots veilig', pps: { id: 'p2', name: 'Techniek & Co' }, score: 0.5 },
        { id: 'c3', title: 'Cobots', pps: { id: 'p3', name: 'Smart Makers' }, score: 0.4 },
      ]),
    ]);
    expect(html).toContain('Ook gepubliceerd door');
    expect(html).toContain('href="/bouwstenen/b2"');
    expect(html).toContain('Techniek &amp; Co');
    expect(html).toContain('href="/bouwstenen/c3"');
    expect(html).toMatch(/Techniek &amp; Co.*<\/a> en <a/s);
    // One finding with its copies counts as one block.
    expect(html).toContain('Eén bouwsteen');
  });

  it('shows the first few and folds the others under "Meer", every one in the page', () => {
    const five = [1, 2, 3, 4, 5].map((n) => ({ ...finding([]), id: `a${n}`, title: `Blok ${n}` }));
    const html = SimilarPanel({
      similar: five,
      checked: true,
      asked: true,
      labels,
      shown: 3,
    }) as string;
    const [before, after] = html.split('<details class="similar-more">');
    expect(before).toContain('Blok 3');
    expect(before).not.toContain('Blok 4');
    expect(after).toContain('Meer: nog 2 bouwstenen die op deze tekst lijken');
    expect(after).toContain('Blok 4');
    expect(after).toContain('Blok 5');
    expect(html).toContain('5 bouwstenen van andere PPS lijken op deze tekst');
  });

  it('folds nothing when every finding fits, and lists them all by default', () => {
    const two = [finding([]), { ...finding([]), id: 'a2' }];
    expect(render(two)).not.toContain('similar-more');
    expect(
      SimilarPanel({ similar: two, checked: true, asked: true, labels, shown: 3 }) as string,
    ).not.toContain('similar-more');
  });

  it('says nothing of copies when there are none', () => {
    expect(render([finding([])])).not.toContain('Ook gepubliceerd door');
  });
});
