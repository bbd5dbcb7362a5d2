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
