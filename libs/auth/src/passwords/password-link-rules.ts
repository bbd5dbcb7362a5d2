/**
 * The rules of invitation and reset links, pure so they are tested without a database: how long
 * a link works, and what a stored link is worth at a moment.
 */
export const PASSWORD_LINK_PURPOSES = ['invitation', 'reset'] as const;
export type PasswordLinkPurpose = (typeof PASSWORD_LINK_PURPOSES)[number];

/** Where the page of a link lives; the secret follows it (logs redact it). */
export const PASSWORD_LINK_PATH = '/wachtwoord-instellen/';

export interface LinkLifetimes {
  invitationLinkHours: number;
  resetLinkHours: number;
}

export interface LinkMoments {
  expiresAt: Date;
  usedAt: Date | null;
  replacedAt: Date | null;
}

/** `live` opens the page; each other state is its own answer (the visitor holds the secret). */
export type LinkVerdict = 'live' | 'used' | 'replaced' | 'expired';

const HOUR_MS = 3_600_000;

/** When a link made `now` stops working: an invitation waits days, a reset only hours. */
export function linkExpiry(
  purpose: PasswordLinkPurpose,
  now: Date,
  lifetimes: LinkLifetimes,
): Date {
  const hours = purpose === 'invitation' ? lifetimes.invitationLinkHours : lifetimes.resetLinkHours;
  return new Date(now.getTime() + hours * HOUR_MS);
}

/**
 * What a stored link is worth at `now`. Used and replaced say more than expired (a link used
 * and later past its time was used), and a link is expired from its very expiry moment on.
 */
export function linkVerdict(link: LinkMoments, now: Date): LinkVerdict {
  if (link.usedAt) return 'used';
  if (link.replacedAt) return 'replaced';
  if (link.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'live';
}
