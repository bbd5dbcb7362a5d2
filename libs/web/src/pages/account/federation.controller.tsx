import { Body, Controller, Get, Headers, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Auth, AuthError, CurrentPrincipal, FederationService, Principal } from '@bouwsteen/auth';
import { ClientAddress, DomainException } from '@bouwsteen/common';
import { HtmlForm, HtmlPage } from '../../http/html-page.decorator';
import { safeReturnPath, send } from '../../http/page-answer';
import { Page, PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';
import { SessionCookies } from '../../session/session-cookies';
import { startPath } from './sign-in.page';
import { AccountPage } from './account.page';
import { FEDERATION_TEXTS } from './federation-texts';

/**
 * Sign-in through an institution (OpenID Connect): the button posts here and the browser goes
 * on to the issuer; the issuer sends it back to `…/terug`, where FederationService checks the
 * answer and a session starts (or, from /mijn-account, the institution account is linked).
 * Every refusal is a Dutch error page with a 4xx (503 while an issuer is unreachable).
 */
@Controller()
export class FederationPageController {
  constructor(
    private readonly federation: FederationService,
    private readonly cookies: SessionCookies,
    private readonly site: SiteRenderer,
    private readonly account: AccountPage,
  ) {}

  @Auth({ public: true })
  @HtmlForm('inloggen/instelling/:key')
  async signIn(
    @Param('key') key: string,
    @Body() body: Record<string, unknown>,
    @ClientAddress() address: string,
    @Res() response: Response,
  ): Promise<void> {
    const start = await this.federation.begin(key, address, {
      back: safeReturnPath(body.terug, ''),
    });
    this.cookies.setFederation(response, start.browserSecret);
    send(response, { redirect: start.url });
  }

  @Auth()
  @HtmlForm('mijn-account/instelling/:key')
  async link(
    @Param('key') key: string,
    @CurrentPrincipal() principal: Principal,
    @ClientAddress() address: string,
    @Res() response: Response,
  ): Promise<void> {
    const start = await this.federation.begin(key, address, {
      back: '',
      linkUserId: principal.userId,
    });
    this.cookies.setFederation(response, start.browserSecret);
    send(response, { redirect: start.url });
  }

  /**
   * "Ontkoppelen" beside a linked institution account; while it is the only way in, the
   * account page again with a Dutch explanation (409).
   */
  @Auth()
  @HtmlForm('mijn-account/instelling/:key/ontkoppelen')
  async unlink(
    @Page() page: PageContext,
    @Param('key') key: string,
    @CurrentPrincipal() principal: Principal,
    @Res() response: Response,
  ): Promise<void> {
    try {
      await this.federation.unlink(principal, key);
    } catch (error) {
      if (!(error instanceof DomainException) || error.code !== AuthError.FederationLastWayIn)
        throw error;
      const html = await this.account.render(page, principal, {
        problem: FEDERATION_TEXTS.lastWayIn,
        sessionSecret: response.locals.sessionSecret as string | undefined,
      });
      return send(response, { status: 409, html });
    }
    send(response, { redirect: '/mijn-account?melding=instelling-ontkoppeld' });
  }

  /** The issuer's answer (a top-level GET from the issuer's site, carrying our Lax cookies). */
  @Auth({ public: true })
  @Get('inloggen/instelling/:key/terug')
  @ApiExcludeEndpoint()
  async answer(
    @Param('key') key: string,
    @Req() request: Request,
    @CurrentPrincipal() principal: Principal | undefined,
    @Headers('user-agent') userAgent: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const query = request.originalUrl.includes('?')
      ? request.originalUrl.slice(request.originalUrl.indexOf('?') + 1)
      : '';
    const browserSecret = this.cookies.read(request.headers.cookie).federation;
    // Used once, whatever the answer: the cookie goes with the pending sign-in.
    this.cookies.clearFederation(response);
    const outcome = await this.federation.complete(key, query, browserSecret, principal, userAgent);
    if (outcome.kind === 'linked') {
      send(response, { redirect: '/mijn-account?melding=instelling-gekoppeld' });
      return;
    }
    this.cookies.setSession(response, outcome.session.secret);
    send(response, { redirect: outcome.back || startPath(outcome.session.role) });
  }

  /** Where an issuer's logout sends the browser back, and where ours ends without one. */
  @Auth({ public: true, beforeNewPassword: true })
  @HtmlPage('uitgelogd')
  signedOut(@Page() page: PageContext): Promise<string> {
    return this.site.page(
      page,
      {
        title: 'U bent uitgelogd',
        description: 'U bent uitgelogd bij Bouwsteen.',
        canonicalPath: '/uitgelogd',
        section: 'inloggen',
        noindex: true,
      },
      <div class="site-narrow">
        <h1 class="utrecht-heading-1">U bent uitgelogd</h1>
        <p class="utrecht-paragraph">
          U bent uitgelogd bij Bouwsteen. Logde u in met het account van uw instelling, dan bent u
          daar misschien nog ingelogd: sluit uw browser om ook daar uit te loggen, zeker op een
          computer die u met anderen deelt.
        </p>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/">
            Naar de startpagina
          </a>
        </p>
      </div>,
    );
  }
}
