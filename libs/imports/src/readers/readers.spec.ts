import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRows, SourceItem } from '.';

const dir = mkdtempSync(join(tmpdir(), 'bouwsteen-readers-'));

async function all(format: 'csv' | 'jsonl', content: string | Buffer): Promise<SourceItem[]> {
  const path = join(dir, `file-${Math.random()}.${format}`);
  writeFileSync(path, content);
  const items: SourceItem[] = [];
  for await (const item of readRows(format, path, () => undefined)) items.push(item);
  return items;
}

describe('file readers', () => {
  it('reads CSV rows by header', async () => {
    const items = await all('csv', 'kind,title\r\nModule,Hydrauliek\r\n');
    expect(items).toEqual([
      { label: 'rij 2', cells: { kind: 'Module', title: 'Hydrauliek' }, problems: [] },
    ]);
  });
});
