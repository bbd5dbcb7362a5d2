import Html from '@kitajs/html';
import { normaliseText, visibleControls } from '@bouwsteen/common/pure';
import { FieldErrors, fieldId, fieldName, summaryLine } from './field-errors';

export interface Option {
  value: string;
  label: string;
  /** Shown under the option (a licence's terms, a code's meaning). */
  hint?: string;
}

interface Common {
  path: string;
  label: string;
  hint?: string;
  errors: FieldErrors;
  required?: boolean;
  /** No "(niet verplicht)" note: inside a list entry, where the entry as a whole is optional. */
  plainLabel?: boolean;
}

function describedBy(path: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? `${fieldId(path)}-hint` : '', error ? `${fieldId(path)}-fout` : '']
    .filter(Boolean)
    .join(' ');
  return ids || undefined;
}

function Messages({ path, messages }: { path: string; messages: string[] }): JSX.Element {
  if (messages.length === 0) return '';
  return (
    <p class="utrecht-form-field-error-message" id={`${fieldId(path)}-fout`}>
      {messages.map((message) => (
        <span safe>{message} </span>
      ))}
    </p>
  );
}

function Label({ path, label, required, plainLabel }: Common): JSX.Element {
  return (
    <label class="utrecht-form-label" for={fieldId(path)}>
      {Html.escapeHtml(label)}
      {required || plainLabel ? '' : <span class="site-muted"> (niet verplicht)</span>}
    </label>
  );
}

function Hint({ path, hint }: { path: string; hint?: string }): JSX.Element {
  if (!hint) return '';
  return (
    <p class="utrecht-form-field-description" id={`${fieldId(path)}-hint`} safe>
      {hint}
    </p>
  );
}

/** An `<input>` holds one line: what the post brought on several is shown as one, as it is saved. */
function inputValue(value: string): string {
  return visibleControls(normaliseText(value, { singleLine: true }));
}

export function TextField(
  props: Common & {
    value?: string | number;
    type?: 'text' | 'email' | 'password' | 'url' | 'number' | 'date' | 'tel' | 'search';
    autocomplete?: string;
    step?: string;
    min?: string;
    inputmode?: 'numeric' | 'decimal';
    width?: 'small' | 'medium';
    /** The API's limit for this field (see maxLengths). */
    maxlength?: number;
    /** Suggestions the browser offers while typing (any text is still allowed). */
    suggestions?: string[];
  },
): JSX.Element {
  const messages = props.errors.at(props.path);
  const invalid = messages.length > 0;
  const listId = props.suggestions ? `${fieldId(props.path)}-keuzes` : undefined;
  return (
    <div
      class={`utrecht-form-field utrecht-form-field--text${invalid ? ' utrecht-form-field--invalid' : ''}`}
    >
      <Label {...props} />
      <Hint path={props.path} hint={props.hint} />
      <Messages path={props.path} messages={messages} />
      {listId ? (
        <datalist id={listId}>
          {props.suggestions!.map((suggestion) => (
            <option value={suggestion} />
          ))}
        </datalist>
      ) : (
        ''
      )}
      <input
        class={`utrecht-textbox utrecht-textbox--html-input${invalid ? ' utrecht-textbox--invalid' : ''}${props.width ? ` site-input--${props.width}` : ''}`}
        id={fieldId(props.path)}
        name={fieldName(props.path)}
        type={props.type ?? 'text'}
        value={props.value === undefined ? undefined : inputValue(String(props.value))}
        maxlength={props.maxlength === undefined ? undefined : String(props.maxlength)}
        autocomplete={props.autocomplete}
        list={listId}
        step={props.step}
        min={props.min}
        inputmode={props.inputmode}
        aria-required={props.required ? 'true' : undefined}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(props.path, !!props.hint, invalid)}
      />
    </div>
  );
}

export function TextArea(
  props: Common & {
    value?: string;
    rows?: number;
    attributes?: Record<string, string>;
    /** The API's limit for this field (see maxLengths). */
    maxlength?: number;
  },
): JSX.Element {
  const messages = props.errors.at(props.path);
  const invalid = messages.length > 0;
  return (
    <div
      class={`utrecht-form-field utrecht-form-field--text${invalid ? ' utrecht-form-field--invalid' : ''}`}
    >
      <Label {...props} />
      <Hint path={props.path} hint={props.hint} />
      <Messages path={props.path} messages={messages} />
      <textarea
        class={`utrecht-textarea utrecht-textarea--html-textarea${invalid ? ' utrecht-textarea--invalid' : ''}`}
        id={fieldId(props.path)}
        name={fieldName(props.path)}
        rows={String(props.rows ?? 4)}
        maxlength={props.maxlength === undefined ? undefined : String(props.maxlength)}
        aria-required={props.required ? 'true' : undefined}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(props.path, !!props.hint, invalid)}
        {...(props.attributes ?? {})}
        safe
      >
        {visibleControls(props.value ?? '')}
      </textarea>
    </div>
  );
}

