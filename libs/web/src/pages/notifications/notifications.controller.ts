import { Body, Controller, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Auth, CurrentPrincipal, Principal } from '@bouwsteen/auth';
import { HtmlForm, HtmlPage } from '../../http/html-page.decorator';
import { send } from '../../http/page-answer';
import { Page, PageContext } from '../../http/page-context';
import { NotificationsPage } from './notifications.page';

type Form = Record<string, unknown>;

/** "Meldingen": every signed-in person's own notifications (FollowService decides whose). */
@Auth()
@Controller('mijn-meldingen')
export class NotificationsPageController {
  constructor(private readonly notifications: NotificationsPage) {}

  @HtmlPage('')
  show(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Query() query: Form,
  ): Promise<string> {
    return this.notifications.render(page, principal, query);
  }

  @HtmlForm('alles-gelezen')
  async markAllRead(
    @CurrentPrincipal() principal: Principal,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.notifications.markAllRead(principal, body));
  }

  @HtmlForm(':id/gelezen')
  async markRead(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.notifications.markRead(principal, id, body));
  }
}
