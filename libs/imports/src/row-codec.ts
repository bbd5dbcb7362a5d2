import { ASSET_KINDS, AssetKind } from '@bouwsteen/assets/pure';
import { Constraint, FieldCode, readEuros } from '@bouwsteen/common/pure';
import { dutchMessage } from '@bouwsteen/taxonomy/pure';
import { Column, KIND_CHOICES, ValueType, columnNamed, columnsFor, kindOfColumn } from './columns';
import { innerValues, listValues, recordValues, unescapeValue } from './cell-lists';
import { deletePath, getPath, setPath } from './value-paths';
import { VocabularyLookup, choiceCode } from './vocabulary-lookup';

/** What is wrong with a row, by column (the API's field path), in Dutch, with what was found. */
export interface RowProblem {
  field: string;
  message: string;
  value?: string;
  /** What went wrong as a code with its values (as a FieldError has them), beside the Dutch. */
  code?: string;
  values?: Record<string, string | number>;
}

/** A row read from a file, before it is checked as a building block. */
export interface DecodedRow {
  kind?: AssetKind;
  id?: string;
  sourceId?: string;
  /** The API's shape of the content (the kind's fields under the kind's name). */
  content: Record<string, unknown>;
  problems: RowProblem[];
  /**
   * The content paths the file has columns (or a JSON line keys) for, filled or not: a block
   * the row updates keeps every field the file does not have (see BulkItem.given).
   */
  given?: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** What the sheet says about its rows besides their cells. */
export interface RowSetting {
  /** The kind of a row that says none (a one-kind template); a row saying another is wrong. */
  kind?: AssetKind;
  /** Columns whose cell was a number in a workbook. */
  numeric?: readonly string[];
}

/**
 * A spreadsheet or CSV row (column → cell text) into the API's shape. Cells are typed by the
 * column table; vocabulary values are left as written for `normaliseCodes`, which serves JSON
 * Lines rows too.
 */
export function decodeCells(cells: Record<string, string>, setting: RowSetting = {}): DecodedRow {
  const problems: RowProblem[] = [];
  const content: Record<string, unknown> = {};
  const kind = kindOfRow(findCell(cells, 'kind'), setting.kind, problems);
  const given: string[] = [];
  for (const [header, raw] of Object.entries(cells)) {
    const column = columnNamed(header);
    if (column && !column.identity) given.push(column.name, ...Object.keys(column.implies ?? {}));
    if (!column || column.name === 'kind' || raw.trim() === '') continue;
    // A text is taken as written, spaces and all, as POST /assets takes it (an export writes
    // it so), and a list's values lose only the spaces no backslash keeps (see cell-lists);
    // a code, number or date is read without the spaces around it.
    const cell = column.type === 'text' && !column.identity ? raw : raw.trim();
    const owner = kindOfColumn(column);
    if (owner && kind && owner !== kind) {
      problems.push({
        field: column.name,
        message: dutchMessage(FieldCode.ColumnOfOtherKind, { owner, kind }),
        value: cell,
      });
      continue;
    }
    const value = decodeColumn(column, cell, problems, setting.numeric?.includes(column.name));
    if (value === undefined) continue;
    setPath(content, column.name, value);
    for (const [path, implied] of Object.entries(column.implies ?? {}))
      setPath(content, path, implied);
  }
  if (kind)
    for (const column of columnsFor(kind))
      if (column.emptyIsList && getPath(content, column.name) === undefined)
        setPath(content, column.name, []);
  const { id, sourceId, ...rest } = content as { id?: string; sourceId?: string };
  return { kind, id, sourceId, content: rest, problems, given };
}

/**
 * The kind a row says (its kind cell) or, without one, the sheet's; a row that says a kind other
 * than its one-kind sheet's is a mistake (pasted into the wrong template).
 */
function kindOfRow(
  said: string | undefined,
  implied: AssetKind | undefined,
  problems: RowProblem[],
): AssetKind | undefined {
  if (!said) {
    if (!implied) problems.push({ field: 'kind', message: dutchMessage(Constraint.IsDefined) });
    return implied;
  }
  const kind = choiceCode(KIND_CHOICES, said) as AssetKind | undefined;
  if (!kind) {
    problems.push({
      field: 'kind',
      message: dutchMessage(FieldCode.UnknownKind, {
        choices: Object.values(KIND_CHOICES).join(', '),
      }),
      value: said,
    });
    return undefined;
  }
  if (implied && kind !== implied) {
    problems.push({
      field: 'kind',
      message: dutchMessage(FieldCode.KindOfAnotherSheet, { kind, sheetKind: implied }),
      code: FieldCode.KindOfAnotherSheet,
      values: { kind, sheetKind: implied },
      value: said,
    });
    return undefined;
  }
  return kind;
}

function decodeColumn(
  column: Column,
  cell: string,
  problems: RowProblem[],
  numeric = false,
): unknown {
  const problem = (message: string, value = cell) =>
    problems.push({ field: column.name, message, value });
  if (column.type === 'euro') {
    const reading = readEuros(cell, numeric, column.maxCents);
    if ('cents' in reading) return { amountCents: reading.cents, currency: 'EUR' };
    const { code, values } = reading.problem;
    problems.push({
      field: column.name,
      message: dutchMessage(code, values),
      code,
      values,
      value: cell,
    });
    return undefined;
  }
  if (column.parts) {
    return recordValues(cell).map((parts, index) => {
      const record: Record<string, unknown> = structuredClone(column.eachRecord ?? {});
      if (parts.length > column.parts!.length)
        problem(
          dutchMessage(FieldCode.TooManyParts, {
            record: index + 1,
            parts: parts.length,
            expected: column.parts!.map((part) => part.label).join(' | '),
          }),
        );
      column.parts!.forEach((part, position) => {
        const text = parts[position] ?? '';
        if (text === '') return;
        const value = part.list
          ? innerValues(text)
          : typed(part, unescapeValue(text), (message) => problem(`${part.label}: ${message}`));
        if (value !== undefined) setPath(record, part.key, value);
      });
      return record;
    });
  }
  if (column.list) {
    return listValues(cell)
      .map((value) => typed(column, value, problem))
      .filter((value) => value !== undefined);
  }
  return typed(column, cell, problem);
}

/** One text as the column's type; a problem (and undefined) when it is not one. */
function typed(
  type: ValueType,
  text: string,
  problem: (message: string, value?: string) => void,
): unknown {
  switch (type.type) {
    case 'number':
    case 'integer': {
      const normal = text.replace(/\s/g, '').replace(',', '.');
      // The exponent form is how a spreadsheet (and String()) writes -0.0000001: -1e-7.
      if (!/^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(normal)) {
        problem(
          dutchMessage(type.type === 'integer' ? Constraint.IsInt : Constraint.IsNumber),
          text,
        );
        return undefined;
      }
      return Number(normal);
    }
    case 'boolean': {
      const answer = BOOLEANS[text.toLowerCase()];
      if (answer === undefined) problem(dutchMessage(Constraint.IsBoolean), text);
      return answer;
    }
    case 'date': {
      const dutch = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(text);
      // An impossible date (31-02-2025) is refused by the API's own date rule, in Dutch.
      return dutch ? `${dutch[3]}-${dutch[2].padStart(2, '0')}-${dutch[1].padStart(2, '0')}` : text;
    }
    default:
      return text;
  }
}

const BOOLEANS: Record<string, boolean> = {
  ja: true,
  nee: false,
  true: true,
  false: false,
  waar: true,
  onwaar: false,
  yes: true,
  no: false,
  '1': true,
  '0': false,
};

/**
 * Vocabulary and choice values (codes or labels) into codes, in place, for rows from any
 * format; each value no one knows becomes a problem and is dropped.
 */
export function normaliseCodes(
  kind: AssetKind,
  content: Record<string, unknown>,
  lookup: VocabularyLookup,
): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const column of columnsFor(kind)) {
    if (column.identity) continue;
    if (column.parts) {
      const records = getPath(content, column.name);
      if (!Array.isArray(records)) continue;
      for (const part of column.parts) {
        records.forEach((record: unknown) => {
          if (!record || typeof record !== 'object') return;
          const value = getPath(record as Record<string, unknown>, part.key);
          if (typeof value !== 'string') return;
          const code = codeOf(part, value, lookup);
          if (code !== undefined) setPath(record as Record<string, unknown>, part.key, code);
          else
            problems.push({
              field: column.name,
              message: `${part.label}: ${unknownValue(part, lookup)}`,
              value,
            });
        });
      }
      continue;
    }
    if (column.type !== 'vocabulary' && column.type !== 'choice') continue;
    const value = getPath(content, column.name);
    const known = (text: unknown): unknown => {
      if (typeof text !== 'string') return text;
      const code = codeOf(column, text, lookup);
      if (code === undefined)
        problems.push({ field: column.name, message: unknownValue(column, lookup), value: text });
      return code;
    };
    if (Array.isArray(value))
      setPath(
        content,
        column.name,
        value.map(known).filter((code) => code !== undefined),
      );
    else if (value !== undefined) {
      const code = known(value);
      if (code === undefined) deletePath(content, column.name);
      else setPath(content, column.name, code);
    }
  }
  return problems;
}

