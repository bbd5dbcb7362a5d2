import { Injectable } from '@nestjs/common';
import { AssetDto, AssetError, AssetsService } from '@bouwsteen/assets';
import { type Principal, UsersService } from '@bouwsteen/auth';
import {
  DomainException,
  ForbiddenError,
  NotFoundError,
  Page,
  PageQueryDto,
  PreconditionFailedError,
  toEtag,
  toPage,
} from '@bouwsteen/common';
import { TransactionRunner } from '@bouwsteen/database';
import {
  ReplyInputDto,
  ReportInputDto,
  ReviewDto,
  ReviewInputDto,
  ReviewListDto,
  ReviewReportDto,
} from './dto/review.dto';
import { ReviewError } from './review.errors';
import { ReviewEvents } from './review-events';
import { ReviewPolicy } from './review.policy';
import { ReviewSummary, summarise } from './review-rules';
import { Review, ReviewFields, ReviewsRepository } from './reviews.repository';

/**
 * Reviews as records: one per building block and person (the unique pair in the table decides,
 * also between parallel posts), on published blocks only, written by teachers (ReviewPolicy);
 * the owning PPS replies once and hides a reported review. Authors are never shown.
 */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly assets: AssetsService,
    private readonly transactions: TransactionRunner,
    private readonly events: ReviewEvents,
    private readonly users: UsersService,
  ) {}

  /** A block's visible reviews, paged, with the figures over all of them. */
  async list(assetId: string, query: PageQueryDto): Promise<ReviewListDto> {
    return this.listOf(await this.published(assetId), query);
  }

  /**
   * The same for a caller that already read the block as everyone reads it (the block page):
   * no second read of the whole block for the "published" check.
   */
  async listOf(
    asset: Pick<AssetDto, 'id' | 'publishedVersion'>,
    query: PageQueryDto,
  ): Promise<ReviewListDto> {
    mustBePublished(asset);
    const [summary, { items, total }] = await Promise.all([
      this.summary(asset.id),
      this.reviews.page(asset.id, query.pageSize, query.offset),
    ]);
    return { summary, ...toPage(items.map(toDto), total, query) };
  }

  async summary(assetId: string): Promise<ReviewSummary> {
    return summarise(await this.reviews.groups(assetId));
  }

  /** This person's review of the block (also when hidden), or 404. */
  async mine(principal: Principal, assetId: string): Promise<ReviewDto> {
    await this.published(assetId);
    const review = await this.reviews.mine(assetId, principal.userId);
    if (!review) throw new NotFoundError(ReviewError.NotFound, 'review of yours on', assetId);
    return toDto(review);
  }

  /** Whether this person may write a review of the block (for pages: offer the form or not). */
  mayWrite(principal: Principal | undefined, asset: Pick<AssetDto, 'pps' | 'status'>): boolean {
    return asset.status !== 'archived' && ReviewPolicy.mayWrite(principal, asset.pps.id);
  }

  /**
   * Writes this person's review: without `revision` a new one (409 when they have one already,
   * whoever's post got there first), with it an edit of theirs at that revision (412 when it
   * moved on). Tells the owning PPS about a new one in the same transaction.
   */
  async write(
    principal: Principal,
    assetId: string,
    input: ReviewInputDto,
    revision?: number,
  ): Promise<{ review: ReviewDto; created: boolean }> {
    const asset = await this.writable(principal, assetId);
    const fields: ReviewFields = { ...input, body: input.body?.trim() ? input.body : null };
    if (revision === undefined) {
      const review = await this.transactions.run(async (manager) => {
        const created = await this.reviews.insert(manager, asset.id, principal.userId, fields);
        if (created)
          await this.events.emit(manager, {
            reviewId: created.id,
            assetId: asset.id,
            authorId: principal.userId,
          });
        return created;
      });
      if (!review) throw new DomainException(ReviewError.Exists, 'You reviewed this block already');
      return { review: toDto(review), created: true };
    }
    const current = await this.reviews.mine(asset.id, principal.userId);
    if (!current) throw new NotFoundError(ReviewError.NotFound, 'review of yours on', assetId);
    const updated = await this.reviews.update(current.id, revision, fields);
    if (!updated) throw new PreconditionFailedError(toEtag(current.revision));
    return { review: toDto(updated), created: false };
  }

  /** Withdraws this person's review (its reply and reports go with it). */
  async withdraw(principal: Principal, assetId: string): Promise<void> {
    const review = await this.reviews.mine(assetId, principal.userId);
    if (!review) throw new NotFoundError(ReviewError.NotFound, 'review of yours on', assetId);
    await this.reviews.delete(review.id);
  }

  /** The owning PPS's one reply (409 for a second). */
  async reply(
    principal: Principal,
    assetId: string,
    reviewId: string,
    input: ReplyInputDto,
  ): Promise<ReviewDto> {
    const { asset, review } = await this.reviewOf(assetId, reviewId);
    if (!ReviewPolicy.mayAnswer(principal, asset.pps.id))
      throw new ForbiddenError('Only the PPS that owns the block replies to its reviews');
    if (!(await this.reviews.reply(review.id, input.body, principal.userId)))
      throw new DomainException(ReviewError.AlreadyReplied, 'This review has its reply');
    return toDto((await this.reviews.find(review.id))!);
  }

  /**
   * A reader reports a visible review, once; a member of the block's own PPS may not (403: the
   * PPS would report what it then hides).
   */
  async report(
    principal: Principal,
    assetId: string,
    reviewId: string,
    input: ReportInputDto,
  ): Promise<void> {
    const { asset, review } = await this.reviewOf(assetId, reviewId);
    if (review.hidden) throw new NotFoundError(ReviewError.NotFound, 'review', reviewId);
    const refusal = ReviewPolicy.reportRefusal(principal, asset.pps.id);
    if (refusal) throw new DomainException(refusal);
    if (!(await this.reviews.report(review.id, principal.userId, input.reason)))
      throw new DomainException(ReviewError.AlreadyReported, 'You reported this review before');
  }

  /** Of these reviews, the ones this person reported already (pages say so instead of a form). */
  async reportedBy(principal: Principal, reviewIds: string[]): Promise<Set<string>> {
    return new Set(await this.reviews.reportedBy(principal.userId, reviewIds));
  }

  /**
   * The owning PPS hides a review someone else reported (ReviewPolicy.reportCountsForHiding;
   * 409 without such a report), or shows a hidden one again.
   */
  async setHidden(
    principal: Principal,
    assetId: string,
    reviewId: string,
    hidden: boolean,
  ): Promise<void> {
    const { asset, review } = await this.reviewOf(assetId, reviewId);
    if (!ReviewPolicy.mayAnswer(principal, asset.pps.id))
      throw new ForbiddenError('Only the PPS that owns the block hides its reviews');
    const done = hidden
      ? await this.reviews.hide(
          review.id,
          principal.userId,
          await this.countedReporters(principal, asset.pps.id, review.id),
        )
      : await this.reviews.show(review.id);
    if (!done)
      throw new DomainException(ReviewError.NotReported, 'Nobody else reported this review');
  }

  /** The reporters of a review whose report lets `principal` hide it. */
  private async countedReporters(
    principal: Principal,
    ownerPpsId: string,
    reviewId: string,
  ): Promise<string[]> {
    const reporters = await this.reviews.reporterIds(reviewId);
    const memberships = await this.users.membershipsOf(reporters);
    return reporters.filter((userId) =>
      ReviewPolicy.reportCountsForHiding(
        { userId, ppsIds: memberships.get(userId) ?? [] },
        principal,
        ownerPpsId,
      ),
    );
  }

  /** Reports on reviews of a PPS's blocks, for who may answer for it (403 otherwise). */
  async reports(
    principal: Principal,
    ppsId: string,
    query: PageQueryDto,
  ): Promise<Page<ReviewReportDto>> {
    if (!ReviewPolicy.mayAnswer(principal, ppsId))
      throw new ForbiddenError('Only editors of this PPS read the reports on its reviews');
    const { items, total } = await this.reviews.reportsFor([ppsId], query.pageSize, query.offset);
    return toPage(
      items.map((report) => ({ ...report, reportedAt: report.reportedAt.toISOString() })),
      total,
      query,
    );
  }

  /** The block as everyone reads it: published (a draft is not found). */
  private async published(assetId: string): Promise<AssetDto> {
    const asset = await this.assets.get(undefined, assetId);
    mustBePublished(asset);
    return asset;
  }

  private async writable(principal: Principal, assetId: string): Promise<AssetDto> {
    const asset = await this.published(assetId);
    const refusal = ReviewPolicy.refusal(principal, asset.pps.id);
    if (refusal) throw new DomainException(refusal);
    if (asset.status === 'archived')
      throw new DomainException(ReviewError.AssetArchived, 'An archived block takes no reviews');
    return asset;
  }

  private async reviewOf(
    assetId: string,
    reviewId: string,
  ): Promise<{ asset: AssetDto; review: Review }> {
    const asset = await this.published(assetId);
    const review = await this.reviews.find(reviewId);
    if (!review || review.assetId !== asset.id)
      throw new NotFoundError(ReviewError.NotFound, 'review', reviewId);
    return { asset, review };
  }

  /** Per block, how many visible reviews it has (counts only, never who): the publishers' usage figures. */
  countsByAsset(assetIds: readonly string[]): Promise<Map<string, number>> {
    return this.reviews.countsByAsset(assetIds);
  }
}

function toDto(review: Review): ReviewDto {
  const { authorId: _author, reply, repliedAt, createdAt, updatedAt, ...rest } = review;
  return {
    ...rest,
    reply: reply && repliedAt ? { body: reply, repliedAt: repliedAt.toISOString() } : null,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

/** Reviews belong to what everyone reads: a block never published is not found. */
function mustBePublished(asset: Pick<AssetDto, 'id' | 'publishedVersion'>): void {
  if (asset.publishedVersion === null)
    throw new NotFoundError(AssetError.NotFound, 'asset', asset.id);
}
