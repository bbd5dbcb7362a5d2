import { createHmac, timingSafeEqual } from 'node:crypto';
import { MailType, isMailType } from './mail-types';

/** What a token switches off: one type, or (`digest`) every type that comes in the digest. */
export type UnsubscribeScope = MailType | 'digest';

function isScope(value: unknown): value is UnsubscribeScope {
  return value === 'digest' || isMailType(value);
}

/** Where a signed unsubscribe link leads (the token in the query: logs hold no query values). */
export const UNSUBSCRIBE_PATH = '/e-mail/afmelden';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function signature(key: Buffer, userId: string, type: string): string {
  return createHmac('sha256', key).update(`unsubscribe:${userId}:${type}`).digest('base64url');
}

/**
 * A token that switches one mail type off for one account, without signing in: the account
 * and the type, signed with HMAC-SHA256. It never expires (an old mail's link must still
 * work) and does nothing else; a changed key (JWT_SECRET) ends every token.
 */
export function unsubscribeToken(key: Buffer, userId: string, type: UnsubscribeScope): string {
  return `${userId}.${type}.${signature(key, userId, type)}`;
}

/** The account and type a token names, or undefined when it is not one this key signed. */
export function readUnsubscribeToken(
  key: Buffer,
  token: unknown,
): { userId: string; type: UnsubscribeScope } | undefined {
  if (typeof token !== 'string' || token.length > 200) return undefined;
  const [userId, type, sig, ...rest] = token.split('.');
  if (rest.length > 0 || !UUID.test(userId ?? '') || !isScope(type) || !sig) return undefined;
  const expected = Buffer.from(signature(key, userId, type));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return { userId, type };
}
