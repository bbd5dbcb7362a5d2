import { Controller, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Auth, CurrentPrincipal, Principal } from '@bouwsteen/auth';
import { HtmlPage } from '../../http/html-page.decorator';
import { Page, PageContext } from '../../http/page-context';
import { PpsService } from '@bouwsteen/organisations';
import { workingPps } from '../my-pps/my-pps-scope';
import { SearchAnalyticsPage } from './search-analytics.page';
import { UsageDashboardPage } from './usage-dashboard.page';

/** A PPS's usage dashboard and its CSV: editors of that PPS and admins (UsagePolicy). */
@Auth({ roles: ['pps-editor', 'admin'] })
@Controller('mijn-pps')
export class UsageDashboardController {
  constructor(
    private readonly dashboard: UsageDashboardPage,
    private readonly pps: PpsService,
  ) {}

  @HtmlPage('gebruik')
  show(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Query() query: Record<string, unknown>,
  ): Promise<string> {
    return this.dashboard.render(page, principal, query);
  }

  /** Every block's line, the dashboard's columns; an admin who picked no PPS goes to the page. */
  @HtmlPage('gebruik.csv')
  async csv(
    @CurrentPrincipal() principal: Principal,
    @Query('pps') requested: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const pps = workingPps(principal, await this.pps.directory(), requested);
    if (!pps) {
      response.redirect(303, '/mijn-pps/gebruik');
      return;
    }
    const csv = await this.dashboard.csv(principal, pps.id);
    response
      .type('text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="gebruik-${pps.slug}.csv"`)
      .setHeader('Cache-Control', 'no-store')
      .send(csv);
  }
}

/** The region's search analytics: admins and PPS leads (UsagePolicy). */
@Auth({ roles: ['pps-editor', 'admin'] })
@Controller('rapportages')
export class SearchAnalyticsController {
  constructor(private readonly analytics: SearchAnalyticsPage) {}

  @HtmlPage('zoekvragen')
  show(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Query('periode') period: unknown,
  ): Promise<string> {
    return this.analytics.render(page, principal, period);
  }
}
