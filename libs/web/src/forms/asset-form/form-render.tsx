import Html from '@kitajs/html';
import { ASSET_FIELDS, AssetKind, AssetSummaryDto, CatalogueField } from '@bouwsteen/assets';
import { assetPath } from '../../components/asset-card';
import { FieldErrors, fieldId, fieldName } from '../field-errors';
import { CheckboxGroup, Option, SelectField, TextArea, TextField } from '../fields';
import type { LabelBook } from '../../format/labels';
import { typedNumber } from '../../format/format';
import { ADD_SUFFIX, listEntries, valueAt } from './form-read';
import type { FieldSpec } from './form-schema';
import { PLACE_NAMES, Tucked, countryOptions } from './place-fields';

export interface FormContext {
  /** The kind of the block: what publishing needs differs per kind. */
  kind: AssetKind;
  labels: LabelBook;
  errors: FieldErrors;
  /** Partners and lead institution of the PPS, for organisation pickers. */
  organisations: Option[];
  /** Building blocks the form refers to, by id (titles instead of ids). */
  refs: Map<string, AssetSummaryDto>;
  /** Extra empty entries asked for, per list path. */
  extra: Record<string, number>;
  /** Rendering a list entry: its fields carry no "(niet verplicht)" note. */
  inList?: boolean;
  /** Rendering a group's parts: the group's legend says whether it is needed, not each part. */
  inGroup?: boolean;
}

/**
 * A field's name standing alone (the error summary, "Nog nodig om te publiceren"), from the
 * catalogue; an error of no field is the form's.
 */
export function formLabel(path: string): string {
  return ASSET_FIELDS.label(path) || 'Formulier';
}

const NEEDED_HINT = 'Nodig om te publiceren; een concept kunt u ook zonder dit opslaan.';

/** What an input of the form's own kind asks beyond the field's meaning. */
const INPUT_HINTS: Partial<Record<FieldSpec['type'], string>> = {
  lines: 'Eén per regel.',
  euro: 'Een bedrag in euro, zoals 395,00.',
};

/**
 * The hint under a field: what it asks for (catalogue), how this input takes it, its limits
 * (catalogue, from the DTO), and — where publishing needs it — that a draft saves without it.
 * Fields publishing needs are marked so instead of "niet verplicht", without the browser's
 * `required` (a draft saves without them).
 */
function hintOf(
  spec: FieldSpec,
  field: CatalogueField | undefined,
  needed: boolean,
): string | undefined {
  const input =
    spec.type === 'lines' && spec.commas
      ? 'Eén per regel, of gescheiden door komma’s.'
      : INPUT_HINTS[spec.type];
  const parts = [field?.about, input, field?.limitsText, needed && NEEDED_HINT];
  return parts.filter(Boolean).join(' ') || undefined;
}

/** Whether publishing a block of the form's kind needs this field (the catalogue's rule). */
function neededAt(path: string, ctx: FormContext): boolean {
  return !ctx.inList && !!ASSET_FIELDS.get(path)?.publish.includes(ctx.kind);
}

const NO_CHOICE = 'Kies…';

/** A choice's options: the PPS's organisations, the catalogue's fixed options or vocabulary. */
function options(
  spec: { organisations?: boolean; countries?: boolean },
  field: CatalogueField | undefined,
  ctx: FormContext,
  current?: string,
): Option[] {
  if (spec.organisations) return ctx.organisations;
  if (spec.countries) return countryOptions(current);
  if (field?.options)
    return Object.entries(field.options).map(([value, label]) => ({ value, label }));
  if (!field?.vocabulary) return [];
  return ctx.labels
    .terms(field.vocabulary)
    .map((term) => ({ value: term.code, label: term.label }));
}

function shown(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return String(value);
}

/** Amounts in cents are shown as euros with a decimal comma; what was typed wrongly, as typed. */
function euros(value: unknown): string | undefined {
  const cents = (value as { amountCents?: unknown } | undefined)?.amountCents;
  if (typeof cents === 'number') return (cents / 100).toFixed(2).replace('.', ',');
  return shown(cents);
}

