import { REQUEST_LIMIT, judgeRequest } from './request-rules';

const fresh = { count: 0, oldestAgeSeconds: 0 };

describe('how often a request for material may be sent', () => {
  it('lets a sender send up to the limit within the hour', () => {
    expect(judgeRequest({ sender: fresh, email: fresh })).toEqual({ allowed: true });
    expect(
      judgeRequest({
        sender: { count: REQUEST_LIMIT - 1, oldestAgeSeconds: 100 },
        email: { count: REQUEST_LIMIT - 1, oldestAgeSeconds: 100 },
      }),
    ).toEqual({ allowed: true });
  });

  it('refuses the next one from the same network address, until the oldest is an hour old', () => {
    expect(
      judgeRequest({ sender: { count: REQUEST_LIMIT, oldestAgeSeconds: 600 }, email: fresh }),
    ).toEqual({ allowed: false, retryAfterSeconds: 3000 });
  });

  it('refuses the next one for the same e-mail address from anywhere', () => {
    expect(
      judgeRequest({ sender: fresh, email: { count: REQUEST_LIMIT, oldestAgeSeconds: 3599.2 } }),
    ).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('says the earliest moment either limit frees a place', () => {
    expect(
      judgeRequest({
        sender: { count: REQUEST_LIMIT + 2, oldestAgeSeconds: 1000 },
        email: { count: REQUEST_LIMIT, oldestAgeSeconds: 3000 },
      }),
    ).toEqual({ allowed: false, retryAfterSeconds: 2600 });
  });
});
