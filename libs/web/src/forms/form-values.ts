import { FieldCode, type FieldError } from '@bouwsteen/common/pure';

type Json = Record<string, unknown>;

/** The entries of a posted list (`name[]`, `name[0][…]`), in order. */
export function listEntries(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  // qs turns indices above its array limit into object keys: keep their numeric order.
  if (value && typeof value === 'object')
    return Object.entries(value as Json)
      .filter(([key]) => /^\d+$/.test(key))
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, entry]) => entry);
  return [];
}

/**
 * What a group of checkboxes (`name[]`) posted, for the API's checks to judge: the ticked
 * values in order, a single value sent without `[]` as a list of one. Nothing posted is
 * dropped but the empty value: an entry that is no text, or a shape that is no list
 * (`name[x]=…`), is passed on as it came, so validation names it beside the field.
 */
export function checkedValues(value: unknown): unknown {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length > 0 && !keys.every((key) => /^\d+$/.test(key))) return value;
  }
  const entries = listEntries(value).filter((entry) => entry !== '');
  return entries.length > 0 ? entries : undefined;
}

/** A yes/no choice (`ja`/`nee`); anything else is passed on for "must be true or false". */
export function yesNo(value: unknown): unknown {
  if (value === 'ja') return true;
  if (value === 'nee') return false;
  return value === undefined || value === '' ? undefined : value;
}

/**
 * One checkbox whose ticked value is `on` (with a hidden `off` before it, qs posts both when it
 * is ticked): whether it was ticked, or the field error for a value the box never sends.
 */
export function tickedBox(
  field: string,
  value: unknown,
  on = 'ja',
  off = 'nee',
): { ticked: boolean; error?: FieldError } {
  const posted = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const known = posted.every((entry) => entry === on || entry === off);
  return known
    ? { ticked: posted.includes(on) }
    : {
        ticked: false,
        error: { field, message: 'must be ticked or left empty', code: FieldCode.TickedOrEmpty },
      };
}

/**
 * A form's input without `fields`: a top-level name drops that field, `section.part` drops one
 * part of a nested section. What passed validation, for rules asked about it in the same round.
 */
export function withoutFields(
  value: Record<string, unknown>,
  fields: ReadonlySet<string>,
): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (fields.has(key)) continue;
    kept[key] =
      entry && typeof entry === 'object' && !Array.isArray(entry)
        ? Object.fromEntries(
            Object.entries(entry as Record<string, unknown>).filter(
              ([part]) => !fields.has(`${key}.${part}`),
            ),
          )
        : entry;
  }
  return kept;
}
