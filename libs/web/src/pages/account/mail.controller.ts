import { Body, Controller, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Auth, CurrentPrincipal, Principal } from '@bouwsteen/auth';
import { HtmlForm, HtmlPage } from '../../http/html-page.decorator';
import { send } from '../../http/page-answer';
import { Page, PageContext } from '../../http/page-context';
import { MailSettingsPage } from './mail-settings.page';
import { UnsubscribePage } from './unsubscribe.page';

const NOTICES: Record<string, string> = { opgeslagen: 'Uw e-mailinstellingen zijn opgeslagen.' };

@Controller()
export class MailPageController {
  constructor(
    private readonly settings: MailSettingsPage,
    private readonly unsubscribePage: UnsubscribePage,
  ) {}

  @Auth()
  @HtmlPage('mijn-account/e-mail')
  show(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Query('melding') code: unknown,
  ): Promise<string> {
    return this.settings.render(
      page,
      principal,
      typeof code === 'string' && Object.hasOwn(NOTICES, code) ? NOTICES[code] : undefined,
    );
  }

  @Auth()
  @HtmlForm('mijn-account/e-mail')
  async save(
    @CurrentPrincipal() principal: Principal,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.settings.submit(principal, body));
  }

  @Auth({ public: true })
  @HtmlPage('e-mail/afmelden')
  confirm(@Page() page: PageContext, @Query('code') code: unknown): Promise<string> {
    return this.unsubscribePage.render(page, code);
  }

  /** The one-click POST (RFC 8058) and the confirm page's button: no session, no form token. */
  @Auth({ public: true })
  @HtmlForm('e-mail/afmelden')
  async unsubscribe(
    @Page() page: PageContext,
    @Query('code') code: unknown,
    @Res() response: Response,
  ): Promise<void> {
    send(response, { html: await this.unsubscribePage.submit(page, code) });
  }
}
