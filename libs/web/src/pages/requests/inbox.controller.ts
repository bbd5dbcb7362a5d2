import { Body, Controller, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Auth, CurrentPrincipal, Principal } from '@bouwsteen/auth';
import { RequestsService } from '@bouwsteen/requests';
import { HtmlForm, HtmlPage } from '../../http/html-page.decorator';
import { safeReturnPath, send } from '../../http/page-answer';
import { Page, PageContext } from '../../http/page-context';
import { InboxPage, inboxPath } from './inbox.page';

type Form = Record<string, unknown>;

/** A PPS's inbox of requests for material: its editors and admins (RequestPolicy decides). */
@Auth({ roles: ['pps-editor', 'admin'] })
@Controller('mijn-pps/verzoeken')
export class InboxController {
  constructor(
    private readonly inbox: InboxPage,
    private readonly requests: RequestsService,
  ) {}

  @HtmlPage('')
  show(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Query() query: Record<string, unknown>,
  ): Promise<string> {
    return this.inbox.render(page, principal, query);
  }

  /** Handled (afgehandeld=ja) or open again (nee); back to the page it was on. */
  @HtmlForm(':id/afgehandeld')
  async markHandled(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    const handled = body.afgehandeld !== 'nee';
    const request = await this.requests.markHandled(principal, id, handled);
    const back = safeReturnPath(body.terug, inboxPath(request.ppsId));
    const notice = handled ? 'afgehandeld' : 'heropend';
    send(response, {
      redirect: `${back.replace(/&melding=[^&]*/, '')}${back.includes('?') ? '&' : '?'}melding=${notice}`,
    });
  }
}
