import { Body, Controller, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Auth, CurrentPrincipal, Principal } from '@bouwsteen/auth';
import { HtmlForm, HtmlPage } from '../../http/html-page.decorator';
import { send } from '../../http/page-answer';
import { Page, PageContext } from '../../http/page-context';
import { AdminPage } from './admin.page';
import { ChangesPage } from './changes.page';
import { BackgroundJobsPage } from './jobs.page';
import { PpsAdminPage } from './pps-admin.page';
import { SearchIndexPage } from './search-index.page';
import { UsersAdminPage } from './users.page';

type Form = Record<string, unknown>;

/** Admins only, like the admin routes of the API. */
@Auth({ roles: ['admin'] })
@Controller('beheer')
export class AdminController {
  constructor(
    private readonly admin: AdminPage,
    private readonly accounts: UsersAdminPage,
    private readonly records: PpsAdminPage,
    private readonly searchIndex: SearchIndexPage,
    private readonly jobs: BackgroundJobsPage,
    private readonly changeLog: ChangesPage,
  ) {}

  @HtmlPage('')
  overview(@Page() page: PageContext): Promise<string> {
    return this.admin.overview(page);
  }

  @HtmlPage('gebruikers')
  users(@Page() page: PageContext, @Query() query: Form): Promise<string> {
    return this.accounts.userList(page, query);
  }

  @HtmlForm('gebruikers')
  async invite(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.accounts.invite(page, principal, body));
  }

  @HtmlPage('gebruikers/:id')
  user(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('melding') code: unknown,
  ): Promise<string> {
    return this.accounts.userForm(page, id, { code });
  }

  @HtmlForm('gebruikers/:id')
  async saveUser(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.accounts.saveUser(page, principal, id, body));
  }

  @HtmlForm('gebruikers/:id/wachtwoordlink')
  async newPasswordLink(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.accounts.newPasswordLink(page, principal, id));
  }

  @HtmlPage('gebruikers/:id/verwijderen')
  deleteUserForm(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<string> {
    return this.accounts.deleteForm(page, id);
  }

  @HtmlForm('gebruikers/:id/verwijderen')
  async deleteUser(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.accounts.deleteUser(page, principal, id));
  }

  @HtmlPage('pps')
  ppsList(@Page() page: PageContext): Promise<string> {
    return this.records.ppsList(page);
  }

  @HtmlPage('pps/:id')
  pps(@Page() page: PageContext, @Param('id', ParseUUIDPipe) id: string): Promise<string> {
    return this.records.ppsForm(page, id);
  }

  @HtmlForm('pps/:id')
  async savePps(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.records.savePps(page, principal, id, body));
  }

  @HtmlPage('organisaties/:id')
  organisation(@Page() page: PageContext, @Param('id', ParseUUIDPipe) id: string): Promise<string> {
    return this.records.organisationForm(page, id);
  }

  @HtmlForm('organisaties/:id')
  async saveOrganisation(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.records.saveOrganisation(page, principal, id, body));
  }

  @HtmlPage('zoekindex')
  searchPipeline(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Query('melding') code: unknown,
  ): Promise<string> {
    return this.searchIndex.show(page, principal, code);
  }

  @HtmlForm('zoekindex/herstel')
  async retry(@Res() response: Response): Promise<void> {
    send(response, await this.searchIndex.retryParked());
  }

  @HtmlPage('taken')
  backgroundJobs(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Query('pagina') pageNumber: unknown,
    @Query('melding') code: unknown,
  ): Promise<string> {
    return this.jobs.list(page, principal, pageNumber, code);
  }

  @HtmlForm('taken/:id/verwijderen')
  async acknowledge(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.jobs.remove(principal, id));
  }

  @HtmlPage('wijzigingen')
  changes(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Query('bouwstenen') blocksFrom: unknown,
    @Query('beheer') adminFrom: unknown,
  ): Promise<string> {
    return this.changeLog.show(page, principal, { blocksFrom, adminFrom });
  }
}
