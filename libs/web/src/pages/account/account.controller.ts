import { Body, Controller, Headers, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ClientAddress } from '@bouwsteen/common';
import type { Response } from 'express';
import {
  Auth,
  CurrentPrincipal,
  FederationService,
  Principal,
  WebSessionsService,
} from '@bouwsteen/auth';
import { HtmlForm, HtmlPage } from '../../http/html-page.decorator';
import { send } from '../../http/page-answer';
import { Page, PageContext } from '../../http/page-context';
import { SessionCookies } from '../../session/session-cookies';
import { AccountPage, accountNotice } from './account.page';
import { SignInPage } from './sign-in.page';
import { DeleteAccountPage } from './delete-account.page';

@Controller()
export class AccountPageController {
  constructor(
    private readonly signInPage: SignInPage,
    private readonly account: AccountPage,
    private readonly sessions: WebSessionsService,
    private readonly cookies: SessionCookies,
    private readonly federation: FederationService,
    private readonly deletion: DeleteAccountPage,
  ) {}

  @Auth({ public: true })
  @HtmlPage('inloggen')
  signInForm(@Page() page: PageContext, @Query('terug') back: unknown): Promise<string> {
    return this.signInPage.render(page, back);
  }

  @Auth({ public: true })
  @HtmlForm('inloggen')
  async signIn(
    @Page() page: PageContext,
    @Body() body: Record<string, unknown>,
    @ClientAddress() address: string,
    @Headers('user-agent') userAgent: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    send(
      response,
      await this.signInPage.submit(page, body, address, userAgent, (secret) =>
        this.cookies.setSession(response, secret),
      ),
    );
  }

  /**
   * Ends the session on the server (the cookie alone would not be enough) and clears it. A
   * session started through an institution goes on to that issuer's logout (with its ID token
   * as hint) when it has one, else to /uitgelogd, which says the issuer may still know them.
   */
  @Auth({ public: true, beforeNewPassword: true })
  @HtmlForm('uitloggen')
  async signOut(@Res() response: Response): Promise<void> {
    const secret = response.locals.sessionSecret as string | undefined;
    const federation = secret ? await this.sessions.end(secret) : undefined;
    this.cookies.clearSession(response);
    if (!federation) return send(response, { redirect: '/' });
    const issuerLogout = await this.federation.endSessionUrl(federation.issuer, federation.idToken);
    send(response, { redirect: issuerLogout ?? '/uitgelogd' });
  }

  @Auth()
  @HtmlPage('mijn-account')
  show(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Query('melding') code: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    return this.account.render(page, principal, {
      message: accountNotice(code),
      sessionSecret: response.locals.sessionSecret as string | undefined,
    });
  }

  /**
   * "Afmelden" beside one browser in the list: ends that session. This browser's own ends as
   * "Uitloggen" does (the cookie cleared too); another's sends the list back without it.
   */
  @Auth()
  @HtmlForm('mijn-account/sessies/:id/afmelden')
  async signOutOne(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    const secret = response.locals.sessionSecret as string | undefined;
    const { current } = await this.sessions.endOne(principal, id, secret);
    if (current) {
      this.cookies.clearSession(response);
      send(response, { redirect: '/' });
      return;
    }
    send(response, { redirect: '/mijn-account?melding=browser-afgemeld' });
  }

  @Auth()
  @HtmlForm('mijn-account/sleutels')
  async createToken(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const secret = response.locals.sessionSecret as string | undefined;
    send(response, await this.account.create(page, principal, body, secret));
  }

  @Auth()
  @HtmlForm('mijn-account/sleutels/:id/intrekken')
  async revokeToken(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.account.revoke(page, principal, id));
  }

  @Auth()
  @HtmlPage('mijn-account/verwijderen')
  deleteForm(@Page() page: PageContext, @CurrentPrincipal() principal: Principal): Promise<string> {
    return this.deletion.render(page, principal);
  }

  @Auth()
  @HtmlForm('mijn-account/verwijderen')
  async deleteAccount(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Body() body: Record<string, unknown>,
    @ClientAddress() address: string,
    @Res() response: Response,
  ): Promise<void> {
    send(
      response,
      await this.deletion.submit(page, principal, body, address, () =>
        this.cookies.clearSession(response),
      ),
    );
  }

  @Auth({ public: true })
  @HtmlPage('account-verwijderd')
  deleted(@Page() page: PageContext): Promise<string> {
    return this.deletion.deleted(page);
  }
}
