import { Body, Controller, Header, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Auth, CurrentPrincipal, Principal } from '@bouwsteen/auth';
import { HtmlForm, HtmlPage } from '../../http/html-page.decorator';
import { send } from '../../http/page-answer';
import { Page, PageContext } from '../../http/page-context';
import { AssetActionsPage } from './asset-actions.page';
import { DiscardDraftPage } from './discard-draft.page';
import { AssetEditorPage } from './asset-editor.page';
import { MyPpsPage } from './dashboard.page';

type Form = Record<string, unknown>;

/** The PPS lead's pages. Every route is for editors and admins; each write re-checks the policy. */
@Auth({ roles: ['pps-editor', 'admin'] })
@Controller('mijn-pps')
export class MyPpsController {
  constructor(
    private readonly dashboard: MyPpsPage,
    private readonly editor: AssetEditorPage,
    private readonly actions: AssetActionsPage,
    private readonly discardPage: DiscardDraftPage,
  ) {}

  @HtmlPage('')
  show(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Query() query: Record<string, unknown>,
  ): Promise<string> {
    return this.dashboard.render(page, principal, query);
  }

  @HtmlPage('nieuw')
  newForm(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Query('soort') kind: unknown,
    @Query('pps') pps: unknown,
  ): Promise<string> {
    return this.editor.newForm(page, principal, kind, pps);
  }

  @HtmlForm('nieuw')
  async create(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.editor.create(page, principal, body));
  }

  /** The "Dit bestaat al" panel for htmx, while the lead types. */
  @HtmlForm('bestaat-al')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  panel(@CurrentPrincipal() principal: Principal, @Body() body: Form): Promise<string> {
    return this.editor.panel(principal, body);
  }

  @HtmlPage('bouwstenen/:id')
  editForm(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('melding') code: unknown,
  ): Promise<string> {
    return this.editor.editForm(page, principal, id, code);
  }

  @HtmlForm('bouwstenen/:id')
  async save(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.editor.save(page, principal, id, body));
  }

  @HtmlPage('bouwstenen/:id/publiceren')
  publishForm(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<string> {
    return this.actions.publishForm(page, principal, id);
  }

  @HtmlForm('bouwstenen/:id/publiceren')
  async publish(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.actions.publish(page, principal, id, body));
  }

  @HtmlPage('bouwstenen/:id/archiveren')
  archiveForm(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: Form,
  ): Promise<string> {
    return this.actions.archiveForm(page, principal, id, {}, query);
  }

  @HtmlForm('bouwstenen/:id/archiveren')
  async archive(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.actions.archive(page, principal, id, body));
  }

  @HtmlPage('bouwstenen/:id/concept-weggooien')
  discardForm(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<string> {
    return this.discardPage.render(page, principal, id);
  }

  @HtmlForm('bouwstenen/:id/concept-weggooien')
  async discard(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.actions.discard(principal, id, body));
  }
}
