import { IMPORT_READ_LIMITS, ImportReadLimits } from '@bouwsteen/config/pure';
import { csvRows } from './csv-rows';
import { jsonlRows } from './jsonl-rows';
import { ByteCounter, SourceItem } from './source-rows';
import { xlsxRows } from './xlsx-rows';

export const IMPORT_FORMATS = ['csv', 'xlsx', 'jsonl'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * A file's rows and notices, streamed. `limits` bounds what the reader may unpack and hold
 * (the job passes `config.imports.limits`); a file past one ends with a fatal notice.
 */
export function readRows(
  format: ImportFormat,
  path: string,
  counted: ByteCounter,
  limits: ImportReadLimits = IMPORT_READ_LIMITS,
): AsyncGenerator<SourceItem> {
  if (format === 'csv') return csvRows(path, counted, limits);
  if (format === 'xlsx') return xlsxRows(path, counted, limits);
  return jsonlRows(path, counted, limits);
}

export * from './source-rows';
export { EXPLANATION_SHEET, LISTS_SHEET } from './xlsx-rows';
