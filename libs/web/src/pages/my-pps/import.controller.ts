import { Body, Controller, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Auth, CurrentPrincipal, Principal } from '@bouwsteen/auth';
import { HtmlForm, HtmlPage } from '../../http/html-page.decorator';
import { send } from '../../http/page-answer';
import { Page, PageContext } from '../../http/page-context';
import { ImportPage } from './import.page';

/** A PPS lead's catalogue import in the browser; editors and admins, each step re-checked. */
@Auth({ roles: ['pps-editor', 'admin'] })
@Controller('mijn-pps/importeren')
export class MyPpsImportController {
  constructor(private readonly imports: ImportPage) {}

  @HtmlPage('')
  form(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Query('pps') pps: unknown,
  ): Promise<string> {
    return this.imports.form(page, principal, pps);
  }

  @HtmlForm('')
  async start(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Query('pps') pps: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.imports.start(page, principal, pps, request));
  }

  @HtmlPage(':id')
  job(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('pagina') pageNumber: unknown,
  ): Promise<string> {
    return this.imports.job(page, principal, id, pageNumber);
  }

  @HtmlForm(':id/echt')
  async runForReal(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.imports.runForReal(page, principal, id, body));
  }

  @HtmlForm(':id/stoppen')
  async stop(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.imports.stop(principal, id));
  }

  /** htmx polls this while the job runs and its check follows; at each end the whole page reloads. */
  @HtmlPage(':id/voortgang')
  async progress(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('wacht') waitedFor: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const { html, finished } = await this.imports.progress(principal, id, waitedFor);
    response.setHeader('Cache-Control', 'no-store');
    if (finished) response.setHeader('HX-Refresh', 'true');
    response.type('text/html; charset=utf-8').send(html);
  }
}
