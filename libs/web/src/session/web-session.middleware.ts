import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { Principal, WebSessionsService } from '@bouwsteen/auth';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { DomainException } from '@bouwsteen/common';
import { FORM_TOKEN_FIELD } from '../forms/form-token';
import { WebError } from '../web.errors';
import { FormTokens } from './form-tokens';
import { SessionCookies } from './session-cookies';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Form posts that carry their own proof and so no form token: the unsubscribe link of a mail,
 * whose signed code names the one account and type it switches off, and which a mail program
 * posts from nowhere (RFC 8058 one-click: no cookie, no Origin of this site).
 */
const SELF_PROVING_POSTS = new Set(['/e-mail/afmelden']);

export type SessionRequest = Request & { principal?: Principal };

/**
 * Pages only (the API keeps its bearer tokens and never reads these cookies): resolves the
 * signed-in account from the session cookie, gives every page its form token, and refuses a
 * form post whose token or origin is not this site's. The global guard then applies each
 * route's @Auth rules to the principal found here, exactly as for a bearer token.
 */
@Injectable()
export class WebSessionMiddleware implements NestMiddleware {
  /** This site's origin (scheme, host and port) as browsers name it: PUBLIC_BASE_URL's. */
  private readonly origin: string;

  constructor(
    private readonly sessions: WebSessionsService,
    private readonly cookies: SessionCookies,
    private readonly tokens: FormTokens,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.origin = new URL(config.web.publicBaseUrl).origin;
  }

  async use(request: SessionRequest, response: Response, next: NextFunction): Promise<void> {
    try {
      const jar = this.cookies.read(request.headers.cookie);
      let binding: string | undefined;
      if (jar.session && !request.headers.authorization) {
        const principal = await this.sessions.resolve(jar.session);
        if (principal) {
          request.principal = principal;
          response.locals.sessionSecret = jar.session;
          binding = jar.session;
        } else this.cookies.clearSession(response);
      }
      if (!SAFE_METHODS.has(request.method) && !SELF_PROVING_POSTS.has(request.path))
        this.checkForm(request, binding ?? jar.form);
      if (!binding) {
        binding = jar.form ?? randomBytes(18).toString('base64url');
        if (!jar.form) this.cookies.setForm(response, binding);
      }
      response.locals.formToken = this.tokens.tokenFor(binding);
      // Every page carries this browser's form token (and, signed in, its account): a shared
      // cache must never hand it to someone else.
      response.setHeader('Cache-Control', 'private, no-cache');
      next();
    } catch (error) {
      next(error);
    }
  }

  private checkForm(request: Request, binding: string | undefined): void {
    const body = request.body as Record<string, unknown> | undefined;
    // A file upload's body is read by its handler, after this check: its form carries the
    // token in the address instead (logs hold no query values: apps/api request-context.ts).
    const multipart = /^multipart\/form-data/i.test(request.get('Content-Type') ?? '');
    const candidate =
      request.get('X-Form-Token') ??
      (multipart ? request.query[FORM_TOKEN_FIELD] : body?.[FORM_TOKEN_FIELD]);
    if (!this.sameOrigin(request)) throw new DomainException(WebError.FormOtherAddress);
    if (!binding || !this.tokens.matches(binding, candidate))
      throw new DomainException(WebError.FormExpired);
  }

  /**
   * Browsers send Origin on form posts; when present it must be this site's whole origin. Not
   * the Host header: that names no scheme (a page on http:// could post to https://), and a proxy
   * may rewrite it. "null" (a sandboxed or opaque origin) is never this site.
   */
  private sameOrigin(request: Request): boolean {
    const origin = request.get('Origin');
    if (origin === undefined) return true;
    if (!URL.canParse(origin)) return false;
    const sent = new URL(origin);
    if (sent.origin === this.origin) return true;
    // A site configured on a loopback name (a local start) is the same site under its other
    // loopback names: http://127.0.0.1:3000 is http://localhost:3000. Nobody else can reach it.
    const own = new URL(this.origin);
    return (
      LOOPBACK.has(own.hostname) &&
      LOOPBACK.has(sent.hostname) &&
      sent.protocol === own.protocol &&
      sent.port === own.port
    );
  }
}
