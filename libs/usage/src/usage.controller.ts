import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, Principal } from '@bouwsteen/auth';
import { PageQueryDto, ProblemDetailsDto } from '@bouwsteen/common';
import { SearchAnalyticsDto, SearchAnalyticsQueryDto, UsageDashboardDto } from './dto/usage.dto';
import { SearchAnalyticsService } from './search-analytics.service';
import { SEARCH_ANALYTICS_PERIODS } from './usage-rules';
import { UsageService } from './usage.service';

/** The figures of /mijn-pps/gebruik and /rapportages/zoekvragen, for integrations. */
@ApiTags('usage')
@Controller()
@Auth()
export class UsageController {
  constructor(
    private readonly usage: UsageService,
    private readonly analytics: SearchAnalyticsService,
  ) {}

  @Get('pps/:id/usage')
  @ApiOperation({
    summary: 'Use figures of a PPS’s blocks (its editors and admins)',
    description:
      'Per block: views and clicks through to the material this month and last (one per person a day; robots, old versions and the API are not counted), requests, reuse, courses, reviews and followers; and the hosts views came from.',
  })
  @ApiOkResponse({ type: UsageDashboardDto })
  @ApiForbiddenResponse({ type: ProblemDetailsDto })
  dashboard(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<UsageDashboardDto> {
    return this.usage.dashboard(principal, id, query.pageNumber, query.pageSize);
  }

  @Get('reports/search-queries')
  @ApiOperation({
    summary: 'What the region searches for and does not find (admins and PPS leads)',
    description:
      'From the per-day counts of searches on /zoeken: the most searched words, searches without results per province and sector, and words searched without a good result. A query or word is listed only once at least 3 different visitors searched it (each counted once a day; the figures are searches); who searched is never stored.',
  })
  @ApiOkResponse({ type: SearchAnalyticsDto })
  @ApiForbiddenResponse({ type: ProblemDetailsDto })
  searchQueries(
    @CurrentPrincipal() principal: Principal,
    @Query() query: SearchAnalyticsQueryDto,
  ): Promise<SearchAnalyticsDto> {
    return this.analytics.report(principal, query.days ?? SEARCH_ANALYTICS_PERIODS[0]);
  }
}
