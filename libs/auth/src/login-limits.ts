/** Failed sign-ins within the window, this attempt included (it is counted before the check). */
export interface AttemptCounts {
  /** For this account from this address. */
  account: number;
  /** For any account from this address. */
  address: number;
  /** Seconds since the oldest counted attempt for this account from this address. */
  accountOldestAgeSeconds: number;
  /** Seconds since the oldest counted attempt from this address. */
  addressOldestAgeSeconds: number;
}

export interface LoginLimits {
  account: number;
  address: number;
  windowSeconds: number;
  slowdownMs: number;
  maxSlowdownMs: number;
}

export type LoginVerdict =
  /** Too many failures for this account from this address: refused before any check. */
  | { refuse: true; retryAfterSeconds: number }
  /**
   * Check the password, after `delayMs` when the address is past its limit (`slowed`): a right
   * password then signs in, a wrong one is refused until `retryAfterSeconds`.
   */
  | { refuse: false; slowed: boolean; delayMs: number; retryAfterSeconds: number };

/**
 * The sign-in limits. Guessing one account's password is refused per account and address. The
 * limit per address over all accounts (password spraying) slows down instead of refusing: a
 * school's staff shares one address, and one pupil's failures must not lock every teacher out.
 * The delay grows by `slowdownMs` with each failure past the limit, up to `maxSlowdownMs`, so
 * a guesser who waits for each answer gets slower and slower, and a teacher waits at most that.
 */
export function judgeAttempt(counts: AttemptCounts, limits: LoginLimits): LoginVerdict {
  const retryAfter = (oldestAgeSeconds: number) =>
    Math.max(1, Math.ceil(limits.windowSeconds - oldestAgeSeconds));
  if (counts.account > limits.account)
    return { refuse: true, retryAfterSeconds: retryAfter(counts.accountOldestAgeSeconds) };
  const pastLimit = counts.address - limits.address;
  return {
    refuse: false,
    slowed: pastLimit > 0,
    delayMs: pastLimit > 0 ? Math.min(limits.maxSlowdownMs, pastLimit * limits.slowdownMs) : 0,
    retryAfterSeconds: retryAfter(counts.addressOldestAgeSeconds),
  };
}
