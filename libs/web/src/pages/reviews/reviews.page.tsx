import { Injectable } from '@nestjs/common';
import { AssetDto, AssetsService } from '@bouwsteen/assets';
import { DomainException, FieldCode, FieldError, normaliseText } from '@bouwsteen/common';
import { ReviewDto, ReviewInputDto, ReviewsService } from '@bouwsteen/reviews';
import {
  REVIEWS_PAGE_SIZE,
  RUBRIC_ITEMS,
  RUBRIC_MAX,
  RUBRIC_MIN,
  ReviewError,
  ReviewPolicy,
} from '@bouwsteen/reviews/pure';
import { dutchMessage } from '@bouwsteen/taxonomy/pure';
import { Pagination } from '../../components/pagination';
import { StatusNotice } from '../../components/status-notice';
import { FieldErrors } from '../../forms/field-errors';
import { submitForm } from '../../forms/form-submit';
import type { PageAnswer } from '../../http/page-answer';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';
import { pageQuery } from '../search-queries';
import { ReviewForm } from './review-form';
import {
  ReplyForm,
  ReportForm,
  ReportedNote,
  ResponseErrors,
  type ResponseState,
} from './review-responses';
import { ButtonForm, ReviewFigures, ReviewItem, reviewsPath } from './review-view';

type Form = Record<string, unknown>;
const MAX_PAGE = 500;
const NUMBERS = ['level', 'usability', 'quality', 'adaptability'];
const TEXTS = ['use', 'pathway', 'setting', 'body'];
/** The form's fields top to bottom: its error summary lists them in this order. */
const FORM_ORDER = ['use', 'level', 'pathway', 'setting', ...RUBRIC_ITEMS, 'body'];
const inFormOrder = (a: FieldError, b: FieldError) =>
  FORM_ORDER.indexOf(a.field) - FORM_ORDER.indexOf(b.field);
/** Refusals of a whole review: the form comes back as typed, with why. */
const WHOLE_REFUSALS: string[] = [
  ReviewError.AssetArchived,
  ReviewError.RoleNotAllowed,
  ReviewError.OwnPps,
];

const NOTICES: Record<string, string> = {
  opgeslagen: 'Uw review is opgeslagen.',
  ingetrokken: 'Uw review is ingetrokken.',
  gereageerd: 'Uw reactie staat onder de review.',
  gemeld:
    'Dank u voor uw melding. De PPS van deze bouwsteen leest hem en beslist of de review zichtbaar blijft.',
  'al-gemeld': dutchMessage(ReviewError.AlreadyReported),
};

/** The selects of words, left at "Kies…": what to choose. */
const CHOOSE: Record<string, FieldCode> = {
  use: FieldCode.ChooseUse,
  pathway: FieldCode.ChoosePathway,
  setting: FieldCode.ChooseSetting,
};

/**
 * A select of the form left at "Kies…" is named by what to choose ("Kies een score van 1 tot
 * 5.", "Kies BOL of BBL."), not by the shape validation wanted of its value.
 */
function asChoice(error: FieldError, input: Form): FieldError {
  if ((input[error.field] ?? '') !== '') return error;
  if (CHOOSE[error.field])
    return { field: error.field, code: CHOOSE[error.field], message: `Choose ${error.field}` };
  if (!NUMBERS.includes(error.field)) return error;
  return error.field === 'level'
    ? { field: error.field, code: FieldCode.ChooseLevel, message: 'Choose a level' }
    : {
        field: error.field,
        code: FieldCode.ChooseScore,
        values: { min: RUBRIC_MIN, max: RUBRIC_MAX },
        message: 'Choose a score',
      };
}

interface FormState {
  values: Form;
  errors: FieldErrors;
  refused?: string;
  stale?: boolean;
}

/**
 * /bouwstenen/:id/reviews: a published block's reviews, paged, with the figures; for a teacher
 * who may review it, the form (new, or their own to edit or withdraw). Works without JavaScript.
 */
