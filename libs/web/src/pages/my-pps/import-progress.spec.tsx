import type { ImportJobDto } from '@bouwsteen/imports';
import { Progress } from './import-progress';

const job = (status: string, percent: number): ImportJobDto =>
  ({
    id: 'job-1',
    status,
    checkSimilar: false,
    progress: { percent, rowsRead: 420 },
    similarCheck: { status: 'none', rowsLeft: 0 },
  }) as unknown as ImportJobDto;

describe("an import's progress", () => {
  it('shows the bar with its value as a number while the rows are read', async () => {
    const html = await Progress({ job: job('running', 42) });
    expect(html).toContain('<progress id="voortgang-balk" max="100" value="42">42%</progress>');
    expect(html).toContain('</progress><span aria-hidden="true"> 42%</span>');
    expect(html).toContain('420 rijen gelezen.');
  });

  it('shows no bar once the rows are read', async () => {
    const html = await Progress({ job: job('done', 100) });
    expect(html).not.toContain('<progress');
    expect(html).not.toContain('aria-hidden');
  });
});
