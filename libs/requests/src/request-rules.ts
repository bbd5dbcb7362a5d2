import { emailKey } from '@bouwsteen/auth/pure';

/**
 * The rules of a request for material, framework-free: how often one sender may ask, and how
 * long a request (personal data) is kept.
 */

/** Requests one network address, or one e-mail address, may send within the window. */
export const REQUEST_LIMIT = 5;
/** The window of the rate limit, in seconds (an hour). */
export const REQUEST_WINDOW_SECONDS = 3600;
/**
 * How long a request is kept: twelve months after it was sent, it is deleted with the personal
 * data it holds. Long enough to look back on a school year's questions; no longer.
 */
export const RETENTION_MONTHS = 12;
/** The sender's network address (as a keyed hash) is only needed for the rate limit. */
export const SENDER_KEY_HOURS = 24;

/**
 * The e-mail address the rate limit counts by: as an account's address is read (Unicode
 * folded, trimmed, lower case), and without a "+tag" in its local part, which reaches the same
 * mailbox ("sanne+1@school.nl" is "sanne@school.nl").
 */
export function requestEmailKey(address: string): string {
  const key = emailKey(address);
  const at = key.lastIndexOf('@');
  if (at < 0) return key;
  // A quoted local part ("sanne"@school.nl) is the same mailbox as the bare one.
  const quoted = /^"(.*)"$/.exec(key.slice(0, at));
  const local = quoted ? quoted[1] : key.slice(0, at);
  const plus = local.indexOf('+');
  return `${plus > 0 ? local.slice(0, plus) : local}${key.slice(at)}`;
}

export interface RecentRequests {
  /** From this network address within the window, with the age of the oldest in seconds. */
  sender: { count: number; oldestAgeSeconds: number };
  /** From this e-mail address within the window. */
  email: { count: number; oldestAgeSeconds: number };
}

/** Whether one more request may go; when not, after how many seconds one may. */
export function judgeRequest(
  recent: RecentRequests,
  limit = REQUEST_LIMIT,
  windowSeconds = REQUEST_WINDOW_SECONDS,
): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
  const full = [recent.sender, recent.email].filter((entry) => entry.count >= limit);
  if (full.length === 0) return { allowed: true };
  const oldest = Math.min(...full.map((entry) => entry.oldestAgeSeconds));
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(windowSeconds - oldest)) };
}