@Injectable()
export class ReviewsPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly assets: AssetsService,
    private readonly reviews: ReviewsService,
  ) {}

  async render(
    page: PageContext,
    assetId: string,
    query: { pagina?: unknown; melding?: unknown },
    form?: FormState,
    status = 200,
    response?: ResponseState,
  ): Promise<PageAnswer> {
    const asset = await this.assets.get(undefined, assetId);
    const pageNumber = Math.min(Math.max(Number(query.pagina) || 1, 1), MAX_PAGE);
    const list = await this.reviews.listOf(asset, pageQuery(REVIEWS_PAGE_SIZE, pageNumber));
    const mine = page.principal ? await this.mineOf(page, assetId) : undefined;
    const mayWrite = this.reviews.mayWrite(page.principal, asset);
    const reported = page.principal
      ? await this.reviews.reportedBy(
          page.principal,
          list.items.map((review) => review.id),
        )
      : new Set<string>();
    const responses: Responses = {
      page,
      asset,
      mine,
      reported,
      pageNumber: list.pageNumber,
      mayAnswer: ReviewPolicy.mayAnswer(page.principal, asset.pps.id),
      mayReport: ReviewPolicy.mayReport(page.principal, asset.pps.id),
      state: response,
    };
    const notice = typeof query.melding === 'string' ? NOTICES[query.melding] : undefined;
    const html = await this.site.page(
      page,
      {
        title: form?.refused ? `Fout: Reviews: ${asset.title}` : `Reviews: ${asset.title}`,
        description: `Wat docenten vinden van "${asset.title}".`,
        canonicalPath: reviewsPath(assetId, pageNumber),
        section: 'zoeken',
        noindex: pageNumber > 1,
      },
      <>
        <nav class="utrecht-breadcrumb-nav" aria-label="Kruimelpad">
          <ol class="breadcrumb-list">
            <li>
              <a class="utrecht-link" href={`/bouwstenen/${assetId}`} safe>
                {asset.title}
              </a>
            </li>
          </ol>
        </nav>
        <h1 class="utrecht-heading-1" safe>
          {`Reviews: ${asset.title}`}
        </h1>
        <StatusNotice text={notice} />
        <ResponseErrors state={response} />
        <ReviewFigures summary={list.summary} />
        {mayWrite ? this.form(page, asset, mine, form) : this.whyNoForm(page, asset)}
        {list.items.length ? (
          <ol class="plain-list review-list" aria-label="Reviews">
            {list.items.map((review) => (
              <ReviewItem review={review} ppsName={asset.pps.name} mine={review.id === mine?.id}>
                <Actions review={review} {...responses} />
              </ReviewItem>
            ))}
          </ol>
        ) : (
          ''
        )}
        <Pagination
          current={list.pageNumber}
          total={list.totalPages}
          href={(n) => reviewsPath(assetId, n)}
          label="Pagina's reviews"
        />
      </>,
    );
    return { html, status };
  }

  async save(page: PageContext, assetId: string, body: Form): Promise<PageAnswer> {
    const input: Form = {};
    for (const field of TEXTS)
      input[field] =
        typeof body[field] === 'string'
          ? normaliseText(body[field], { singleLine: field !== 'body' })
          : body[field];
    for (const field of NUMBERS)
      input[field] =
        typeof body[field] === 'string' && /^\d{1,2}$/.test(body[field])
          ? Number(body[field])
          : body[field];
    if (input.body === '') delete input.body;
    const revision =
      typeof body.revision === 'string' && /^\d{1,9}$/.test(body.revision)
        ? Number(body.revision)
        : undefined;
    const again = (status: number, state: Omit<FormState, 'values'>) =>
      this.render(page, assetId, {}, { values: input, ...state }, status);
    try {
      return await submitForm({
        dto: ReviewInputDto,
        input,
        write: async (value) => {
          await this.reviews.write(page.principal!, assetId, value, revision);
          return { redirect: `${reviewsPath(assetId, 1, 'opgeslagen')}#reviews` };
        },
        conflicts: { [ReviewError.Exists]: 'use' },
        again: (errors, stale) =>
          again(stale ? 412 : errors.some((e) => e.code === ReviewError.Exists) ? 409 : 400, {
            errors: new FieldErrors(
              errors.map((error) => asChoice(error, input)).sort(inFormOrder),
            ),
            stale,
            refused: stale
              ? 'U heeft uw review intussen in een ander venster gewijzigd. Hieronder staat wat u nu typte; sla het op om dat te bewaren, of laad de pagina opnieuw.'
              : undefined,
          }),
      });
    } catch (error) {
      if (error instanceof DomainException && WHOLE_REFUSALS.includes(error.code))
        return again(error.status, {
          errors: new FieldErrors(),
          refused: dutchMessage(error.code),
        });
      throw error;
    }
  }

  async withdraw(page: PageContext, assetId: string): Promise<PageAnswer> {
    await this.reviews.withdraw(page.principal!, assetId);
    return { redirect: reviewsPath(assetId, 1, 'ingetrokken') };
  }

  private async mineOf(page: PageContext, assetId: string): Promise<ReviewDto | undefined> {
    try {
      return await this.reviews.mine(page.principal!, assetId);
    } catch (error) {
      if (error instanceof DomainException && error.code === ReviewError.NotFound) return undefined;
      throw error;
    }
  }

  private form(
    page: PageContext,
    asset: AssetDto,
    mine: ReviewDto | undefined,
    state: FormState | undefined,
  ): JSX.Element {
    const values: Form = state?.values ?? (mine ? { ...mine } : {});
    return (
      <>
        {mine?.hidden ? (
          <p class="utrecht-paragraph">
            De PPS heeft uw review verborgen na een melding. Alleen u ziet hem nog; u kunt hem
            bewerken of intrekken.
          </p>
        ) : (
          ''
        )}
        <ReviewForm
          page={page}
          assetId={asset.id}
          values={values}
          errors={state?.errors ?? new FieldErrors()}
          revision={mine?.revision}
          refused={state?.refused}
        />
        {mine ? (
          <ButtonForm
            page={page}
            action={`${reviewsPath(asset.id)}/intrekken`}
            label="Review intrekken"
          />
        ) : (
          ''
        )}
      </>
    );
  }

  /** Who may not write here learns why (signed out: how to sign in). */
  private whyNoForm(page: PageContext, asset: AssetDto): JSX.Element {
    if (!page.principal)
      return (
        <p class="utrecht-paragraph">
          Bent u docent?{' '}
          <a class="utrecht-link" href="/inloggen">
            Log in
          </a>{' '}
          om een review te schrijven.
        </p>
      );
    const refusal =
      asset.status === 'archived'
        ? ReviewError.AssetArchived
        : ReviewPolicy.refusal(page.principal, asset.pps.id);
    return refusal ? (
      <p class="utrecht-paragraph" safe>
        {dutchMessage(refusal)}
      </p>
    ) : (
      ''
    );
  }
}

