import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { Clock, DomainException, NotFoundError, fingerprint } from '@bouwsteen/common';
import { AuditTrail, TransactionRunner } from '@bouwsteen/database';
import { AccountCredentials } from '../account-credentials';
import { AuthError } from '../auth.errors';
import { AuthService } from '../auth.service';
import { LoginDto } from '../dto/login.dto';
import { PrincipalLoader } from '../identity/principal-loader';
import { Principal } from '../principal';
import { Role } from '../roles';
import { browserSummary } from './browser-summary';
import { SessionFederation, WebSessionsRepository } from './web-sessions.repository';

export interface StartedSession {
  /** The cookie's value: shown to the browser once, stored only as its fingerprint. */
  secret: string;
  expiresAt: Date;
  role: Role;
  /** Someone else chose the password: the pages send its owner to choose their own first. */
  mustChangePassword: boolean;
}

/** How many signed-in browsers /mijn-account lists; it says how many more there are. */
export const SESSIONS_SHOWN = 10;

/** The most GET /me/sessions lists. */
export const SESSIONS_LISTED = 100;

/** One of an account's signed-in browsers, as its list shows it. */
export interface SessionView {
  /** Names it to end it ("Afmelden" for this one browser). */
  id: string;
  startedAt: Date;
  lastSeenAt: Date | null;
  expiresAt: Date;
  browser: string;
  /** The browser asking. */
  current: boolean;
}

/**
 * Sign-in for the pages: the same credentials check, limits and account rules as the API's
 * token login, ending in a server-side session (so signing out really ends it) instead of a
 * bearer token.
 */
@Injectable()
export class WebSessionsService {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: WebSessionsRepository,
    private readonly loader: PrincipalLoader,
    private readonly credentials: AccountCredentials,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(credentials: LoginDto, address: string, userAgent?: string): Promise<StartedSession> {
    const user = await this.auth.verifyCredentials(credentials, address);
    return this.startFor(
      { id: user.id, role: user.role, tokenVersion: user.tokenVersion },
      userAgent,
      user.passwordChangeRequired,
    );
  }

  /**
   * A session for an account that just proved itself (a sign-in, a new password, a link): the
   * one a browser goes on with after a change ended all the others.
   */
  async startFor(
    account: { id: string; role: Role; tokenVersion: number },
    userAgent: string | undefined,
    mustChangePassword = false,
    federation?: SessionFederation,
  ): Promise<StartedSession> {
    const now = this.clock.now();
    await this.sessions.deleteExpired(now);
    const secret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.auth.sessionTtlSeconds * 1000);
    await this.sessions.create(
      fingerprint(secret),
      account.id,
      account.tokenVersion,
      expiresAt,
      browserSummary(userAgent),
      federation,
    );
    return { secret, expiresAt, role: account.role, mustChangePassword };
  }

  /** The account behind a cookie, or undefined when the session ended, expired or lost its account. */
  async resolve(secret: string): Promise<Principal | undefined> {
    const idHash = fingerprint(secret);
    const now = this.clock.now();
    const stored = await this.sessions.findLive(idHash, now);
    if (!stored) return undefined;
    try {
      const principal = await this.loader.load(stored.userId, 'session', {
        tokenVersion: stored.tokenVersion,
      });
      // Recorded at most once a minute, so reading pages does not make every request a write.
      if (!stored.lastSeenAt || now.getTime() - stored.lastSeenAt.getTime() >= 60_000)
        await this.sessions.touch(idHash, now);
      return principal;
    } catch (error) {
      if (!(error instanceof DomainException) || error.status !== 401) throw error;
      await this.sessions.delete(idHash);
      return undefined;
    }
  }

  /** Ends the session; says which issuer it was started through (with its ID token), if any. */
  end(secret: string): Promise<SessionFederation | undefined> {
    return this.sessions.delete(fingerprint(secret));
  }

  /**
   * The account's signed-in browsers that still sign in (an expired or ended one never shows):
   * the asking one (`secret`) first, then the most recently used, at most `limit`; `total`
   * counts them all, so the list can say how many more there are.
   */
  async list(
    principal: Principal,
    secret?: string,
    limit = SESSIONS_SHOWN,
  ): Promise<{ sessions: SessionView[]; total: number }> {
    const version = principal.tokenVersion ?? -1;
    const current = secret ? fingerprint(secret) : undefined;
    const { sessions, total } = await this.sessions.listLive(
      principal.userId,
      version,
      this.clock.now(),
      limit,
      current,
    );
    return {
      sessions: sessions.map(({ idHash, browser, ...rest }) => ({
        ...rest,
        browser: browser ?? 'Onbekende browser',
        current: idHash === current,
      })),
      total,
    };
  }

  /**
   * Ends one of the account's sessions ("Afmelden" beside it in the list): only one of its own
   * (another's id is not found, 404). Says whether it was the asking browser's, which the pages
   * then sign out as "Uitloggen" does.
   */
  async endOne(principal: Principal, id: string, secret?: string): Promise<{ current: boolean }> {
    const ended = await this.sessions.deleteOfUser(id, principal.userId);
    if (!ended) throw new NotFoundError(AuthError.SessionNotFound, 'session', id);
    return { current: secret !== undefined && ended === fingerprint(secret) };
  }

  /**
   * "Afmelden overal": ends every credential of the account (AccountCredentials: sessions,
   * access tokens and API tokens, this one's too); the pages then start a new session for the
   * browser that asked, so it alone stays signed in.
   */
  async endEverywhere(
    principal: Principal,
  ): Promise<{ id: string; role: Role; tokenVersion: number }> {
    const tokenVersion = await this.tx.run(async (manager) => {
      const version = await this.credentials.endAll(manager, principal.userId);
      await this.audit.record(manager, {
        actorId: principal.userId,
        action: 'updated',
        subjectType: 'account',
        subjectId: principal.userId,
        summary: `${principal.email}: signed out everywhere`,
      });
      return version;
    });
    return { id: principal.userId, role: principal.role, tokenVersion };
  }
}
