import { IMPORT_READ_LIMITS, ImportReadLimits } from '@bouwsteen/config/pure';
import { FieldCode } from '@bouwsteen/common/pure';
import { dutchMessage } from '@bouwsteen/taxonomy/pure';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileNotice, SourceItem, SourceRow, isNotice, readRows } from '.';

const dir = mkdtempSync(join(tmpdir(), 'bouwsteen-readers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function all(
  format: 'csv' | 'jsonl',
  content: string | Buffer,
  limits: Partial<ImportReadLimits> = {},
): Promise<SourceItem[]> {
  const path = join(dir, `file-${Math.random()}.${format}`);
  writeFileSync(path, content);
  const items: SourceItem[] = [];
  for await (const item of readRows(format, path, () => undefined, {
    ...IMPORT_READ_LIMITS,
    ...limits,
  }))
    items.push(item);
  return items;
}

const notices = (items: SourceItem[]) => items.filter(isNotice) as FileNotice[];
const rows = (items: SourceItem[]) => items.filter((item) => !isNotice(item)) as SourceRow[];

describe('file readers', () => {
  it('reads CSV rows by header', async () => {
    const items = await all('csv', 'kind,title\r\nModule,Hydrauliek\r\n');
    expect(items).toEqual([
      { label: 'rij 2', cells: { kind: 'Module', title: 'Hydrauliek' }, problems: [] },
    ]);
  });

  it('refuses a CSV header with a NUL in Dutch, naming the column by its place (a field with NUL cannot be stored)', async () => {
    const items = await all('csv', 'kind,ti\u0000tle\r\nModule,x\r\n');
    expect(items).toEqual([
      {
        fatal: true,
        notice: {
          field: 'kolom 2',
          message: expect.stringMatching(/^kolom 2 heeft een naam met een onzichtbaar teken/),
          code: 'unshowableColumnName',
          values: { column: 2 },
          value: 'ti\u0000tle',
        },
      },
    ]);
    // The report stores field and message as they are (PostgreSQL refuses a NUL in text).
    const { field, message } = (items[0] as FileNotice).notice;
    expect(`${field}${message}`).not.toContain('\u0000');
  });

  it('reads UTF-16 CSV without a BOM, little- and big-endian, and big-endian with one', async () => {
    const text = 'kind;title\r\nModule;Hydrauliek één\r\n';
    const little = Buffer.from(text, 'utf16le');
    const big = Buffer.from(little).swap16();
    const expected = [
      { label: 'rij 2', cells: { kind: 'Module', title: 'Hydrauliek één' }, problems: [] },
    ];
    expect(await all('csv', little)).toEqual(expected);
    expect(await all('csv', big)).toEqual(expected);
    expect(await all('csv', Buffer.concat([Buffer.from([0xfe, 0xff]), big]))).toEqual(expected);
  });

  it('refuses a CSV record larger than a row may be, without holding it', async () => {
    const items = await all('csv', `kind,title\r\nModule,"${'x'.repeat(5000)}"\r\n`, {
      maxRowBytes: 4096,
    });
    expect(notices(items)).toEqual([
      {
        fatal: true,
        notice: {
          label: 'rij 2',
          field: '',
          message: 'rij 2 is groter dan 4.096 bytes (de grens voor één rij)',
        },
      },
    ]);
  });

  it('refuses a CSV line of more fields than a row may have, counting quotes right', async () => {
    const quoted = `kind,title\r\nModule,"${','.repeat(50)}"\r\n`;
    expect(rows(await all('csv', quoted, { maxColumns: 3 }))).toHaveLength(1);
    const wide = await all('csv', `kind,title\r\nModule${','.repeat(50)}\r\n`, { maxColumns: 3 });
    expect(notices(wide)).toEqual([
      {
        fatal: true,
        notice: { field: '', message: 'een rij heeft meer dan 3 kolommen' },
      },
    ]);
  });

  it('stops a CSV or JSON Lines file with more rows than a file may have', async () => {
    const csv = await all('csv', 'kind,title\r\nModule,a\r\nModule,b\r\nModule,c\r\n', {
      maxRows: 2,
    });
    expect(rows(csv)).toHaveLength(2);
    expect(notices(csv)).toEqual([
      {
        fatal: true,
        notice: { label: 'rij 4', field: '', message: 'het bestand heeft meer dan 2 rijen' },
      },
    ]);
    const jsonl = await all('jsonl', '{"kind":"module"}\n{"kind":"module"}\n{"kind":"module"}\n', {
      maxRows: 2,
    });
    expect(rows(jsonl)).toHaveLength(2);
    expect(notices(jsonl)).toEqual([
      { fatal: true, notice: { field: '', message: 'het bestand heeft meer dan 2 regels' } },
    ]);
  });

  it('reports a JSON Lines key with a NUL, half a surrogate pair, __proto__ or an endless name as a row problem', async () => {
    const lines = [
      '{"kind":"module","ti\\u0000tle":"x"}',
      '{"kind":"module","module":{"a":[{"\\ud800":1}]}}',
      '{"kind":"module","__proto__":{"title":"x"}}',
      `{"kind":"module","${'k'.repeat(500)}":"x"}`,
      '{"kind":"module","title":"goed"}',
    ];
    const items = await all('jsonl', lines.join('\n'));
    expect(items).toEqual([
      {
        label: 'regel 1',
        object: undefined,
        problems: [
          {
            field: '',
            message: dutchMessage(FieldCode.KeyUnshowable),
            value: 'ti\u0000tle',
          },
        ],
      },
      {
        label: 'regel 2',
        object: undefined,
        problems: [expect.objectContaining({ field: '', value: '\ud800' })],
      },
      {
        label: 'regel 3',
        object: undefined,
        problems: [
          { field: '', message: dutchMessage(FieldCode.KeyNotAllowed), value: '__proto__' },
        ],
      },
      {
        label: 'regel 4',
        object: undefined,
        problems: [
          {
            field: '',
            message:
              'Een veldnaam is langer dan 200 tekens. Gebruik de veldnamen van de API (zoals title).',
            value: `${'k'.repeat(200)}…`,
          },
        ],
      },
      { label: 'regel 5', object: { kind: 'module', title: 'goed' }, problems: [] },
    ]);
  });

  it('reports a JSON Lines line longer than a row may be, and reads on', async () => {
    const items = await all('jsonl', `"${'x'.repeat(3000)}"\n{"kind":"module"}\n`, {
      maxRowBytes: 2048,
    });
    expect(items).toEqual([
      {
        label: 'regel 1',
        object: undefined,
        problems: [
          {
            field: '',
            message:
              'Deze regel is langer dan een regel mag zijn (2.048 bytes). Maak de teksten van deze bouwsteen korter.',
          },
        ],
      },
      { label: 'regel 2', object: { kind: 'module' }, problems: [] },
    ]);
  });
});
