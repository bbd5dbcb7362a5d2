import type { ReviewDto } from '@bouwsteen/reviews';
import {
  RUBRIC_ITEMS,
  RUBRIC_MAX,
  type ReviewSummary,
  type RubricItem,
  summaryLine,
} from '@bouwsteen/reviews/pure';
import { barWidthClass } from '../../components/charts/bar-chart';
import { FormTokenField } from '../../forms/form-token';
import { formatDate, formatNumber } from '../../format/format';
import type { PageContext } from '../../http/page-context';

/** The Dutch words of a review's form and figures: labels, never codes. */
export const REVIEW_LABELS = {
  use: { used: 'Gebruikt', read: 'Gelezen' } as Record<string, string>,
  pathway: { bol: 'BOL', bbl: 'BBL' } as Record<string, string>,
  setting: { school: 'op school', practice: 'in de praktijk' } as Record<string, string>,
  rubric: {
    usability: 'Bruikbaarheid',
    quality: 'Kwaliteit',
    adaptability: 'Aanpasbaarheid',
  } as Record<RubricItem, string>,
};

export function reviewsPath(assetId: string, pageNumber = 1, notice?: string): string {
  const query = [pageNumber > 1 ? `pagina=${pageNumber}` : '', notice ? `melding=${notice}` : '']
    .filter(Boolean)
    .join('&');
  return `/bouwstenen/${assetId}/reviews${query ? `?${query}` : ''}`;
}

/** The figures: the lead line, averages per rubric item and the contexts. */
export function ReviewFigures({ summary }: { summary: ReviewSummary }): JSX.Element {
  if (summary.total === 0)
    return (
      <p class="utrecht-paragraph">
        Nog geen reviews. Docenten die deze bouwsteen gebruikten of lazen kunnen de eerste
        schrijven.
      </p>
    );
  const contexts = [
    `${formatNumber(summary.used)} gebruikt, ${formatNumber(summary.read)} gelezen`,
    summary.byPathway
      .map((entry) => `${formatNumber(entry.count)} ${REVIEW_LABELS.pathway[entry.value]}`)
      .join(', '),
    summary.bySetting
      .map((entry) => `${formatNumber(entry.count)} ${REVIEW_LABELS.setting[entry.value]}`)
      .join(', '),
  ];
  return (
    <>
      <p class="utrecht-paragraph review-lead" safe>
        {summaryLine(summary)}
      </p>
      <dl class="review-averages" aria-label="Gemiddelde scores">
        {RUBRIC_ITEMS.map((item) => (
          <div class="review-average">
            <dt class="review-average__name" safe>
              {REVIEW_LABELS.rubric[item]}
            </dt>
            <dd class="review-average__value">
              <span class="review-average__figure" safe>
                {`${formatNumber(summary.averages![item])} van 5`}
              </span>
              <span class="review-average__track" aria-hidden="true">
                <span
                  class={`review-average__bar ${barWidthClass(summary.averages![item], RUBRIC_MAX)}`}
                ></span>
              </span>
            </dd>
          </div>
        ))}
      </dl>
      <p class="utrecht-paragraph site-muted" safe>
        {contexts.join(' · ')}
      </p>
    </>
  );
}

/**
 * One review: its context, scores, text and the PPS's reply ("Reactie van <PPS>"); the author
 * is never named. What a reader may do with it (reply, report) comes as children.
 */
export function ReviewItem(props: {
  review: ReviewDto;
  ppsName: string;
  mine?: boolean;
  children?: JSX.Element;
}): JSX.Element {
  const { review, children = '' } = props;
  const context = `${REVIEW_LABELS.use[review.use]} · mbo ${review.level} · ${REVIEW_LABELS.pathway[review.pathway]} · ${REVIEW_LABELS.setting[review.setting]}`;
  return (
    <li class="review" id={`review-${review.id}`}>
      <p class="review__context">
        <strong safe>{props.mine ? `Uw review: ${context}` : context}</strong>
        <span class="site-muted" safe>{` · ${formatDate(review.updatedAt)}`}</span>
      </p>
      <p class="review__scores" safe>
        {RUBRIC_ITEMS.map((item) => `${REVIEW_LABELS.rubric[item]} ${review[item]} van 5`).join(
          ' · ',
        )}
      </p>
      {review.body ? (
        <p class="utrecht-paragraph site-lines" safe>
          {review.body}
        </p>
      ) : (
        ''
      )}
      {review.reply ? (
        <div class="review__reply">
          <p class="review__reply-title" safe>
            {`Reactie van ${props.ppsName}`}
          </p>
          <p class="utrecht-paragraph site-lines" safe>
            {review.reply.body}
          </p>
        </div>
      ) : (
        ''
      )}
      {children}
    </li>
  );
}

/** The block page's section: the figures, the latest reviews and where to read or write more. */
export function ReviewsSection(props: {
  assetId: string;
  ppsName: string;
  summary: ReviewSummary;
  latest: ReviewDto[];
  /** Offer to write (or edit one's own): a signed-in teacher who may review this block. */
  mayWrite: boolean;
}): JSX.Element {
  const { assetId, summary } = props;
  return (
    <section aria-labelledby="reviews-titel">
      <h2 class="utrecht-heading-2" id="reviews-titel">
        Reviews
      </h2>
      <ReviewFigures summary={summary} />
      {props.latest.length ? (
        <ol class="plain-list review-list">
          {props.latest.map((review) => (
            <ReviewItem review={review} ppsName={props.ppsName} />
          ))}
        </ol>
      ) : (
        ''
      )}
      <p class="utrecht-paragraph">
        {summary.total > props.latest.length ? (
          <a class="utrecht-link" href={reviewsPath(assetId)} safe>
            {`Alle ${formatNumber(summary.total)} reviews`}
          </a>
        ) : (
          ''
        )}
        {summary.total > props.latest.length && props.mayWrite ? ' · ' : ''}
        {props.mayWrite ? (
          <a class="utrecht-link" href={`${reviewsPath(assetId)}#review-formulier`}>
            Schrijf een review
          </a>
        ) : (
          ''
        )}
      </p>
    </section>
  );
}

/** A small post form of one button (withdraw, hide), with the page's token. */
export function ButtonForm(props: {
  page: PageContext;
  action: string;
  label: string;
  fields?: Record<string, string>;
}): JSX.Element {
  return (
    <form method="post" action={props.action} class="inline-form">
      <FormTokenField page={props.page} />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class="utrecht-button utrecht-button--secondary-action" safe>
        {props.label}
      </button>
    </form>
  );
}
