/** What is waiting in the outbox, as the relay sees it before a claim. */
export interface Backlog {
  /** Entries due, counted up to one batch. */
  due: number;
  /** Since the oldest and the newest of those entries were written, in ms. */
  oldestAgeMs: number;
  newestAgeMs: number;
}

/** Fewer due entries than this never wait: a single write (or a few) goes at once. */
export const GATHER_FROM = 200;
/** An outbox that got nothing new for this long has stopped filling: send what is there. */
export const QUIET_MS = 300;
/** No entry waits longer than this for its round to fill. */
export const GATHER_MAX_MS = 1_000;

/**
 * Whether to send what is due now or let the round fill up first. Every indexing round costs
 * Meilisearch a share that grows with the index, so a bulk load sent in the slices it arrives
 * in (an import commits a few hundred rows at a time) costs far more than the same documents in
 * a few large rounds.
 *
 * - While earlier batches are still being indexed, only a full batch goes after them.
 * - Otherwise a full batch, a handful of entries, or an outbox that has stopped filling goes at
 *   once; an outbox that is filling fast waits until the batch is full, or its oldest entry has
 *   waited GATHER_MAX_MS.
 */
export function roundReady(backlog: Backlog, batchSize: number, inFlight: boolean): boolean {
  if (backlog.due >= batchSize) return true;
  if (inFlight) return false;
  if (backlog.due < GATHER_FROM) return true;
  return backlog.newestAgeMs >= QUIET_MS || backlog.oldestAgeMs >= GATHER_MAX_MS;
}
