import Html from '@kitajs/html';
import type { ReviewDto } from '@bouwsteen/reviews';
import { REPORT_REASON_MAX, REVIEW_TEXT_MAX } from '@bouwsteen/reviews/pure';
import { FieldErrors } from '../../forms/field-errors';
import { ErrorSummary, type Option, SelectField, TextArea } from '../../forms/fields';
import { FormTokenField } from '../../forms/form-token';
import type { PageContext } from '../../http/page-context';
import { reviewsPath } from './review-view';

/**
 * What a reader does with someone else's review, under it: the owning PPS replies once, anyone
 * signed in reports it. Each is a small form in a disclosure (<details>: native, so it opens
 * without JavaScript), with field names of its own review, so a page of ten reviews has no two
 * fields with one id.
 */

/** Why a review is reported: the stored reason starts with the label, then the person's text. */
export const REPORT_KINDS: Record<string, string> = {
  ongepast: 'Ongepast',
  onjuist: 'Onjuist',
  reclame: 'Reclame',
  anders: 'Anders',
};
const KIND_OPTIONS: Option[] = [
  { value: 'ongepast', label: 'Ongepast (beledigend, of met de naam van een student)' },
  { value: 'onjuist', label: 'Onjuist (klopt niet met de bouwsteen)' },
  { value: 'reclame', label: 'Reclame of spam' },
  { value: 'anders', label: 'Anders (licht toe)' },
];
/** Room for the person's text beside the label ("Reclame: ") within the API's limit. */
export const REPORT_NOTE_MAX =
  REPORT_REASON_MAX - Math.max(...Object.values(REPORT_KINDS).map((label) => label.length)) - 2;

export const replyField = (reviewId: string) => `reactie-${reviewId}`;
export const kindField = (reviewId: string) => `reden-${reviewId}`;
export const noteField = (reviewId: string) => `toelichting-${reviewId}`;

/** A reply or report form that came back (with its errors and everything as typed). */
export interface ResponseState {
  reviewId: string;
  kind: 'reply' | 'report';
  values: Record<string, string>;
  errors: FieldErrors;
}

const LABELS = { reply: 'Uw reactie', kind: 'Waarom meldt u deze review?', note: 'Toelichting' };

/** The summary of a failed reply or report, linking to its fields. */
export function ResponseErrors({ state }: { state?: ResponseState }): JSX.Element {
  if (!state) return '';
  const labelOf = (path: string) =>
    path.startsWith('reactie-')
      ? LABELS.reply
      : path.startsWith('reden-')
        ? LABELS.kind
        : LABELS.note;
  return <ErrorSummary errors={state.errors} labelOf={labelOf} />;
}

function Hidden({ page, pageNumber }: { page: PageContext; pageNumber: number }): JSX.Element {
  return (
    <>
      <FormTokenField page={page} />
      <input type="hidden" name="pagina" value={String(pageNumber)} />
    </>
  );
}

/** The owning PPS's one reply; it cannot be changed afterwards (the API has no edit of it). */
export function ReplyForm(props: {
  page: PageContext;
  assetId: string;
  review: ReviewDto;
  ppsName: string;
  pageNumber: number;
  state?: ResponseState;
}): JSX.Element {
  const path = replyField(props.review.id);
  const state = props.state?.kind === 'reply' ? props.state : undefined;
  return (
    <details class="review-action" open={state !== undefined}>
      <summary class="review-action__summary" safe>
        {`Reageren namens ${props.ppsName}`}
      </summary>
      <form
        method="post"
        action={`${reviewsPath(props.assetId)}/${props.review.id}/reactie`}
        class="site-form review-action__form"
        novalidate
      >
        <Hidden page={props.page} pageNumber={props.pageNumber} />
        <TextArea
          path={path}
          label={LABELS.reply}
          hint={`Staat onder de review als "Reactie van ${props.ppsName}". Er kan één reactie bij; daarna kunt u hem niet meer wijzigen.`}
          value={state?.values[path]}
          rows={3}
          maxlength={REVIEW_TEXT_MAX}
          errors={state?.errors ?? new FieldErrors()}
          required
        />
        <div class="site-form__actions">
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Reactie plaatsen
          </button>
        </div>
      </form>
    </details>
  );
}

/** Anyone signed in reports a review to the owning PPS, once; who reported is never shown. */
export function ReportForm(props: {
  page: PageContext;
  assetId: string;
  review: ReviewDto;
  pageNumber: number;
  state?: ResponseState;
}): JSX.Element {
  const id = props.review.id;
  const state = props.state?.kind === 'report' ? props.state : undefined;
  const errors = state?.errors ?? new FieldErrors();
  return (
    <details class="review-action" open={state !== undefined}>
      <summary class="review-action__summary">Review melden</summary>
      <form
        method="post"
        action={`${reviewsPath(props.assetId)}/${id}/melden`}
        class="site-form review-action__form"
        novalidate
      >
        <Hidden page={props.page} pageNumber={props.pageNumber} />
        <SelectField
          path={kindField(id)}
          label={LABELS.kind}
          options={KIND_OPTIONS}
          value={state?.values[kindField(id)]}
          empty="Kies…"
          errors={errors}
          required
        />
        <TextArea
          path={noteField(id)}
          label={LABELS.note}
          hint='Nodig bij "Anders". De PPS van deze bouwsteen leest uw melding en beslist of de review zichtbaar blijft; de PPS ziet uw reden, niet uw naam.'
          value={state?.values[noteField(id)]}
          rows={3}
          maxlength={REPORT_NOTE_MAX}
          errors={errors}
        />
        <div class="site-form__actions">
          <button type="submit" class="utrecht-button utrecht-button--secondary-action">
            Melding versturen
          </button>
        </div>
      </form>
    </details>
  );
}

/** In place of the report form once this person reported the review. */
export function ReportedNote(): JSX.Element {
  return (
    <p class="utrecht-paragraph site-muted review-action">
      {Html.escapeHtml('U heeft deze review gemeld. De PPS van deze bouwsteen beslist erover.')}
    </p>
  );
}