function codeOf(type: ValueType, text: string, lookup: VocabularyLookup): string | undefined {
  if (type.type === 'vocabulary') return lookup.code(type.vocabulary, text);
  if (type.type === 'choice') return choiceCode(type.choices, text);
  return text;
}

function unknownValue(type: ValueType, lookup: VocabularyLookup): string {
  const options =
    type.type === 'vocabulary'
      ? lookup.labels(type.vocabulary)
      : type.type === 'choice'
        ? Object.values(type.choices)
        : [];
  return dutchMessage(
    FieldCode.UnknownValue,
    options.length > 0 && options.length <= 25 ? { choices: options.join(', ') } : {},
  );
}

/**
 * References written as this PPS's own codes become ids (`ids` knows the codes found); each
 * code no block has becomes a problem.
 */
export function resolveReferences(
  kind: AssetKind,
  content: Record<string, unknown>,
  ids: Map<string, string>,
): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const column of referenceColumns(kind)) {
    const value = getPath(content, column.name);
    if (!Array.isArray(value)) continue;
    setPath(
      content,
      column.name,
      value.flatMap((reference: unknown) => {
        if (typeof reference !== 'string' || isUuid(reference)) return [reference];
        const id = ids.get(reference);
        if (id) return [id];
        problems.push({
          field: column.name,
          message: dutchMessage(FieldCode.UnknownSourceId),
          value: reference,
        });
        return [];
      }),
    );
  }
  return problems;
}

/** The codes (not ids) a row refers to other blocks by. */
export function referencedCodes(kind: AssetKind, content: Record<string, unknown>): string[] {
  return referenceColumns(kind).flatMap((column) => {
    const value = getPath(content, column.name);
    return Array.isArray(value)
      ? value.filter((item): item is string => typeof item === 'string' && !isUuid(item))
      : [];
  });
}

function referenceColumns(kind: AssetKind): Column[] {
  return columnsFor(kind).filter((column) => column.type === 'reference');
}

export function isKind(value: unknown): value is AssetKind {
  return typeof value === 'string' && (ASSET_KINDS as readonly string[]).includes(value);
}

function findCell(cells: Record<string, string>, name: string): string | undefined {
  for (const [header, value] of Object.entries(cells))
    if (header.trim().toLowerCase() === name && value.trim() !== '') return value.trim();
  return undefined;
}

export { valueAt } from './value-paths';
export { encodeRow } from './row-encode';
