import type { ExportedAsset } from '@bouwsteen/assets';
import { Column, Part, ValueType } from './columns';
import { escapeValue, joinList, joinRecords } from './cell-lists';
import { centsAsEuros } from '@bouwsteen/common/pure';
import { getPath } from './value-paths';
import { VocabularyLookup } from './vocabulary-lookup';

/** A block as a spreadsheet row: labels for codes, lists joined, records as parts. */
export function encodeRow(
  asset: Pick<ExportedAsset, 'id' | 'kind' | 'sourceId' | 'content'>,
  columns: readonly Column[],
  lookup: VocabularyLookup,
): Record<string, string | number> {
  const source: Record<string, unknown> = {
    ...asset.content,
    id: asset.id,
    sourceId: asset.sourceId ?? undefined,
    kind: asset.kind,
  };
  const row: Record<string, string | number> = {};
  for (const column of columns) {
    const value = getPath(source, column.name);
    row[column.name] = encodeValue(column, value, lookup);
  }
  return row;
}

function encodeValue(column: Column, value: unknown, lookup: VocabularyLookup): string | number {
  if (value === undefined || value === null) return '';
  if (column.parts) {
    if (!Array.isArray(value)) return '';
    return joinRecords(
      value.map((record: Record<string, unknown>) =>
        column.parts!.map((part) => encodePart(part, getPath(record, part.key), lookup)),
      ),
    );
  }
  if (Array.isArray(value)) return joinList(value.map((item) => labelOf(column, item, lookup)));
  if ((column.type === 'number' || column.type === 'integer') && typeof value === 'number')
    return value;
  if (column.type === 'euro') {
    const cents = (value as { amountCents?: unknown }).amountCents;
    return typeof cents === 'number' ? centsAsEuros(cents) : '';
  }
  if (column.type === 'boolean') return value ? 'ja' : 'nee';
  return labelOf(column, value, lookup);
}

function encodePart(part: Part, value: unknown, lookup: VocabularyLookup): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((item) => escapeValue(String(item))).join(', ');
  return escapeValue(labelOf(part, value, lookup));
}

function labelOf(type: ValueType, value: unknown, lookup: VocabularyLookup): string {
  const text = String(value);
  if (type.type === 'vocabulary') return lookup.label(type.vocabulary, text);
  if (type.type === 'choice') return type.choices[text] ?? text;
  return text;
}
