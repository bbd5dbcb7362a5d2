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

/** A round Meilisearch is indexing, as the relay saw it go. */
export interface RoundUnderWay {
  /** When Meilisearch could start on it: when it was sent, or when the round before was indexed. */
  startedAtMs: number;
  documents: number;
}

/** What the relay learned from the rounds before: their cost and its own time to send one. */
export interface RoundHistory {
  /** Milliseconds Meilisearch took per document in the last round that was timed. */
  msPerDocument: number;
  /** Milliseconds the relay took to claim, read and send its last round. */
  sendMs: number;
}

/** Send-ahead is not worth the guess below this many documents in the round under way. */
export const AHEAD_FROM = 1_000;
/** Sent this much before the guessed end as well, for the guess's error. */
export const AHEAD_MARGIN_MS = 150;

/**
 * When to claim the next round while Meilisearch still indexes one: about as long before the
 * round's expected end as the relay needs to read and send a round, so that Meilisearch starts
 * on the next one without waiting for it. Sending at once instead made Meilisearch start on small
 * rounds, each costing more (see bench/README.md); sending after the end leaves it idle for the
 * time a claim takes (0.5–0.9 s a round at 100,000 documents while an import runs beside the
 * relay). Returns undefined when there is nothing to go by (the first round, or a small one).
 */
export function sendAheadAt(round: RoundUnderWay, history?: RoundHistory): number | undefined {
  if (!history || round.documents < AHEAD_FROM) return undefined;
  const expectedMs = history.msPerDocument * round.documents;
  const leadMs = history.sendMs + AHEAD_MARGIN_MS;
  // A round not much longer than a send would be followed by one claimed just after it began,
  // and so by ever smaller rounds: such a round is waited for, and the next gathers more.
  if (expectedMs < 2 * leadMs) return undefined;
  return round.startedAtMs + expectedMs - leadMs;
}
