import { OutboxEntry } from './outbox.repository';
import { RoundUnderWay } from './relay-pacing';

/* The relay's bookkeeping of its rounds: what one claim did, and each sent batch as it is followed. */

/** One claim: what was settled without Meilisearch, and the batch sent to it, if any. */
export interface Claim {
  /** PPS and organisation entries, each fanned out as one entry per asset it shows in. */
  fannedOut: number;
  /** Entries left for later because another worker was indexing the same asset. */
  deferred: number;
  /** Meilisearch was unreachable when the batch was to be sent. */
  failed: boolean;
  sent?: SentBatch;
}

/** A sent batch as the loop follows it: indexed once its tasks succeeded, settled once confirmed. */
export interface InFlight {
  /** Resolves when Meilisearch has indexed the batch (or its confirmation ended otherwise). */
  indexed: Promise<void>;
  isIndexed: boolean;
  /** Resolves when the batch's entries are marked (done, isolated or due again). */
  done: Promise<void>;
  settled: boolean;
  /** When it was sent and how large it is, for the guess of when it will be indexed. */
  round: RoundUnderWay;
}

/** Documents handed to Meilisearch whose tasks have not been seen to succeed yet. */
export interface SentBatch {
  byAsset: Map<string, OutboxEntry[]>;
  assetIds: string[];
  tasks: number[];
  /** Milliseconds from the claim's start to Meilisearch's answer. */
  sendMs: number;
}

export function groupByAsset(entries: OutboxEntry[]): Map<string, OutboxEntry[]> {
  const result = new Map<string, OutboxEntry[]>();
  for (const entry of entries)
    result.set(entry.entityId, [...(result.get(entry.entityId) ?? []), entry]);
  return result;
}

export function entryIds(byAsset: Map<string, OutboxEntry[]>, assetIds: string[]): string[] {
  return assetIds.flatMap((id) => (byAsset.get(id) ?? []).map((entry) => entry.id));
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
