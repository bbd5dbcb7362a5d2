import { AttemptCounts, LoginLimits, judgeAttempt } from './login-limits';

const limits: LoginLimits = {
  account: 5,
  address: 20,
  windowSeconds: 60,
  slowdownMs: 1000,
  maxSlowdownMs: 5000,
};
const counts = (account: number, address: number, ages = [10, 30]): AttemptCounts => ({
  account,
  address,
  accountOldestAgeSeconds: ages[0],
  addressOldestAgeSeconds: ages[1],
});

describe('sign-in limits', () => {
  it('checks at once while both limits hold', () => {
    expect(judgeAttempt(counts(5, 20), limits)).toEqual({
      refuse: false,
      slowed: false,
      delayMs: 0,
      retryAfterSeconds: 30,
    });
  });

  it('refuses an account guessed too often from one address, until its oldest failure leaves the window', () => {
    expect(judgeAttempt(counts(6, 6, [12.5, 12.5]), limits)).toEqual({
      refuse: true,
      retryAfterSeconds: 48,
    });
    // Also when the address is past its limit too.
    expect(judgeAttempt(counts(6, 40), limits).refuse).toBe(true);
  });

  it('slows every attempt from an address past its limit instead of refusing it, more with each failure, up to the maximum', () => {
    expect(judgeAttempt(counts(1, 21), limits)).toMatchObject({
      refuse: false,
      slowed: true,
      delayMs: 1000,
    });
    expect(judgeAttempt(counts(1, 23), limits)).toMatchObject({ delayMs: 3000 });
    expect(judgeAttempt(counts(1, 500), limits)).toMatchObject({ delayMs: 5000 });
  });

  it('answers at least one second of Retry-After, never zero', () => {
    expect(judgeAttempt(counts(6, 6, [60, 60]), limits)).toEqual({
      refuse: true,
      retryAfterSeconds: 1,
    });
  });
});
