import { Injectable } from '@nestjs/common';
import { DomainException, FieldCode, FieldError, normaliseText } from '@bouwsteen/common';
import { ReplyInputDto, ReportInputDto, ReviewsService } from '@bouwsteen/reviews';
import { ReviewError } from '@bouwsteen/reviews/pure';
import { FieldErrors } from '../../forms/field-errors';
import { submitForm } from '../../forms/form-submit';
import type { PageAnswer } from '../../http/page-answer';
import type { PageContext } from '../../http/page-context';
import {
  REPORT_KINDS,
  REPORT_NOTE_MAX,
  ResponseState,
  kindField,
  noteField,
  replyField,
} from './review-responses';
import { reviewsPath } from './review-view';
import { ReviewsPage } from './reviews.page';

type Form = Record<string, unknown>;
const MAX_PAGE = 500;

const pageOf = (value: unknown) =>
  typeof value === 'string' && /^\d{1,3}$/.test(value)
    ? Math.min(Math.max(Number(value), 1), MAX_PAGE)
    : 1;
const textOf = (value: unknown) => (typeof value === 'string' ? normaliseText(value).trim() : '');
/**
 * A reply as validation should see it: nothing typed is a field left empty ("Vul dit veld in."),
 * only spaces or empty lines are text that says nothing (hasText's own message).
 */
const replyOf = (value: unknown) =>
  typeof value === 'string' && normaliseText(value) !== '' ? textOf(value) : undefined;

/**
 * The posts of the reply and report forms under a review. A failure shows the reviews page
 * again at the same page, the form open and kept as typed; a second reply (someone was first)
 * is a 409 worded in Dutch at the field; a second report by the same person is no error: the
 * first one stands, and the page says so.
 */
@Injectable()
export class ReviewResponsesPage {
  constructor(
    private readonly page: ReviewsPage,
    private readonly reviews: ReviewsService,
  ) {}

  async reply(
    page: PageContext,
    assetId: string,
    reviewId: string,
    body: Form,
  ): Promise<PageAnswer> {
    const pageNumber = pageOf(body.pagina);
    const path = replyField(reviewId);
    const text = textOf(body[path]);
    return submitForm({
      dto: ReplyInputDto,
      input: { body: replyOf(body[path]) },
      write: async (value) => {
        await this.reviews.reply(page.principal!, assetId, reviewId, value);
        return { redirect: `${reviewsPath(assetId, pageNumber, 'gereageerd')}#review-${reviewId}` };
      },
      conflicts: { [ReviewError.AlreadyReplied]: 'body' },
      again: (errors) =>
        this.again(page, assetId, pageNumber, {
          reviewId,
          kind: 'reply',
          values: { [path]: text },
          errors: new FieldErrors(errors.map((error) => ({ ...error, field: path }))),
          status: errors.some((e) => e.code === ReviewError.AlreadyReplied) ? 409 : 400,
        }),
    });
  }

  async report(
    page: PageContext,
    assetId: string,
    reviewId: string,
    body: Form,
  ): Promise<PageAnswer> {
    const pageNumber = pageOf(body.pagina);
    const kind =
      typeof body[kindField(reviewId)] === 'string' ? String(body[kindField(reviewId)]) : '';
    const label = Object.hasOwn(REPORT_KINDS, kind) ? REPORT_KINDS[kind] : undefined;
    const note = textOf(body[noteField(reviewId)]);
    const problems: FieldError[] = [];
    if (!label)
      problems.push({
        field: kindField(reviewId),
        code: FieldCode.ChooseReportReason,
        message: 'Choose a reason',
      });
    else if (kind === 'anders' && !note)
      problems.push({
        field: noteField(reviewId),
        code: 'minLength',
        values: { min: 1 },
        message: 'Explain the reason',
      });
    if (note.length > REPORT_NOTE_MAX)
      problems.push({
        field: noteField(reviewId),
        code: 'maxLength',
        values: { max: REPORT_NOTE_MAX },
        message: 'Too long',
      });
    const done = (notice: string) => ({
      redirect: `${reviewsPath(assetId, pageNumber, notice)}#review-${reviewId}`,
    });
    try {
      return await submitForm({
        dto: ReportInputDto,
        input: { reason: note ? `${label ?? ''}: ${note}` : (label ?? '') },
        problems,
        write: async (value) => {
          await this.reviews.report(page.principal!, assetId, reviewId, value);
          return done('gemeld');
        },
        // A page opened before its reader joined the block's PPS still has the form.
        conflicts: { [ReviewError.ReportOwnPps]: kindField(reviewId) },
        again: (errors) =>
          this.again(page, assetId, pageNumber, {
            reviewId,
            kind: 'report',
            values: { [kindField(reviewId)]: label ? kind : '', [noteField(reviewId)]: note },
            // The stored reason is the choice and the note: without a choice, what validation
            // finds of it is the choice's error (above), not the optional note's.
            errors: new FieldErrors(
              errors.flatMap((error) =>
                error.field !== 'reason'
                  ? [error]
                  : label
                    ? [{ ...error, field: noteField(reviewId) }]
                    : [],
              ),
            ),
            status: errors.some((e) => e.code === ReviewError.ReportOwnPps) ? 403 : 400,
          }),
      });
    } catch (error) {
      // Reported before (another window, a second click): the first report stands.
      if (error instanceof DomainException && error.code === ReviewError.AlreadyReported)
        return done('al-gemeld');
      throw error;
    }
  }

  private again(
    page: PageContext,
    assetId: string,
    pageNumber: number,
    state: ResponseState & { status: number },
  ): Promise<PageAnswer> {
    const { status, ...response } = state;
    return this.page.render(
      page,
      assetId,
      { pagina: String(pageNumber) },
      undefined,
      status,
      response,
    );
  }
}