export function Fields(props: {
  specs: FieldSpec[];
  value: unknown;
  ctx: FormContext;
  prefix?: string;
}): JSX.Element {
  const prefix = props.prefix ?? '';
  // Neighbours with the same `tucked` summary are folded away together.
  const runs: FieldSpec[][] = [];
  for (const spec of props.specs) {
    const last = runs[runs.length - 1];
    if (last && tuckedOf(spec) && tuckedOf(last[0]) === tuckedOf(spec)) last.push(spec);
    else runs.push([spec]);
  }
  return (
    <>
      {runs.map((run) => {
        const fields = run.map((spec) => (
          <Field spec={spec} value={props.value} ctx={props.ctx} prefix={prefix} />
        ));
        const summary = tuckedOf(run[0]);
        if (!summary) return <>{fields}</>;
        const open = run.some((spec) => props.ctx.errors.at(prefix + spec.path).length > 0);
        return (
          <Tucked summary={summary} open={open}>
            {fields}
          </Tucked>
        );
      })}
    </>
  );
}

function tuckedOf(spec: FieldSpec): string | undefined {
  return spec.type === 'number' ? spec.tucked : undefined;
}

function Field({
  spec,
  value,
  ctx,
  prefix,
}: {
  spec: FieldSpec;
  value: unknown;
  ctx: FormContext;
  prefix: string;
}): JSX.Element {
  const path = prefix + spec.path;
  const current = valueAt(value, spec.path);
  const field = ASSET_FIELDS.get(path);
  const needed = neededAt(path, ctx);
  const label = field?.label ?? path;
  /** Only what a draft needs is `required` (the title); the rest may wait for publishing. */
  const required = !!field?.draft;
  const common = {
    path,
    label,
    hint: hintOf(spec, field, needed),
    errors: ctx.errors,
    plainLabel: ctx.inList || ctx.inGroup || needed,
  };
  const maxlength = field?.limits.maxLength;
  switch (spec.type) {
    case 'text':
      return spec.rows ? (
        <TextArea
          {...common}
          required={required}
          rows={spec.rows}
          value={shown(current)}
          maxlength={maxlength}
        />
      ) : (
        <TextField
          {...common}
          maxlength={maxlength}
          required={required}
          type={spec.input ?? 'text'}
          width={spec.width}
          value={shown(current)}
          suggestions={spec.places ? PLACE_NAMES : undefined}
        />
      );
    case 'number':
      return (
        <TextField
          {...common}
          required={required}
          inputmode="decimal"
          width="small"
          value={typeof current === 'number' ? typedNumber(current) : shown(current)}
        />
      );
    case 'euro':
      return <TextField {...common} inputmode="decimal" width="medium" value={euros(current)} />;
    case 'choice':
      return (
        <SelectField
          {...common}
          required={required}
          options={options(spec, field, ctx, shown(current))}
          value={shown(current)}
          empty={required ? NO_CHOICE : spec.countries ? 'Niet opgegeven' : 'Geen'}
        />
      );
    case 'choices':
      return (
        <CheckboxGroup
          {...common}
          required={required}
          options={options(spec, field, ctx)}
          values={Array.isArray(current) ? current.map(String) : []}
          columns
        />
      );
    case 'lines':
      return (
        <TextArea
          {...common}
          required={required}
          rows={3}
          value={Array.isArray(current) ? current.join('\n') : shown(current)}
        />
      );
    case 'yesno':
      return (
        <SelectField
          {...common}
          options={[
            { value: 'ja', label: 'Ja' },
            { value: 'nee', label: 'Nee' },
          ]}
          value={current === true ? 'ja' : current === false ? 'nee' : undefined}
          empty="Niet opgegeven"
        />
      );
    case 'assets':
      return (
        <AssetRefs
          spec={spec}
          path={path}
          ids={Array.isArray(current) ? current.map(String) : []}
          ctx={ctx}
        />
      );
    case 'group':
      return (
        <fieldset class="site-form__group" id={fieldId(path)} tabindex="-1">
          <GroupHead
            label={label}
            optional={!(required || common.plainLabel)}
            hint={common.hint}
            path={path}
            ctx={ctx}
          />
          <Fields
            specs={spec.fields}
            value={current}
            ctx={{ ...ctx, inGroup: true }}
            prefix={path + '.'}
          />
        </fieldset>
      );
    case 'list': {
      const items = listEntries(current);
      const count = items.length + spec.blank + (ctx.extra[path] ?? 0);
      // After "Meer velden" the page opens at the first empty entry, not at its top.
      const focusAt = ctx.extra[path] ? items.length : -1;
      return (
        <fieldset class="site-form__group" id={fieldId(path)} tabindex="-1">
          <GroupHead
            label={label}
            optional={!(required || common.plainLabel)}
            hint={common.hint}
            path={path}
            ctx={ctx}
          />
          {Array.from({ length: count }, (_, index) => (
            <fieldset class="site-form__group" {...(index === focusAt ? newEntry(path) : {})}>
              <legend safe>{`${field?.entry ?? label} ${index + 1}`}</legend>
              <Fields
                specs={spec.item}
                value={items[index]}
                ctx={{ ...ctx, inList: true }}
                prefix={`${path}.${index}.`}
              />
            </fieldset>
          ))}
          <div>
            <button
              type="submit"
              name="_meer"
              value={path}
              formnovalidate
              class="utrecht-button utrecht-button--secondary-action"
            >
              {Html.escapeHtml(`Meer velden voor ${label.toLowerCase()}`)}
            </button>
          </div>
        </fieldset>
      );
    }
  }
}

