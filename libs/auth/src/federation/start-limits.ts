import { fingerprint, senderNetwork } from '@bouwsteen/common/pure';

/**
 * The bounds on sign-ins through an institution that were started and not finished (pending
 * rows, each kept at most `pendingSeconds`). Like the password sign-in's limits, only what did
 * not succeed is held against an address: a finished sign-in leaves the count, so a school whose
 * teachers share one address is bounded by those who abandon it at the issuer, not by those who
 * sign in. The table as a whole is bounded too, so no one fills it from many addresses.
 */
export interface StartLimits {
  /** Unfinished starts per address (this one counted). */
  address: number;
  /** Unfinished starts from everywhere (this one counted). */
  total: number;
  /** How long a start stays pending. */
  pendingSeconds: number;
}

/** Unfinished starts within their lifetime, this one included (it is counted first). */
export interface StartCounts {
  address: number;
  total: number;
  /** Seconds since the oldest start of this address that still counts. */
  addressOldestAgeSeconds: number;
  /** Seconds since the oldest start that still counts. */
  totalOldestAgeSeconds: number;
}

export type StartVerdict = { refuse: false } | { refuse: true; retryAfterSeconds: number };

/** Refused past either bound, until the oldest start that counts against it has expired. */
export function judgeStart(counts: StartCounts, limits: StartLimits): StartVerdict {
  const retryAfter = (oldestAgeSeconds: number) =>
    Math.max(1, Math.ceil(limits.pendingSeconds - oldestAgeSeconds));
  if (counts.total > limits.total)
    return { refuse: true, retryAfterSeconds: retryAfter(counts.totalOldestAgeSeconds) };
  if (counts.address > limits.address)
    return { refuse: true, retryAfterSeconds: retryAfter(counts.addressOldestAgeSeconds) };
  return { refuse: false };
}

/**
 * What an unfinished start is counted against: the client's network (an IPv6 connection may
 * pick any address of its /64), hashed (no address is stored).
 */
export function startAddressKey(address: string): string {
  return fingerprint(senderNetwork(address));
}
