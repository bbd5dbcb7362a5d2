import type { AssetKind } from '@bouwsteen/assets/pure';
import { Column, KIND_CHOICES, columnNamed, kindOfColumn } from '../columns';
import { columnsLabelled, headerKey, kindNamed, knownHeaders } from '../headers';
import { RowProblem } from '../row-codec';
import { FileNotice } from './source-rows';

/** Control characters and unpaired surrogates. */
const UNSHOWABLE = /[\p{Cc}\p{Cs}]/u;

/** What a sheet's header says: the column at each place, and the kind rows need not say. */
export interface SheetHeader {
  /** The column under each place of the header (undefined where the header is empty). */
  columns: (Column | undefined)[];
  /**
   * The kind of a row that says none: the sheet is named after a kind, or (without a kind
   * column) the header has one kind's columns only, as a one-kind template has.
   */
  kind?: AssetKind;
}

export interface HeaderReading {
  /** Undefined when the header refuses the file (a notice says why). */
  header?: SheetHeader;
  /** The row after the labels named the API's paths: a header row, not data. */
  pathRow: boolean;
  notices: FileNotice[];
}

/**
 * A sheet's header, from its first row and the row after it. That second row is the API's
 * paths when every header place has one (a template's and an export's second header row);
 * the paths then decide, else each cell of the first row is a path or a Dutch label. A column
 * no one knows, named twice, or a label two kinds share where the kind is not known, refuses
 * the file as a whole (a misspelt column would otherwise drop its data without a word); so
 * does a file without a kind column whose kind the sheet's name or columns do not tell. Every
 * such problem of the header is told at once, each naming its column (and sheet) and what to do.
 */
export function readHeader(
  first: string[],
  second: string[] | undefined,
  sheet?: string,
): HeaderReading {
  const where = sheet ?? '';
  const pathRow = second !== undefined && isPathRow(first, second);
  const names = pathRow ? second : first;
  const notices: FileNotice[] = [];
  const refuse = (problem: RowProblem) =>
    notices.push({ fatal: true, notice: { label: where || undefined, ...problem } });
  /** A column as a message names it: `kolom 3 ("Titel") van blad "Modules"`. */
  const place = (index: number, name?: string) =>
    `kolom ${index + 1}${name === undefined ? '' : ` ("${name}")`}${where ? ` van blad "${where}"` : ''}`;
  const found: (readonly Column[] | undefined)[] = names.map((raw, index) => {
    const name = raw.trim();
    if (name === '') return undefined;
    // A NUL cannot be stored in the report's field, nor a control character shown there: the
    // column is named by its place and the name goes in the value, which the report escapes.
    if (UNSHOWABLE.test(name)) {
      refuse({
        field: `kolom ${index + 1}`,
        message: `${place(index)} heeft een naam met een onzichtbaar teken (NUL of een ander stuurteken); gebruik de namen uit het sjabloon`,
        code: 'unshowableColumnName',
        values: { column: index + 1 },
        value: name,
      });
      return undefined;
    }
    const byPath = columnNamed(name);
    const columns = byPath ? [byPath] : columnsLabelled(name);
    if (columns.length > 0) return columns;
    refuse(unknownColumn(place(index), index, name));
    return undefined;
  });
  // A column no one knows may be the kind column misspelt: then a missing kind is not told.
  const unknown = notices.length > 0;

  const kindColumn = found.some((columns) => columns?.[0].name === 'kind');
  const ownKind = kindOfHeader(found);
  const kind = kindNamed(sheet) ?? (kindColumn ? undefined : ownKind);
  // A label two kinds share is the one of the sheet's kind, or of the only kind whose own
  // columns the header has (even beside a kind column: a one-kind export's CSV).
  const labelKind = kind ?? ownKind;
  const columns = found.map((candidates, index) => {
    if (!candidates) return undefined;
    if (candidates.length === 1) return candidates[0];
    const chosen = candidates.filter((column) => kindOfColumn(column) === labelKind);
    if (chosen.length === 1) return chosen[0];
    refuse(sharedLabel(place(index, names[index].trim()), index, names[index].trim(), candidates));
    return undefined;
  });
  if (!unknown && !kindColumn && !kind && names.some((name) => name.trim() !== ''))
    refuse({
      field: 'kind',
      message: `de kolom Soort (kind) ontbreekt${where ? ` in blad "${where}"` : ''}; zet de soort van elke rij in een kolom Soort, of gebruik het sjabloon van één soort`,
      code: 'kindColumnMissing',
    });
  const seen = new Map<string, number>();
  columns.forEach((column, index) => {
    if (!column) return;
    const same = 'sameAs' in column ? String(column.sameAs) : column.name;
    const first = seen.get(same);
    if (first !== undefined)
      refuse({
        field: names[index].trim(),
        message: `${place(index, names[index].trim())} is dezelfde kolom als kolom ${first + 1}; haal er een weg`,
        code: 'columnTwice',
        values: { column: index + 1, first: first + 1 },
      });
    else seen.set(same, index);
  });
  if (notices.length > 0) return { pathRow, notices };
  return { header: { columns, kind }, pathRow, notices };
}

