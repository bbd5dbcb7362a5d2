import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Auth, CurrentPrincipal, Principal } from '@bouwsteen/auth';
import {
  ApiPageResponse,
  EtagInterceptor,
  Page,
  PageQueryDto,
  ProblemDetailsDto,
  parseIfMatch,
} from '@bouwsteen/common';
import {
  ReplyInputDto,
  ReportInputDto,
  ReviewDto,
  ReviewInputDto,
  ReviewListDto,
  ReviewReportDto,
} from './dto/review.dto';
import { REVIEWER_ROLES } from './review.policy';
import { ReviewsService } from './reviews.service';

const UUID = new ParseUUIDPipe();

@ApiTags('reviews')
@Controller('assets/:assetId/reviews')
@UseInterceptors(EtagInterceptor)
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get()
  @Auth({ public: true })
  @ApiOperation({
    summary: 'A published block’s reviews (paged, hidden ones left out) with their figures',
  })
  @ApiOkResponse({ type: ReviewListDto })
  list(
    @Param('assetId', UUID) assetId: string,
    @Query() query: PageQueryDto,
  ): Promise<ReviewListDto> {
    return this.reviews.list(assetId, query);
  }

  @Get('mine')
  @Auth()
  @ApiOperation({ summary: 'Your review of the block; its ETag is what an edit sends as If-Match' })
  @ApiOkResponse({ type: ReviewDto })
  mine(
    @CurrentPrincipal() principal: Principal,
    @Param('assetId', UUID) assetId: string,
  ): Promise<ReviewDto> {
    return this.reviews.mine(principal, assetId);
  }

  @Put('mine')
  @Auth({ roles: REVIEWER_ROLES })
  @ApiOperation({
    summary:
      'Write your review: without If-Match a new one (409 when you have one), with If-Match an edit of yours',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag of your review, to edit' })
  @ApiCreatedResponse({ type: ReviewDto, description: 'Your new review' })
  @ApiOkResponse({ type: ReviewDto, description: 'Your edited review' })
  @ApiResponse({ status: 409, type: ProblemDetailsDto, description: 'You have a review already' })
  @ApiResponse({ status: 412, type: ProblemDetailsDto, description: 'Your review changed since' })
  async write(
    @CurrentPrincipal() principal: Principal,
    @Param('assetId', UUID) assetId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: ReviewInputDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReviewDto> {
    const revision = ifMatch === undefined ? undefined : parseIfMatch(ifMatch);
    const { review, created } = await this.reviews.write(principal, assetId, dto, revision);
    response.status(created ? 201 : 200);
    return review;
  }

  @Delete('mine')
  @Auth()
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw your review (with its reply and reports)' })
  @ApiNoContentResponse()
  withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param('assetId', UUID) assetId: string,
  ): Promise<void> {
    return this.reviews.withdraw(principal, assetId);
  }

  @Put(':reviewId/reply')
  @Auth({ roles: ['pps-editor', 'admin'] })
  @ApiOperation({ summary: 'The owning PPS’s reply: once per review (409 for a second)' })
  @ApiOkResponse({ type: ReviewDto })
  reply(
    @CurrentPrincipal() principal: Principal,
    @Param('assetId', UUID) assetId: string,
    @Param('reviewId', UUID) reviewId: string,
    @Body() dto: ReplyInputDto,
  ): Promise<ReviewDto> {
    return this.reviews.reply(principal, assetId, reviewId, dto);
  }

  @Post(':reviewId/reports')
  @Auth()
  @HttpCode(204)
  @ApiOperation({ summary: 'Report a review to the owning PPS, with a reason (once a person)' })
  @ApiNoContentResponse()
  @ApiResponse({
    status: 403,
    type: ProblemDetailsDto,
    description:
      'review-report-own-pps: a member of the block’s own PPS does not report its reviews',
  })
  report(
    @CurrentPrincipal() principal: Principal,
    @Param('assetId', UUID) assetId: string,
    @Param('reviewId', UUID) reviewId: string,
    @Body() dto: ReportInputDto,
  ): Promise<void> {
    return this.reviews.report(principal, assetId, reviewId, dto);
  }

  @Put(':reviewId/hidden')
  @Auth({ roles: ['pps-editor', 'admin'] })
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Hide a reported review (the owning PPS; 409 without a report by someone else, outside the PPS)',
  })
  @ApiNoContentResponse()
  hide(
    @CurrentPrincipal() principal: Principal,
    @Param('assetId', UUID) assetId: string,
    @Param('reviewId', UUID) reviewId: string,
  ): Promise<void> {
    return this.reviews.setHidden(principal, assetId, reviewId, true);
  }

  @Delete(':reviewId/hidden')
  @Auth({ roles: ['pps-editor', 'admin'] })
  @HttpCode(204)
  @ApiOperation({ summary: 'Show a hidden review again (the owning PPS)' })
  @ApiNoContentResponse()
  show(
    @CurrentPrincipal() principal: Principal,
    @Param('assetId', UUID) assetId: string,
    @Param('reviewId', UUID) reviewId: string,
  ): Promise<void> {
    return this.reviews.setHidden(principal, assetId, reviewId, false);
  }
}

/** The reports on a PPS's blocks' reviews: what its editors see in "Mijn PPS". */
@ApiTags('reviews')
@Controller('pps/:ppsId/review-reports')
export class PpsReviewReportsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get()
  @Auth({ roles: ['pps-editor', 'admin'] })
  @ApiOperation({ summary: 'Reports on reviews of the PPS’s blocks, newest first (its editors)' })
  @ApiPageResponse(ReviewReportDto)
  reports(
    @CurrentPrincipal() principal: Principal,
    @Param('ppsId', UUID) ppsId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ReviewReportDto>> {
    return this.reviews.reports(principal, ppsId, query);
  }
}
