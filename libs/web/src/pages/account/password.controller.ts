import { Body, Controller, Headers, Param, Res } from '@nestjs/common';
import { ClientAddress } from '@bouwsteen/common';
import type { Response } from 'express';
import {
  Auth,
  CurrentPrincipal,
  PasswordLinksService,
  Principal,
  RenewedAccount,
  WebSessionsService,
} from '@bouwsteen/auth';
import { HtmlForm, HtmlPage } from '../../http/html-page.decorator';
import { send } from '../../http/page-answer';
import { Page, PageContext } from '../../http/page-context';
import { SessionCookies } from '../../session/session-cookies';
import { PasswordLinkPage } from './password-link.page';
import { PasswordPage } from './password.page';

type Form = Record<string, unknown>;

/**
 * Passwords and sessions on the pages: one's own password (also the first page of an account
 * whose password an admin chose), an invitation or reset link, and "afmelden overal". Each
 * change ends every credential of the account; the browser that made it goes on with a new
 * session (the old cookie's session ended with the rest).
 */
@Controller()
export class PasswordPageController {
  constructor(
    private readonly password: PasswordPage,
    private readonly link: PasswordLinkPage,
    private readonly sessions: WebSessionsService,
    private readonly cookies: SessionCookies,
    private readonly links: PasswordLinksService,
  ) {}

  @Auth({ beforeNewPassword: true })
  @HtmlPage('mijn-account/wachtwoord')
  passwordForm(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
  ): Promise<string> {
    return this.password.render(page, principal);
  }

  @Auth({ beforeNewPassword: true })
  @HtmlForm('mijn-account/wachtwoord')
  async changePassword(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Body() body: Form,
    @ClientAddress() address: string,
    @Headers('user-agent') userAgent: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    send(
      response,
      await this.password.submit(page, principal, body, address, (account) =>
        this.continueSession(response, account, userAgent),
      ),
    );
  }

  /**
   * "Wachtwoord instellen" of an account without a password: a one-time link for oneself, and
   * on to its page (the secret only in this redirect, never in a log).
   */
  @Auth()
  @HtmlForm('mijn-account/wachtwoord-instellen')
  async ownPasswordLink(
    @CurrentPrincipal() principal: Principal,
    @Res() response: Response,
  ): Promise<void> {
    send(response, { redirect: await this.links.issueOwn(principal) });
  }

  @Auth()
  @HtmlForm('mijn-account/afmelden-overal')
  async signOutEverywhere(
    @CurrentPrincipal() principal: Principal,
    @Headers('user-agent') userAgent: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const account = await this.sessions.endEverywhere(principal);
    await this.continueSession(response, account, userAgent);
    send(response, { redirect: '/mijn-account?melding=overal-afgemeld' });
  }

  @Auth({ public: true, beforeNewPassword: true })
  @HtmlPage('wachtwoord-instellen/:geheim')
  async linkForm(
    @Page() page: PageContext,
    @Param('geheim') secret: string,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.link.show(page, secret));
  }

  @Auth({ public: true, beforeNewPassword: true })
  @HtmlForm('wachtwoord-instellen/:geheim')
  async setFromLink(
    @Page() page: PageContext,
    @Param('geheim') secret: string,
    @Body() body: Form,
    @Headers('user-agent') userAgent: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    send(
      response,
      await this.link.submit(page, secret, body, (account) =>
        this.continueSession(response, account, userAgent),
      ),
    );
  }

  private async continueSession(
    response: Response,
    account: RenewedAccount,
    userAgent: string | undefined,
  ): Promise<void> {
    const started = await this.sessions.startFor(account, userAgent);
    this.cookies.setSession(response, started.secret);
  }
}