/**
 * The first entry "Meer velden" added: focused when the page loads, so the person goes on where
 * they were (kitajs types `autofocus` for form controls only; HTML allows it on any focusable).
 */
function newEntry(path: string): Record<string, string> {
  return { id: `${fieldId(path)}-nieuw`, tabindex: '-1', autofocus: '' };
}

function GroupMessages({ path, ctx }: { path: string; ctx: FormContext }): JSX.Element {
  const messages = ctx.errors.at(path);
  if (!messages.length) return '';
  return (
    <p class="utrecht-form-field-error-message" safe>
      {messages.join(' ')}
    </p>
  );
}

/** References to other building blocks: those chosen (by title, untick to remove), and a box to paste links. */
function AssetRefs({
  spec,
  path,
  ids,
  ctx,
}: {
  spec: Extract<FieldSpec, { type: 'assets' }>;
  path: string;
  ids: string[];
  ctx: FormContext;
}): JSX.Element {
  const field = ASSET_FIELDS.get(path);
  const needed = neededAt(path, ctx);
  const hint = hintOf(spec, field, needed);
  return (
    <fieldset class="site-form__group" id={fieldId(path)} tabindex="-1">
      <legend>
        {Html.escapeHtml(field?.label ?? path)}
        {needed ? '' : <span class="site-muted"> (niet verplicht)</span>}
      </legend>
      {hint ? (
        <p class="utrecht-form-field-description" safe>
          {hint}
        </p>
      ) : (
        ''
      )}
      <GroupMessages path={path} ctx={ctx} />
      {ids.length ? (
        <ul class="site-choices__list">
          {ids.map((id, index) => {
            const ref = ctx.refs.get(id);
            const boxId = `${fieldId(path)}-${index}`;
            return (
              <li>
                <input
                  class="utrecht-checkbox utrecht-checkbox--html-input"
                  type="checkbox"
                  id={boxId}
                  name={`${fieldName(path)}[]`}
                  value={id}
                  checked
                />
                <label class="utrecht-form-label utrecht-form-label--checkbox" for={boxId}>
                  {ref ? (
                    <>
                      {Html.escapeHtml(ref.title)}{' '}
                      <span
                        class="site-muted"
                        safe
                      >{`(${ctx.labels.kind(ref.kind)}, ${ref.pps.name})`}</span>
                    </>
                  ) : (
                    Html.escapeHtml(`Onbekende bouwsteen (${id})`)
                  )}
                </label>
                {ref ? (
                  <a class="utrecht-link" href={assetPath(ref.id)}>
                    bekijken
                    <span class="visually-hidden" safe>
                      : {ref.title}
                    </span>
                  </a>
                ) : (
                  ''
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        ''
      )}
      <TextArea
        path={path + ADD_SUFFIX}
        label="Toevoegen"
        hint="Plak de link naar een bouwsteen in Bouwsteen, één per regel."
        rows={2}
        errors={ctx.errors}
      />
    </fieldset>
  );
}

/** A group's or a list's legend, hint and messages: the same head for both kinds of fieldset. */
function GroupHead(props: {
  label: string;
  optional: boolean;
  hint: string | undefined;
  path: string;
  ctx: FormContext;
}): JSX.Element {
  return (
    <>
      <legend>
        {Html.escapeHtml(props.label)}
        {props.optional ? <span class="site-muted"> (niet verplicht)</span> : ''}
      </legend>
      {props.hint ? (
        <p class="utrecht-form-field-description" safe>
          {props.hint}
        </p>
      ) : (
        ''
      )}
      <GroupMessages path={props.path} ctx={props.ctx} />
    </>
  );
}
