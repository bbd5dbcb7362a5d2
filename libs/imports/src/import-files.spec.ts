import { mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { AppConfig } from '@bouwsteen/config';
import { ImportFiles } from './import-files';

const filesIn = (directory: string, maxBytes = 1000) =>
  new ImportFiles({ imports: { directory, maxBytes } } as unknown as AppConfig);

describe('import files', () => {
  it('keeps uploads private: a 0700 directory (closed if it was open), 0600 files', async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'bouwsteen-files-')), 'uploads');
    mkdirSync(directory, { mode: 0o777 });
    const files = filesIn(directory);
    expect(await files.save('a', Readable.from([Buffer.from('kind,title\n')]))).toBe(11);
    expect(statSync(directory).mode & 0o777).toBe(0o700);
    expect(statSync(files.pathOf('a')).mode & 0o777).toBe(0o600);
  });

  it('refuses a file over the limit and leaves nothing behind', async () => {
    const files = filesIn(mkdtempSync(join(tmpdir(), 'bouwsteen-files-')), 10);
    await expect(files.save('b', Readable.from([Buffer.alloc(11)]))).rejects.toThrow(
      /larger than 10 bytes/,
    );
    expect(files.exists('b')).toBe(false);
  });
});
