import { ASSET_KINDS, AssetKind } from '@bouwsteen/assets/pure';
import { KIND_LABELS } from '@bouwsteen/taxonomy/pure';
import { ALL_COLUMNS, Column, KIND_CHOICES, columnsFor, kindOfColumn } from './columns';

/**
 * How a file's header names its columns. A person reads the first header row: each column's
 * Dutch label (`Column.label`). A developer reads the API's field paths, in a second header row
 * (hidden in a workbook, shown in CSV). A file may have either row or both; the reader takes
 * the paths when they are there, and otherwise each label (see readers/header-check.ts).
 */

/** What a template or export holds: every kind (each row says its kind), or one kind. */
export type FileScope = AssetKind | 'all';
export const FILE_SCOPES: readonly FileScope[] = ['all', ...ASSET_KINDS];

export function isFileScope(value: string): value is FileScope {
  return (FILE_SCOPES as readonly string[]).includes(value);
}

/**
 * The columns of a file of `scope`. A one-kind template leaves `kind` out (every row is of its
 * kind); an export keeps it, so a sheet says what it holds wherever it is pasted.
 */
export function scopeColumns(scope: FileScope, options: { kind: boolean }): readonly Column[] {
  const columns = scope === 'all' ? ALL_COLUMNS : columnsFor(scope);
  return options.kind || scope === 'all'
    ? columns
    : columns.filter((column) => column.name !== 'kind');
}

/** Header texts compare without case, surrounding or doubled spaces, or curly apostrophes. */
export function headerKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/[’‘`]/g, "'").toLowerCase();
}

const labelCount = new Map<string, number>();
for (const column of ALL_COLUMNS)
  labelCount.set(headerKey(column.label), (labelCount.get(headerKey(column.label)) ?? 0) + 1);

/** A kind's column with a label another kind's column has too, named with its kind. */
function qualified(column: Column): string {
  const kind = kindOfColumn(column);
  return kind ? `${column.label} (${KIND_CHOICES[kind].toLowerCase()})` : column.label;
}

/**
 * The Dutch header of a column in a file of `scope`. In a file of every kind a label two kinds
 * share (both have a study load) says whose it is: "Studielast (module)".
 */
export function headerLabel(column: Column, scope: FileScope): string {
  if (scope !== 'all' || (labelCount.get(headerKey(column.label)) ?? 0) < 2) return column.label;
  return qualified(column);
}

/** Every column a Dutch header may name: its label, and its label with its kind. */
const BY_LABEL = new Map<string, Column[]>();
for (const column of ALL_COLUMNS) {
  const named = BY_LABEL.get(headerKey(column.label)) ?? [];
  BY_LABEL.set(headerKey(column.label), [...named, column]);
  if (kindOfColumn(column) && qualified(column) !== column.label)
    BY_LABEL.set(headerKey(qualified(column)), [column]);
}

/** The columns a Dutch header may mean (more than one when kinds share the label). */
export function columnsLabelled(header: string): readonly Column[] {
  return BY_LABEL.get(headerKey(header)) ?? [];
}

/** Every header text a file may use: the labels (with their kinds) and the API paths. */
export function knownHeaders(): string[] {
  return [
    ...new Set([
      ...ALL_COLUMNS.map((column) => column.label),
      ...ALL_COLUMNS.map(qualified),
      ...ALL_COLUMNS.map((column) => column.name),
    ]),
  ];
}

/** The kind a worksheet is named after ("Modules", "Goede praktijk", "module"), if any. */
export function kindNamed(sheet: string | undefined): AssetKind | undefined {
  if (sheet === undefined) return undefined;
  const wanted = headerKey(sheet);
  return ASSET_KINDS.find(
    (kind) =>
      wanted === kind ||
      wanted === headerKey(KIND_LABELS[kind].one) ||
      wanted === headerKey(KIND_LABELS[kind].many),
  );
}
