import { Inject, Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { Clock, DomainException } from '@bouwsteen/common';
import { LoginAttemptsRepository } from './login-attempts.repository';
import { LoginLimits, judgeAttempt } from './login-limits';
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

/** An attempt under way: `slowed` when its address is past its limit (see judgeAttempt). */
export interface LoginAttempt {
  id: string;
  slowed: boolean;
  retryAfterSeconds: number;
}

/**
 * Applies the sign-in limits (judgeAttempt) to the failures counted in PostgreSQL, shared by
 * every API process. Only failures count, so a school where hundreds of teachers sign in from
 * one address is never slowed down. Every attempt is recorded before the password is checked
 * and forgotten when it succeeds, so parallel guesses cannot slip past the count, and each one
 * is slowed by the ones in flight beside it.
 */
@Injectable()
export class LoginLimiter {
  private lastCleanup = 0;
  private readonly limits: LoginLimits;

  constructor(
    private readonly attempts: LoginAttemptsRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const { auth } = config;
    this.limits = {
      account: auth.loginLimit,
      address: auth.loginAddressLimit,
      windowSeconds: auth.loginWindowSeconds,
      slowdownMs: auth.loginSlowdownMs,
      maxSlowdownMs: auth.loginSlowdownMaxMs,
    };
  }

  /**
   * Counts this attempt; throws 429 when this account's limit from this address is passed, and
   * waits first when the address's limit is. Returns the attempt to `succeeded` or `failed`.
   */
  async begin(address: string, emailKey: string): Promise<LoginAttempt> {
    await this.cleanup();
    const id = await this.attempts.begin(address, emailKey);
    const verdict = judgeAttempt(
      await this.attempts.counts(address, emailKey, this.limits.windowSeconds),
      this.limits,
    );
    if (verdict.refuse) throw new TooManyAttemptsError(verdict.retryAfterSeconds);
    if (verdict.delayMs > 0) await sleep(verdict.delayMs);
    return { id, slowed: verdict.slowed, retryAfterSeconds: verdict.retryAfterSeconds };
  }

  succeeded(attempt: LoginAttempt): Promise<void> {
    return this.attempts.forget(attempt.id);
  }

  /**
   * A wrong password (it stays counted): refused as too many attempts from an address past its
   * limit, so a sprayer is told to wait; otherwise the caller answers it as wrong.
   */
  failed(attempt: LoginAttempt): void {
    if (attempt.slowed) throw new TooManyAttemptsError(attempt.retryAfterSeconds);
  }

  private async cleanup(): Promise<void> {
    const now = this.clock.now().getTime();
    if (now - this.lastCleanup < 60_000) return;
    this.lastCleanup = now;
    await this.attempts.deleteOlderThan(this.limits.windowSeconds);
  }
}
