import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { Clock, DomainException, fingerprint } from '@bouwsteen/common';
import { AuthService } from '../auth.service';
import { LoginDto } from '../dto/login.dto';
import { PrincipalLoader } from '../identity/principal-loader';
import { Principal } from '../principal';
import { Role } from '../roles';
import { WebSessionsRepository } from './web-sessions.repository';

export interface StartedSession {
  /** The cookie's value: shown to the browser once, stored only as its fingerprint. */
  secret: string;
  expiresAt: Date;
  role: Role;
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
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(credentials: LoginDto, address: string): Promise<StartedSession> {
    const user = await this.auth.verifyCredentials(credentials, address);
    const now = this.clock.now();
    await this.sessions.deleteExpired(now);
    const secret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.auth.sessionTtlSeconds * 1000);
    await this.sessions.create(fingerprint(secret), user.id, user.tokenVersion, expiresAt);
    return { secret, expiresAt, role: user.role };
  }

  /** The account behind a cookie, or undefined when the session ended, expired or lost its account. */
  async resolve(secret: string): Promise<Principal | undefined> {
    const stored = await this.sessions.findLive(fingerprint(secret), this.clock.now());
    if (!stored) return undefined;
    try {
      return await this.loader.load(stored.userId, 'session', {
        tokenVersion: stored.tokenVersion,
      });
    } catch (error) {
      if (!(error instanceof DomainException) || error.status !== 401) throw error;
      await this.sessions.delete(fingerprint(secret));
      return undefined;
    }
  }

  end(secret: string): Promise<void> {
    return this.sessions.delete(fingerprint(secret));
  }
}
