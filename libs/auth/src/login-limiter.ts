import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { Clock, DomainException } from '@bouwsteen/common';
import { LoginAttemptsRepository } from './login-attempts.repository';
import { AuthError } from './auth.errors';

export class TooManyAttemptsError extends DomainException {
  constructor(retryAfterSeconds: number) {
    super(
      AuthError.TooManyAttempts,
      `Too many unsuccessful sign-ins from this address; try again in ${retryAfterSeconds} seconds`,
      { headers: { 'Retry-After': String(retryAfterSeconds) } },
    );
  }
}

/**
 * Two limits on unsuccessful sign-ins within one window: per account and address (guessing one
 * password) and per address over all accounts (password spraying). Only failures count, so a
 * school where hundreds of teachers sign in from one address is never slowed down. Every attempt
 * is recorded before the password is checked and forgotten when it succeeds, so parallel
 * guesses cannot slip past the count.
 */
@Injectable()
export class LoginLimiter {
  private lastCleanup = 0;

  constructor(
    private readonly attempts: LoginAttemptsRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts this attempt; throws 429 when a limit is passed. Returns the attempt to `succeeded`. */
  async begin(address: string, emailKey: string): Promise<string> {
    const { loginLimit, loginAddressLimit, loginWindowSeconds } = this.config.auth;
    await this.cleanup(loginWindowSeconds);
    const attempt = await this.attempts.begin(address, emailKey);
    const counts = await this.attempts.counts(address, emailKey, loginWindowSeconds);
    if (counts.account > loginLimit || counts.address > loginAddressLimit) {
      throw new TooManyAttemptsError(
        Math.max(1, Math.ceil(loginWindowSeconds - counts.oldestAgeSeconds)),
      );
    }
    return attempt;
  }

  succeeded(attempt: string): Promise<void> {
    return this.attempts.forget(attempt);
  }

  private async cleanup(windowSeconds: number): Promise<void> {
    const now = this.clock.now().getTime();
    if (now - this.lastCleanup < 60_000) return;
    this.lastCleanup = now;
    await this.attempts.deleteOlderThan(windowSeconds);
  }
}
