import { csvRows } from './csv-rows';
import { jsonlRows } from './jsonl-rows';
import { ByteCounter, SourceItem } from './source-rows';
import { xlsxRows } from './xlsx-rows';

export const IMPORT_FORMATS = ['csv', 'xlsx', 'jsonl'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export function readRows(
  format: ImportFormat,
  path: string,
  counted: ByteCounter,
): AsyncGenerator<SourceItem> {
  if (format === 'csv') return csvRows(path, counted);
  if (format === 'xlsx') return xlsxRows(path, counted);
  return jsonlRows(path, counted);
}

export * from './source-rows';
export { EXPLANATION_SHEET, LISTS_SHEET } from './xlsx-rows';
