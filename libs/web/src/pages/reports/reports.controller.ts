import { Body, Controller, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Auth } from '@bouwsteen/auth';
import { HtmlForm, HtmlPage } from '../../http/html-page.decorator';
import { send } from '../../http/page-answer';
import { Page, PageContext } from '../../http/page-context';
import { ReportsPage } from './reports.page';

/** Public, like GET /api/v1/reports: funders and the public read them without an account. */
@Auth({ public: true })
@Controller('rapportages')
export class ReportsPageController {
  constructor(private readonly reports: ReportsPage) {}

  @HtmlPage('')
  overview(@Page() page: PageContext): Promise<string> {
    return this.reports.overview(page);
  }

  /** The PPS picker's target (a GET form): on to the report's own address. */
  @HtmlPage('pps')
  pick(@Query('id', ParseUUIDPipe) id: string, @Res() response: Response): void {
    send(response, { redirect: `/rapportages/pps/${id}` });
  }

  /** ?door= and ?van= page the two reuse lists (who reused its blocks, what it reused). */
  @HtmlPage('pps/:id')
  pps(
    @Page() page: PageContext,
    @Param('id') id: string,
    @Query('door') door: unknown,
    @Query('van') van: unknown,
  ): Promise<string> {
    return this.reports.ppsReport(page, id, { door, van });
  }

  @HtmlPage('instellingen/:id')
  leadInstitution(@Page() page: PageContext, @Param('id') id: string): Promise<string> {
    return this.reports.portfolio(page, 'instellingen', id);
  }

  @HtmlPage('provincies/:code')
  province(@Page() page: PageContext, @Param('code') code: string): Promise<string> {
    return this.reports.portfolio(page, 'provincies', code);
  }

  @HtmlPage('voorstel')
  async proposalForm(@Page() page: PageContext): Promise<string> {
    return (await this.reports.proposal(page)).html;
  }

  /** The check itself: a post, so the proposal's text is never part of an address. */
  @HtmlForm('voorstel')
  async proposal(
    @Page() page: PageContext,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.reports.proposal(page, body));
  }
}
