import Html from '@kitajs/html';
import { diffWords } from 'diff';
import { ASSET_FIELDS } from '@bouwsteen/assets';
import type { LabelBook } from '../../format/labels';
import { typedNumber } from '../../format/format';
import type { FieldSpec, FormSection } from './form-schema';
import { listEntries, valueAt } from './form-read';
import { countryName } from './place-fields';

export interface FlatField {
  key: string;
  label: string;
  text: string;
  /** Free text: changes are shown word by word. */
  prose: boolean;
}

/** A code's name: the catalogue's option or vocabulary label (organisations stay ids). */
function optionLabel(path: string, code: string, labels: LabelBook): string {
  const field = ASSET_FIELDS.get(path);
  if (field?.vocabulary) return labels.label(field.vocabulary, code);
  return field?.options?.[code] ?? code;
}

function display(
  spec: FieldSpec,
  path: string,
  value: unknown,
  labels: LabelBook,
  titles: Map<string, string>,
): string {
  if (value === undefined || value === null || value === '') return '';
  switch (spec.type) {
    case 'choice':
      return spec.countries ? countryName(String(value)) : optionLabel(path, String(value), labels);
    case 'choices':
      return (value as string[]).map((code) => optionLabel(path, code, labels)).join(', ');
    case 'lines':
      return (value as string[]).join('; ');
    case 'yesno':
      return value === true ? 'Ja' : 'Nee';
    case 'euro': {
      const cents = (value as { amountCents?: number }).amountCents;
      return typeof cents === 'number' ? `€ ${(cents / 100).toFixed(2).replace('.', ',')}` : '';
    }
    case 'assets':
      return (value as string[]).map((id) => titles.get(id) ?? id).join('; ');
    case 'number':
      // As a Dutch reader writes it (and the public page shows it): a decimal comma.
      return typeof value === 'number' ? typedNumber(value) : String(value);
    default:
      return String(value);
  }
}

/**
 * Every field of a content as label and text, in form order (lists entry by entry), each
 * named as the catalogue names it standing alone ("Uitvoering 2 — Periode — Begindatum").
 */
export function flatten(
  specs: FieldSpec[],
  value: unknown,
  labels: LabelBook,
  titles: Map<string, string>,
  prefix = '',
): FlatField[] {
  const result: FlatField[] = [];
  for (const spec of specs) {
    const key = prefix + spec.path;
    const current = valueAt(value, spec.path);
    if (spec.type === 'group') {
      result.push(...flatten(spec.fields, current, labels, titles, key + '.'));
    } else if (spec.type === 'list') {
      listEntries(current).forEach((entry, index) =>
        result.push(...flatten(spec.item, entry, labels, titles, `${key}.${index}.`)),
      );
    } else {
      const text = display(spec, key, current, labels, titles);
      result.push({ key, label: ASSET_FIELDS.label(key), text, prose: spec.type === 'text' });
    }
  }
  return result;
}

export interface FieldChange {
  label: string;
  before: string;
  after: string;
  prose: boolean;
}

/** The fields whose text differs between two contents of the same kind, in form order. */
export function changes(
  sections: FormSection[],
  before: unknown,
  after: unknown,
  labels: LabelBook,
  titles: Map<string, string>,
): FieldChange[] {
  const specs = sections.flatMap((section) => section.fields);
  const a = new Map(flatten(specs, before, labels, titles).map((field) => [field.key, field]));
  const b = new Map(flatten(specs, after, labels, titles).map((field) => [field.key, field]));
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  return keys.flatMap((key) => {
    const from = a.get(key);
    const to = b.get(key);
    const beforeText = from?.text ?? '';
    const afterText = to?.text ?? '';
    if (beforeText === afterText) return [];
    return [
      {
        label: (to ?? from)!.label,
        before: beforeText,
        after: afterText,
        prose: (to ?? from)!.prose,
      },
    ];
  });
}

/** Text changes marked word by word: <del> what went, <ins> what came (both escaped). */
export function MarkedChange({ before, after }: { before: string; after: string }): JSX.Element {
  return (
    <>
      {diffWords(before, after).map((part) =>
        part.added ? (
          <ins class="diff-added">{Html.escapeHtml(part.value)}</ins>
        ) : part.removed ? (
          <del class="diff-removed">{Html.escapeHtml(part.value)}</del>
        ) : (
          Html.escapeHtml(part.value)
        ),
      )}
    </>
  );
}

/** A table of changed fields: before, after, and (for prose) the change marked in the text. */
export function ChangeTable({
  rows,
  labelledBy,
}: {
  rows: FieldChange[];
  labelledBy: string;
}): JSX.Element {
  if (!rows.length) return <p class="utrecht-paragraph">Geen verschillen.</p>;
  return (
    <div class="utrecht-table-container" role="region" tabindex="0" aria-labelledby={labelledBy}>
      {/* On a phone each change stacks: the field, then "Was" and "Wordt" (see DataTable). */}
      <table
        class="utrecht-table utrecht-table--html-table diff-table site-table--stacks"
        role="table"
        aria-labelledby={labelledBy}
      >
        <thead class="utrecht-table__header" role="rowgroup">
          <tr class="utrecht-table__row" role="row">
            <th class="utrecht-table__header-cell" scope="col" role="columnheader">
              Veld
            </th>
            <th class="utrecht-table__header-cell" scope="col" role="columnheader">
              Was
            </th>
            <th class="utrecht-table__header-cell" scope="col" role="columnheader">
              Wordt
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body" role="rowgroup">
          {rows.map((row) => (
            <tr class="utrecht-table__row" role="row">
              <th class="utrecht-table__header-cell" scope="row" role="rowheader" safe>
                {row.label}
              </th>
              <td class="utrecht-table__cell" role="cell" data-label="Was">
                {row.before ? Html.escapeHtml(row.before) : <span class="site-muted">(leeg)</span>}
              </td>
              <td class="utrecht-table__cell" role="cell" data-label="Wordt">
                {row.prose && row.before && row.after ? (
                  <MarkedChange before={row.before} after={row.after} />
                ) : row.after ? (
                  Html.escapeHtml(row.after)
                ) : (
                  <span class="site-muted">(leeg)</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
