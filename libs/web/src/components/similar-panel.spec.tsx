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

  it('says nothing of copies when there are none', () => {
    expect(render([finding([])])).not.toContain('Ook gepubliceerd door');
  });
});
