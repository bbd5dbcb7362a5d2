import { PRICE_MAX_CENTS } from '@bouwsteen/assets/pure';
import { Constraint, FieldError, normaliseText } from '@bouwsteen/common/pure';
import { amountProblem, euroCents } from '../amounts';
import { checkedValues, listEntries, yesNo } from '../form-values';
import type { FieldSpec } from './form-schema';

type Json = Record<string, unknown>;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The sibling field where links to more building blocks are pasted. */
export const ADD_SUFFIX = '_toevoegen';

function at(source: unknown, path: string): unknown {
  let value = source;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Json)[part];
  }
  return value;
}

function set(target: Json, path: string, value: unknown): void {
  if (value === undefined) return;
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part] as Json;
  }
  node[parts[parts.length - 1]] = value;
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return value.trim() === '' ? undefined : value;
}

/** "1.234,50", "1234.5", "395": a Dutch or plain decimal; anything else is kept for the error. */
export function decimal(value: string): number | string {
  const plain = value.trim().replace(/\s/g, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(plain))
    return Number(plain.replace(/\./g, '').replace(',', '.'));
  if (/^-?\d+([.,]\d+)?$/.test(plain)) return Number(plain.replace(',', '.'));
  return value;
}

/** What is wrong with each amount the form kept as typed, at its `amountCents`. */
export function amountProblems(specs: FieldSpec[], value: unknown, prefix = ''): FieldError[] {
  return specs.flatMap((spec): FieldError[] => {
    if (spec.type === 'group') return amountProblems(spec.fields, value, `${prefix}${spec.path}.`);
    if (spec.type !== 'euro') return [];
    const typed = (at(value, prefix + spec.path) as { amountCents?: unknown } | undefined)
      ?.amountCents;
    if (typeof typed !== 'string') return [];
    const problem = amountProblem(`${prefix}${spec.path}.amountCents`, typed, PRICE_MAX_CENTS);
    return problem ? [problem] : [];
  });
}

function strings(value: unknown): string[] {
  return listEntries(value).filter(
    (entry): entry is string => typeof entry === 'string' && entry !== '',
  );
}

function readOne(spec: FieldSpec, source: unknown): unknown {
  const raw = at(source, spec.path);
  switch (spec.type) {
    case 'text': {
      const value = text(raw);
      // A one-line field (an <input>) keeps no line break a paste brought: it shows none either.
      return value !== undefined && !spec.rows ? normaliseText(value, { singleLine: true }) : value;
    }
    case 'number': {
      const value = text(raw);
      return value === undefined ? undefined : decimal(value);
    }
    case 'euro': {
      const value = text(raw);
      return value === undefined
        ? undefined
        : { amountCents: euroCents(value, PRICE_MAX_CENTS), currency: 'EUR' };
    }
    case 'choice':
      return text(raw);
    case 'choices':
      return checkedValues(raw);
    case 'lines': {
      if (typeof raw !== 'string') return undefined;
      const lines = raw
        .split(spec.commas ? /\r?\n|[,;]/ : /\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
      return lines.length ? lines : undefined;
    }
    case 'yesno':
      return yesNo(raw);
    case 'assets': {
      const kept = strings(raw);
      const added = at(source, spec.path + ADD_SUFFIX);
      const pasted =
        typeof added === 'string'
          ? added
              .split(/\r?\n/)
              .map((line) => line.trim())
              .filter(Boolean)
              .map((line) => line.match(UUID)?.pop() ?? line)
          : [];
      const all = [...new Set([...kept, ...pasted])];
      return all.length ? all : undefined;
    }
    case 'list': {
      const items = listEntries(raw)
        .map((entry) => readFields(spec.item, entry))
        .filter((item) => Object.keys(item).length > 0);
      return items.length ? items : undefined;
    }
    case 'group': {
      const group = readFields(spec.fields, raw);
      return Object.keys(group).length ? group : undefined;
    }
  }
}

/**
 * A posted form (qs-parsed) in the API's JSON shape: empty fields are left out, numbers and
 * amounts parsed, lines split, empty list entries dropped. What cannot be parsed stays as typed
 * (a number that is no number, a checkbox value or a yes/no the form never offers), so the
 * API's validation names it and the form shows it again.
 */
export function readFields(specs: FieldSpec[], source: unknown): Json {
  const result: Json = {};
  for (const spec of specs) set(result, spec.path, readOne(spec, source));
  return result;
}

/** Every path the form shows an input or fieldset for (errors elsewhere go to the nearest). */
export function shownPaths(specs: FieldSpec[], value: unknown, prefix = ''): Set<string> {
  const paths = new Set<string>();
  for (const spec of specs) {
    const path = prefix + spec.path;
    paths.add(path);
    if (spec.type === 'group')
      for (const p of shownPaths(spec.fields, at(value, spec.path), path + '.')) paths.add(p);
    if (spec.type === 'list') {
      const count = listEntries(at(value, spec.path)).length + spec.blank;
      for (let index = 0; index < count; index++)
        for (const p of shownPaths(spec.item, undefined, `${path}.${index}.`)) paths.add(p);
    }
  }
  return paths;
}

/**
 * Errors (or anything with a field) in the order the form shows its fields, whatever order the
 * rules found them in: an error summary, and the publish check's list, read top to bottom.
 */
export function inFormOrder<T extends { field: string }>(items: T[], paths: Iterable<string>): T[] {
  const order = [...paths];
  const rank = (field: string) => {
    let best = order.length;
    let bestLength = -1;
    order.forEach((path, index) => {
      const matches = field === path || field.startsWith(`${path}.`);
      if (matches && path.length > bestLength) [best, bestLength] = [index, path.length];
    });
    return best;
  };
  return items
    .map((item, index) => ({ item, index, rank: rank(item.field) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ item }) => item);
}

/**
 * A missing group ("studyLoad is required") is reported at its first field, so the error
 * summary links to an input the person can type in rather than to a box around several.
 */
export function atFirstField(errors: FieldError[], specs: FieldSpec[]): FieldError[] {
  // Groups by their path with a list's entries as `#` (an offering's period in any entry).
  const groups = new Map<string, string>();
  const walk = (list: FieldSpec[], prefix: string) => {
    for (const spec of list)
      if (spec.type === 'group') {
        groups.set(prefix + spec.path, spec.fields[0].path);
        walk(spec.fields, `${prefix}${spec.path}.`);
      } else if (spec.type === 'list') walk(spec.item, `${prefix}${spec.path}.#.`);
  };
  walk(specs, '');
  return errors.map((error) => {
    const first = groups.get(error.field.replace(/\.\d+(?=\.|$)/g, '.#'));
    return first && error.code === Constraint.IsDefined
      ? { ...error, field: `${error.field}.${first}` }
      : error;
  });
}

export { at as valueAt, listEntries };
