import Html from '@kitajs/html';
import { REVIEW_TEXT_MAX, RUBRIC_ITEMS } from '@bouwsteen/reviews/pure';
import { FieldErrors } from '../../forms/field-errors';
import { ErrorSummary, type Option, SelectField, TextArea } from '../../forms/fields';
import { FormTokenField } from '../../forms/form-token';
import type { PageContext } from '../../http/page-context';
import { REVIEW_LABELS, reviewsPath } from './review-view';

type Form = Record<string, unknown>;

const RUBRIC_HINTS: Record<string, string> = {
  usability: 'Hoe goed werkt het in de les zoals het is?',
  quality: 'Klopt de inhoud, en is het goed gemaakt?',
  adaptability: 'Hoe makkelijk past u het aan voor uw eigen groep?',
};
const SCORES: Option[] = [
  { value: '1', label: '1 – slecht' },
  { value: '2', label: '2 – matig' },
  { value: '3', label: '3 – redelijk' },
  { value: '4', label: '4 – goed' },
  { value: '5', label: '5 – uitstekend' },
];
const options = (labels: Record<string, string>): Option[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export const FIELD_LABELS: Record<string, string> = {
  use: 'Gebruikt of gelezen?',
  level: 'Voor welk niveau?',
  pathway: 'BOL of BBL?',
  setting: 'Op school of in de praktijk?',
  ...REVIEW_LABELS.rubric,
  body: 'Uw toelichting',
};

/**
 * The review form: the short structured part first (selects: they work the same with a
 * keyboard, a screen reader and without JavaScript), then the free text. Everything typed
 * comes back on a failure; an edit carries the revision it started from.
 */
export function ReviewForm(props: {
  page: PageContext;
  assetId: string;
  values: Form;
  errors: FieldErrors;
  /** Editing one's own review at this revision. */
  revision?: number;
  /** A refusal of the whole review (the Dutch message), above the form kept as typed. */
  refused?: string;
}): JSX.Element {
  const { values, errors } = props;
  const text = (path: string) =>
    typeof values[path] === 'string' || typeof values[path] === 'number'
      ? String(values[path])
      : undefined;
  const select = (path: string, opts: Option[], hint?: string) => (
    <SelectField
      path={path}
      label={FIELD_LABELS[path]}
      hint={hint}
      options={opts}
      value={text(path)}
      empty="Kies…"
      errors={errors}
      required
    />
  );
  return (
    <section aria-labelledby="review-formulier-titel" id="review-formulier">
      <h2 class="utrecht-heading-2" id="review-formulier-titel">
        {props.revision === undefined ? 'Schrijf een review' : 'Uw review bewerken'}
      </h2>
      <ErrorSummary errors={errors} labelOf={(path) => FIELD_LABELS[path] ?? 'Formulier'} />
      {props.refused ? (
        <div class="utrecht-alert utrecht-alert--error" role="alert">
          <p class="utrecht-paragraph" safe>
            {props.refused}
          </p>
        </div>
      ) : (
        ''
      )}
      <form method="post" action={reviewsPath(props.assetId)} class="site-form" novalidate>
        <FormTokenField page={props.page} />
        {props.revision === undefined ? (
          ''
        ) : (
          <input type="hidden" name="revision" value={String(props.revision)} />
        )}
        {select(
          'use',
          options(REVIEW_LABELS.use),
          'Heeft u het in uw lessen gebruikt, of gelezen?',
        )}
        {select(
          'level',
          [1, 2, 3, 4].map((level) => ({ value: String(level), label: `mbo niveau ${level}` })),
        )}
        {select('pathway', options(REVIEW_LABELS.pathway))}
        {select('setting', [
          { value: 'school', label: 'Op school' },
          { value: 'practice', label: 'In de praktijk' },
        ])}
        {RUBRIC_ITEMS.map((item) => select(item, SCORES, RUBRIC_HINTS[item]))}
        <TextArea
          path="body"
          label={FIELD_LABELS.body}
          hint="Wat werkte goed, wat paste u aan? Noem geen namen van studenten."
          value={text('body')}
          rows={5}
          maxlength={REVIEW_TEXT_MAX}
          errors={errors}
        />
        <p class="utrecht-paragraph site-muted">
          {Html.escapeHtml(
            'Uw review staat zonder uw naam bij de bouwsteen. U kunt hem later bewerken of intrekken.',
          )}
        </p>
        <div class="site-form__actions">
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            {props.revision === undefined ? 'Review plaatsen' : 'Wijzigingen opslaan'}
          </button>
        </div>
      </form>
    </section>
  );
}