export function SelectField(
  props: Common & { options: Option[]; value?: string; empty?: string },
): JSX.Element {
  const messages = props.errors.at(props.path);
  const invalid = messages.length > 0;
  return (
    <div
      class={`utrecht-form-field utrecht-form-field--text${invalid ? ' utrecht-form-field--invalid' : ''}`}
    >
      <Label {...props} />
      <Hint path={props.path} hint={props.hint} />
      <Messages path={props.path} messages={messages} />
      <select
        class={`utrecht-select utrecht-select--html-select${invalid ? ' utrecht-select--invalid' : ''}`}
        id={fieldId(props.path)}
        name={fieldName(props.path)}
        aria-required={props.required ? 'true' : undefined}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(props.path, !!props.hint, invalid)}
      >
        {props.empty !== undefined ? <option value="">{Html.escapeHtml(props.empty)}</option> : ''}
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value}>
            {Html.escapeHtml(option.label)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Several choices from a vocabulary; the field's first box carries its id for the error links. */
export function CheckboxGroup(
  props: Common & { options: Option[]; values?: readonly string[]; columns?: boolean },
): JSX.Element {
  const messages = props.errors.at(props.path);
  const invalid = messages.length > 0;
  const chosen = new Set(props.values ?? []);
  return (
    <fieldset
      class={`utrecht-form-fieldset site-choices${props.columns ? ' site-choices--columns' : ''}${invalid ? ' utrecht-form-fieldset--invalid' : ''}`}
      aria-describedby={describedBy(props.path, !!props.hint, invalid)}
    >
      <legend class="utrecht-form-fieldset__legend">
        {Html.escapeHtml(props.label)}
        {props.required || props.plainLabel ? (
          ''
        ) : (
          <span class="site-muted"> (niet verplicht)</span>
        )}
      </legend>
      <Hint path={props.path} hint={props.hint} />
      <Messages path={props.path} messages={messages} />
      <ul class="site-choices__list">
        {props.options.map((option, index) => {
          const id = index === 0 ? fieldId(props.path) : `${fieldId(props.path)}-${index}`;
          return (
            <li>
              <input
                class="utrecht-checkbox utrecht-checkbox--html-input"
                type="checkbox"
                id={id}
                name={`${fieldName(props.path)}[]`}
                value={option.value}
                checked={chosen.has(option.value)}
              />
              <label class="utrecht-form-label utrecht-form-label--checkbox" for={id}>
                {Html.escapeHtml(option.label)}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/** kitajs types `autofocus` for form controls only; HTML allows it on any focusable element. */
const AUTOFOCUS: Record<string, string> = { autofocus: '' };

/** Marks the error summary in a page, for the page's title ("Fout: …"): see SiteRenderer. */
export const ERROR_SUMMARY_ID = 'foutmeldingen';

/**
 * GOV.UK-style summary at the top of a failed form, right after the page's heading: each problem
 * links to its field. It takes the focus when the page loads (autofocus; site.js does the same
 * where autofocus is not honoured), so a screen reader reads it first and Tab goes on to the
 * links; without JavaScript it is still the first thing after the heading.
 */
export function ErrorSummary({
  errors,
  labelOf,
}: {
  errors: FieldErrors;
  labelOf: (path: string) => string;
}): JSX.Element {
  if (!errors.any) return '';
  return (
    <div
      class="utrecht-alert utrecht-alert--error site-error-summary"
      tabindex="-1"
      {...AUTOFOCUS}
      id={ERROR_SUMMARY_ID}
      aria-labelledby={`${ERROR_SUMMARY_ID}-titel`}
      data-error-summary
    >
      <div class="utrecht-alert__content">
        <h2 class="utrecht-heading-2" id={`${ERROR_SUMMARY_ID}-titel`}>
          Er is een probleem
        </h2>
        <ul class="utrecht-unordered-list">
          {errors.all().map(({ path, messages }) => (
            <li>
              <a class="utrecht-link" href={`#${fieldId(path)}`}>
                {Html.escapeHtml(summaryLine(labelOf(path), messages))}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
