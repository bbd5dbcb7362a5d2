import { existsSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { ASSET_KINDS } from '@bouwsteen/assets';
import { columnsFor, headerLabel } from '@bouwsteen/imports';
import { KIND_LABELS, Term } from '@bouwsteen/taxonomy';
import { encodeRow } from '../libs/imports/src/row-codec';
import { isNotice, readRows } from '../libs/imports/src/readers';
import { VocabularyLookup } from '../libs/imports/src/vocabulary-lookup';
import { vocabularyRows } from '../libs/seed/src/vocabulary-rows';
import { mulberry32, syntheticAsset } from './synthetic-corpus';
import { rssMb, round } from './timing';

/**
 * How fast the .xlsx reader reads our own export: `write <file> [rows]` makes a workbook as
 * GET /exports?format=xlsx writes it (a sheet per kind, inline strings, labels for codes) from
 * the synthetic corpus; `read <file>` reads it with the import's reader and prints rows per
 * second and the process's peak RSS. Two commands, so the writer's memory is not counted.
 *
 *   npm run build:bench
 *   node dist/bench/xlsx-read.js write /tmp/export-100000.xlsx 100000
 *   node --max-old-space-size=320 dist/bench/xlsx-read.js read /tmp/export-100000.xlsx
 */
async function main(): Promise<void> {
  const [command, path, size] = process.argv.slice(2);
  if (command === 'write' && path) await write(path, Number(size ?? 100_000));
  else if (command === 'read' && path && existsSync(path)) await read(path);
  else throw new Error('usage: xlsx-read write <file> [rows] | read <file>');
}

async function write(path: string, size: number): Promise<void> {
  const vocabularies = new Map<string, Map<string, Term>>();
  for (const row of vocabularyRows()) {
    if (!vocabularies.has(row.vocabulary)) vocabularies.set(row.vocabulary, new Map());
    vocabularies.get(row.vocabulary)!.set(row.code, row);
  }
  const lookup = new VocabularyLookup(vocabularies);
  const { stream: excelStream } = await import('exceljs');
  const out = createWriteStream(path);
  const workbook = new excelStream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: true,
  });
  const ppsIds = ['0b5c2d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d'];
  for (const kind of ASSET_KINDS) {
    const columns = columnsFor(kind);
    const sheet = workbook.addWorksheet(KIND_LABELS[kind].many, {
      views: [{ state: 'frozen', ySplit: 2 }],
    });
    // The export's two header rows: the Dutch labels, then the API's paths.
    sheet.columns = columns.map((column) => ({
      header: [headerLabel(column, kind), column.name],
      key: column.name,
      width: 20,
    }));
    // The same seed for every kind: each pass makes the corpus and keeps this kind's share.
    const random = mulberry32(42);
    for (let n = 0; n < size; n++) {
      const { kind: assetKind, ppsId: _pps, ...content } = syntheticAsset(n, ppsIds, random);
      if (assetKind !== kind) continue;
      const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
      sheet.addRow(encodeRow({ id, kind, sourceId: `B-${n}`, content }, columns, lookup)).commit();
    }
    sheet.commit();
  }
  await workbook.commit();
  if (!out.closed) await once(out, 'close');
  console.log(`${path}: ${size} rows written`);
}

async function read(path: string): Promise<void> {
  const started = process.hrtime.bigint();
  let rows = 0;
  let bytes = 0;
  const notices: string[] = [];
  for await (const item of readRows('xlsx', path, (count) => (bytes += count))) {
    if (isNotice(item)) notices.push(item.notice.message);
    else rows++;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    JSON.stringify({
      rows,
      seconds: round(seconds),
      rowsPerSecond: Math.round(rows / seconds),
      megabytes: round(bytes / 1_048_576),
      peakRssMb: rssMb(process.pid, 'VmHWM'),
      notices,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
