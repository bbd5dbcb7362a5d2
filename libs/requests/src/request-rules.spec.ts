import { senderNetwork } from '@bouwsteen/common/pure';
import { REQUEST_LIMIT, judgeRequest, requestEmailKey } from './request-rules';

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

describe('whom the rate limit counts', () => {
  it('counts an IPv6 sender by its /64, so another address in it is the same sender', () => {
    const one = senderNetwork('2001:db8:1:2:aaaa:bbbb:cccc:1');
    expect(senderNetwork('2001:db8:1:2::ffff')).toBe(one);
    expect(senderNetwork('2001:DB8:1:2:0:0:0:1')).toBe(one);
    expect(senderNetwork('2001:db8:1:3::1')).not.toBe(one);
  });

  it('counts an IPv4 sender by its whole address, also in IPv6 form', () => {
    expect(senderNetwork('203.0.113.7')).toBe('203.0.113.7');
    expect(senderNetwork('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(senderNetwork('203.0.113.8')).not.toBe(senderNetwork('203.0.113.7'));
  });

  it('counts an e-mail address without letter case, spaces or a +tag in the local part', () => {
    const key = requestEmailKey('sanne@school.nl');
    expect(requestEmailKey('Sanne@School.NL')).toBe(key);
    expect(requestEmailKey(' sanne+klas2@school.nl ')).toBe(key);
    expect(requestEmailKey('SANNE+a+b@school.nl')).toBe(key);
    expect(requestEmailKey('ｓａｎｎｅ@school.nl')).toBe(key);
    expect(requestEmailKey('"sanne"@school.nl')).toBe(key);
    expect(requestEmailKey('"Sanne+x"@school.nl')).toBe(key);
  });

  it('keeps different mailboxes apart', () => {
    expect(requestEmailKey('sanne@school.nl')).not.toBe(requestEmailKey('sanne@school2.nl'));
    expect(requestEmailKey('s.anne@school.nl')).not.toBe(requestEmailKey('sanne@school.nl'));
    // A local part that is only a tag stays what it is (no empty mailbox name).
    expect(requestEmailKey('+x@school.nl')).toBe('+x@school.nl');
  });
});