/**
 * A second row that names a column by its API path at every place the first row has a header
 * (and nothing else): the paths row of a template or export. A row of data never does.
 */
function isPathRow(first: string[], second: string[]): boolean {
  let paths = 0;
  for (let index = 0; index < Math.max(first.length, second.length); index++) {
    const label = (first[index] ?? '').trim();
    const path = (second[index] ?? '').trim();
    if (path === '') {
      if (label !== '') return false;
      continue;
    }
    if (!columnNamed(path)) return false;
    paths++;
  }
  return paths > 0;
}

/** The one kind a header's kind-specific columns belong to, if they belong to one. */
function kindOfHeader(found: (readonly Column[] | undefined)[]): AssetKind | undefined {
  const sure = new Set<AssetKind>();
  let possible: Set<AssetKind> | undefined;
  for (const columns of found) {
    if (!columns) continue;
    const kinds = new Set(columns.map(kindOfColumn));
    if (kinds.has(undefined)) continue;
    if (columns.length === 1) sure.add(kindOfColumn(columns[0])!);
    else
      possible = new Set(
        [...kinds].filter((kind): kind is AssetKind => !!kind && (!possible || possible.has(kind))),
      );
  }
  if (sure.size === 1) return [...sure][0];
  if (sure.size === 0 && possible?.size === 1) return [...possible][0];
  return undefined;
}

function unknownColumn(place: string, index: number, name: string): RowProblem {
  const guess = nearest(name);
  return {
    field: name,
    message: `${place} heeft een onbekende naam${guess ? `; bedoelt u "${guess}"?` : '.'} Gebruik de kolomnamen uit het sjabloon: de Nederlandse (zoals Titel) of die van de API (zoals title)`,
    code: 'unknownColumn',
    values: { column: index + 1, name, ...(guess ? { suggestion: guess } : {}) },
    value: name,
  };
}

function sharedLabel(
  place: string,
  index: number,
  name: string,
  columns: readonly Column[],
): RowProblem {
  const kinds = columns.map((column) => KIND_CHOICES[kindOfColumn(column)!].toLowerCase());
  const options = kinds.map((kind) => `"${name} (${kind})"`).join(' of ');
  return {
    field: name,
    message: `${place} hoort bij meer soorten (${kinds.join(', ')}); noem hem ${options}, of zet de API-namen in de tweede kopregel`,
    code: 'columnOfSeveralKinds',
    values: { column: index + 1, name, kinds: kinds.join(', ') },
    value: name,
  };
}

/** The header a misspelt one was most likely meant to be (a couple of letters off), if any. */
function nearest(name: string): string | undefined {
  const wanted = headerKey(name);
  let best: { header: string; distance: number } | undefined;
  for (const header of knownHeaders()) {
    const distance = editDistance(wanted, headerKey(header));
    if (distance <= Math.max(1, Math.floor(wanted.length / 4)) && distance < (best?.distance ?? 99))
      best = { header, distance };
  }
  return best?.header;
}

/** Levenshtein's distance (insertions, deletions, substitutions), for short header texts. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length];
}
