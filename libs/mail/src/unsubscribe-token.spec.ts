import { randomBytes } from 'node:crypto';
import { seal, unseal } from './sealing';
import { readUnsubscribeToken, unsubscribeToken } from './unsubscribe-token';

const key = randomBytes(32);
const user = '3f8a1c52-9d1e-4b7a-8c0f-1a2b3c4d5e6f';

describe('unsubscribe tokens', () => {
  it('name the account and the type they were made for', () => {
    const token = unsubscribeToken(key, user, 'new-version');
    expect(readUnsubscribeToken(key, token)).toEqual({ userId: user, type: 'new-version' });
    expect(readUnsubscribeToken(key, unsubscribeToken(key, user, 'digest'))).toEqual({
      userId: user,
      type: 'digest',
    });
  });

  it('refuse another key, another type or account, and anything malformed', () => {
    const token = unsubscribeToken(key, user, 'new-version');
    const [, , sig] = token.split('.');
    expect(readUnsubscribeToken(randomBytes(32), token)).toBeUndefined();
    expect(readUnsubscribeToken(key, `${user}.review.${sig}`)).toBeUndefined();
    expect(
      readUnsubscribeToken(key, `3f8a1c52-9d1e-4b7a-8c0f-1a2b3c4d5e60.new-version.${sig}`),
    ).toBeUndefined();
    for (const bad of [
      undefined,
      42,
      '',
      'a.b.c',
      `${user}.spam.${sig}`,
      `${token}.x`,
      'x'.repeat(500),
    ])
      expect(readUnsubscribeToken(key, bad)).toBeUndefined();
  });
});

describe('sealing', () => {
  it('gives back what it sealed, and nothing for another key or a changed seal', () => {
    const sealed = seal(key, 'https://bouwsteen.example/wachtwoord-instellen/geheim');
    expect(sealed).not.toContain('geheim');
    expect(unseal(key, sealed)).toBe('https://bouwsteen.example/wachtwoord-instellen/geheim');
    expect(unseal(randomBytes(32), sealed)).toBeUndefined();
    expect(unseal(key, sealed.slice(0, -2) + 'AA')).toBeUndefined();
    expect(unseal(key, 'nonsense')).toBeUndefined();
  });
});
