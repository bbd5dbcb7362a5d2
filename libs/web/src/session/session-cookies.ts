import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { parse } from 'cookie';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';

/**
 * The two cookies of the pages. The session cookie carries the secret of a signed-in browser;
 * the form cookie a random value that binds form tokens to this browser before sign-in. Both
 * are HttpOnly and SameSite=Lax; outside development they are Secure and use the `__Host-`
 * prefix, so no other host or plain-HTTP page can set or read them.
 */
@Injectable()
export class SessionCookies {
  readonly secure: boolean;
  readonly session: string;
  readonly form: string;
  /** Binds a sign-in through an institution to the browser that started it (10 minutes). */
  readonly federation: string;
  private readonly sessionTtlMs: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.secure = config.env !== 'development';
    const prefix = this.secure ? '__Host-' : '';
    this.session = `${prefix}bouwsteen-sessie`;
    this.form = `${prefix}bouwsteen-formulier`;
    this.federation = `${prefix}bouwsteen-instelling`;
    this.sessionTtlMs = config.auth.sessionTtlSeconds * 1000;
  }

  read(header: string | undefined): { session?: string; form?: string; federation?: string } {
    if (!header) return {};
    const jar = parse(header);
    return {
      session: jar[this.session] || undefined,
      form: jar[this.form] || undefined,
      federation: jar[this.federation] || undefined,
    };
  }

  /**
   * SameSite=Lax, like the others: the issuer sends the browser back with a top-level GET,
   * which carries it; a page on another site cannot post it along.
   */
  setFederation(response: Response, secret: string): void {
    response.cookie(this.federation, secret, { ...this.options(), maxAge: 10 * 60 * 1000 });
  }

  clearFederation(response: Response): void {
    response.clearCookie(this.federation, this.options());
  }

  setSession(response: Response, secret: string): void {
    response.cookie(this.session, secret, { ...this.options(), maxAge: this.sessionTtlMs });
  }

  clearSession(response: Response): void {
    response.clearCookie(this.session, this.options());
  }

  /** No expiry: it lives as long as the browser session, and means nothing on its own. */
  setForm(response: Response, value: string): void {
    response.cookie(this.form, value, this.options());
  }

  private options() {
    return { httpOnly: true, secure: this.secure, sameSite: 'lax' as const, path: '/' };
  }
}