interface Responses {
  page: PageContext;
  asset: AssetDto;
  mine: ReviewDto | undefined;
  reported: Set<string>;
  pageNumber: number;
  mayAnswer: boolean;
  mayReport: boolean;
  state?: ResponseState;
}

/**
 * Under a review: the owning PPS's reply form (until it replied; kept open and as typed when
 * a reply came back refused) and, for anyone signed in but its author and the block's own PPS,
 * the report form or that they reported it.
 */
function Actions(props: Responses & { review: ReviewDto }): JSX.Element {
  const { page, asset, review } = props;
  const state = props.state?.reviewId === review.id ? props.state : undefined;
  const reply =
    props.mayAnswer && (!review.reply || state?.kind === 'reply') ? (
      <ReplyForm
        page={page}
        assetId={asset.id}
        review={review}
        ppsName={asset.pps.name}
        pageNumber={props.pageNumber}
        state={state}
      />
    ) : (
      ''
    );
  // A refused report (one from the block's own PPS too) comes back with its form, saying why.
  const reporting = props.mayReport || state?.kind === 'report';
  if (!page.principal || !reporting || review.id === props.mine?.id) return reply;
  return (
    <>
      {reply}
      {props.reported.has(review.id) ? (
        <ReportedNote />
      ) : (
        <ReportForm
          page={page}
          assetId={asset.id}
          review={review}
          pageNumber={props.pageNumber}
          state={state}
        />
      )}
    </>
  );
}
