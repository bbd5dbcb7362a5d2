import { Body, Controller, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Auth, CurrentPrincipal, Principal } from '@bouwsteen/auth';
import { REVIEWER_ROLES } from '@bouwsteen/reviews/pure';
import { HtmlForm, HtmlPage } from '../../http/html-page.decorator';
import { safeReturnPath, send } from '../../http/page-answer';
import { Page, PageContext } from '../../http/page-context';
import { ReviewReportsPage, reportsPath } from './review-reports.page';
import { ReviewResponsesPage } from './review-responses.page';
import { ReviewsPage } from './reviews.page';

type Form = Record<string, unknown>;

/** A block's reviews: everyone reads them; teachers write (ReviewPolicy decides the rest). */
@Auth({ public: true })
@Controller('bouwstenen/:id/reviews')
export class ReviewsPageController {
  constructor(
    private readonly reviews: ReviewsPage,
    private readonly responses: ReviewResponsesPage,
  ) {}

  @HtmlPage('')
  async show(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.reviews.render(page, id, query));
  }

  @Auth({ roles: REVIEWER_ROLES })
  @HtmlForm('')
  async save(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.reviews.save(page, id, body));
  }

  @Auth()
  @HtmlForm('intrekken')
  async withdraw(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.reviews.withdraw(page, id));
  }

  /** The owning PPS's one reply (ReviewPolicy.mayAnswer: its editors and admins). */
  @Auth({ roles: ['pps-editor', 'admin'] })
  @HtmlForm(':reviewId/reactie')
  async reply(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('reviewId', ParseUUIDPipe) reviewId: string,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.responses.reply(page, id, reviewId, body));
  }

  /** Anyone signed in reports a review, with a reason. */
  @Auth()
  @HtmlForm(':reviewId/melden')
  async report(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('reviewId', ParseUUIDPipe) reviewId: string,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.responses.report(page, id, reviewId, body));
  }
}

/** "Mijn PPS": the reports on the reviews of the PPS's blocks, and hiding a reported one. */
@Auth({ roles: ['pps-editor', 'admin'] })
@Controller('mijn-pps/reviewmeldingen')
export class ReviewReportsController {
  constructor(private readonly reports: ReviewReportsPage) {}

  @HtmlPage('')
  show(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Query() query: Record<string, unknown>,
  ): Promise<string> {
    return this.reports.render(page, principal, query);
  }

  /** verbergen=ja hides the review, nee shows it again; back to the page it was on. */
  @HtmlForm(':assetId/:reviewId/verbergen')
  async hide(
    @CurrentPrincipal() principal: Principal,
    @Param('assetId', ParseUUIDPipe) assetId: string,
    @Param('reviewId', ParseUUIDPipe) reviewId: string,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    const hidden = body.verbergen !== 'nee';
    const { ppsId, notice } = await this.reports.hide(principal, assetId, reviewId, hidden);
    const back = safeReturnPath(body.terug, reportsPath(ppsId));
    send(response, { redirect: `${back.replace(/&melding=[^&]*/, '')}&melding=${notice}` });
  }
}
