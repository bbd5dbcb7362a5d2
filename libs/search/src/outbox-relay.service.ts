import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@bouwsteen/common';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { LockSpace, TransactionRunner, tryLockKeys } from '@bouwsteen/database';
import { EntityManager } from 'typeorm';
import { OutboxListener } from './outbox-listener';
import { OutboxEntry, OutboxRepository } from './outbox.repository';
import { SearchDocumentsRepository } from './search-documents.repository';
import { MeiliTaskFailedError } from './search-errors';
import { SearchIndex } from './search-index';
import { SearchIndexer } from './search-indexer';
import { SearchKeys } from './search-keys';

const KEEP_PROCESSED_MS = 86_400_000;
/** While Meilisearch is away the relay looks every second, so it catches up within ~1 s of its return. */
const OUTAGE_PROBE_MS = 1_000;
/** When other workers hold every claimed asset, wait this long before claiming again. */
const DEFERRED_PAUSE_MS = 50;

export interface DrainResult {
  /** Entries applied or settled this round. */
  claimed: number;
  /** Meilisearch was unreachable or broken: wait for it before the next round. */
  failed: boolean;
  /** Entries left for later because another worker was indexing the same asset. */
  deferred?: number;
  /** Entries set aside this round because Meilisearch keeps rejecting their document. */
  parked?: number;
}

/**
 * Drains the search outbox into Meilisearch, correctly with any number of workers:
 *
 * - Entries are claimed with SKIP LOCKED; a PPS or organisation change is fanned out into one
 *   entry per asset it shows in.
 * - Each asset is indexed under a transaction-scoped advisory lock held from reading its rows to
 *   Meilisearch's task having succeeded, so two workers never write the same document in the
 *   wrong order (an entry whose asset another worker holds waits for the next round).
 * - A batch Meilisearch rejects is split in halves until the offending documents are found;
 *   the rest go in, the offenders retry with backoff and are parked after a few attempts.
 * - When Meilisearch itself fails, the entries stay due and the relay probes every second,
 *   so the index converges as soon as it is back.
 */
@Injectable()
export class OutboxRelay implements OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loopDone?: Promise<void>;
  /** One waker per sleeping loop: a notification wakes them all. */
  private readonly wakers = new Set<() => void>();
  private notified = false;
  private indexReady = false;
  private lastCleanup = 0;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxRepository,
    private readonly documents: SearchDocumentsRepository,
    private readonly index: SearchIndex,
    private readonly indexer: SearchIndexer,
    private readonly keys: SearchKeys,
    private readonly listener: OutboxListener,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.listener.listen(() => this.notify());
    // Index, settings and the API's search key are made sure of at start, so search works
    // before the first write; if Meilisearch is not up yet, the first batch does it instead.
    await this.prepare()
      .then(() => (this.indexReady = true))
      .catch((error: Error) =>
        this.logger.warn(`Index settings not applied yet: ${error.message}`),
      );
    // Several loops: while one waits for Meilisearch to index its batch, the next builds and
    // sends its own, so document building and indexing overlap (entries are claimed with SKIP
    // LOCKED and assets locked per document, exactly as with several workers).
    this.loopDone = Promise.all(
      Array.from({ length: this.config.outbox.concurrency }, () => this.loop()),
    ).then(() => undefined);
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const wake of [...this.wakers]) wake();
    await this.loopDone;
    await this.listener.close();
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  async drainOnce(): Promise<DrainResult> {
    return this.tx.run(async (manager) => {
      const entries = await this.outbox.claim(manager, this.config.outbox.batchSize);
      if (entries.length === 0) return { claimed: 0, failed: false };
      const fannedOut = await this.fanOut(manager, entries);
      const byAsset = groupByAsset(entries.filter((entry) => entry.entityType === 'asset'));
      const held = await tryLockKeys(manager, LockSpace.SearchDocument, [...byAsset.keys()]);
      const ready = [...byAsset.keys()].filter((id) => held.has(id));
      const deferred = byAsset.size - ready.length;
      if (ready.length === 0) return { claimed: fannedOut, failed: false, deferred };
      try {
        if (!this.indexReady) {
          await this.prepare();
          this.indexReady = true;
        }
        const rejected = await this.applyIsolating(manager, ready);
        const applied = ready.filter((id) => !rejected.has(id));
        await this.outbox.markDone(manager, entryIds(byAsset, applied));
        await this.outbox.settleParked(manager, applied);
        let parked = 0;
        for (const [assetId, error] of rejected) {
          parked += await this.outbox.markRejected(manager, entryIds(byAsset, [assetId]), error, {
            baseMs: this.config.outbox.retryBaseMs,
            maxMs: this.config.outbox.retryMaxMs,
            parkAfter: this.config.outbox.parkAfterAttempts,
          });
          this.logger.warn(`Meilisearch rejected the document of asset ${assetId}: ${error}`);
        }
        if (parked > 0)
          this.logger.error(
            `Parked ${parked} outbox entries whose documents Meilisearch keeps rejecting; see search:drift`,
          );
        return { claimed: fannedOut + applied.length, failed: false, deferred, parked };
      } catch (error) {
        this.indexReady = false;
        const message = error instanceof Error ? error.message : String(error);
        this.logger.warn(`Meilisearch unavailable, ${ready.length} documents wait: ${message}`);
        await this.outbox.markUnavailable(manager, entryIds(byAsset, ready), message);
        return { claimed: 0, failed: true, deferred };
      }
    });
  }

  private async prepare(): Promise<void> {
    await this.index.ensure();
    await this.keys.ensure();
  }

  /**
   * Applies the assets; when Meilisearch rejects the batch, halves it until each rejected
   * document stands alone. Returns asset id → why it was rejected. Outages are rethrown.
   */
  private async applyIsolating(
    manager: EntityManager,
    assetIds: string[],
  ): Promise<Map<string, string>> {
    try {
      await this.indexer.apply(assetIds, manager);
      return new Map();
    } catch (error) {
      if (!(error instanceof MeiliTaskFailedError) || !error.rejectsDocuments) throw error;
      if (assetIds.length === 1) return new Map([[assetIds[0], error.message]]);
      const middle = Math.ceil(assetIds.length / 2);
      const first = await this.applyIsolating(manager, assetIds.slice(0, middle));
      const second = await this.applyIsolating(manager, assetIds.slice(middle));
      return new Map([...first, ...second]);
    }
  }

  /** PPS and organisation entries become one asset entry per document they appear in. */
  private async fanOut(manager: EntityManager, entries: OutboxEntry[]): Promise<number> {
    const of = (type: OutboxEntry['entityType']) =>
      entries.filter((entry) => entry.entityType === type);
    const pps = of('pps');
    const organisations = of('organisation');
    if (pps.length === 0 && organisations.length === 0) return 0;
    const assetIds = await this.documents.assetIdsFor(
      pps.map((entry) => entry.entityId),
      organisations.map((entry) => entry.entityId),
      manager,
    );
    await this.outbox.fanOut(manager, assetIds);
    await this.outbox.markDone(
      manager,
      [...pps, ...organisations].map((entry) => entry.id),
    );
    return pps.length + organisations.length;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let result: DrainResult = { claimed: 0, failed: false };
      try {
        result = await this.drainOnce();
        await this.cleanup();
      } catch (error) {
        this.logger.error(`Outbox relay error: ${error instanceof Error ? error.message : error}`);
        result = { claimed: 0, failed: true };
      }
      if (result.failed) await this.waitForMeilisearch();
      else if (result.claimed === 0 && result.deferred) await this.sleep(DEFERRED_PAUSE_MS);
      else if (result.claimed === 0) await this.sleep(this.config.outbox.pollMs);
    }
  }

  /** Probes once a second (not with a growing backoff), so the backlog goes in as soon as it can. */
  private async waitForMeilisearch(): Promise<void> {
    while (this.running) {
      await this.sleep(OUTAGE_PROBE_MS, false);
      if (!this.running || (await this.index.healthy())) return;
    }
  }

  private notify(): void {
    this.notified = true;
    for (const wake of [...this.wakers]) wake();
  }

  /** Waits for a notification or the time; a notification that came early is not lost. */
  private sleep(ms: number, wakeOnNotify = true): Promise<void> {
    if (wakeOnNotify && this.notified) {
      this.notified = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(), ms);
      const waker = wakeOnNotify ? () => done() : () => this.running || done();
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(waker);
        if (wakeOnNotify) this.notified = false;
        resolve();
      };
      this.wakers.add(waker);
    });
  }

  private async cleanup(): Promise<void> {
    const now = this.clock.now().getTime();
    if (now - this.lastCleanup < 600_000) return;
    this.lastCleanup = now;
    await this.outbox.deleteProcessedBefore(new Date(now - KEEP_PROCESSED_MS));
  }
}

function groupByAsset(entries: OutboxEntry[]): Map<string, OutboxEntry[]> {
  const result = new Map<string, OutboxEntry[]>();
  for (const entry of entries)
    result.set(entry.entityId, [...(result.get(entry.entityId) ?? []), entry]);
  return result;
}

function entryIds(byAsset: Map<string, OutboxEntry[]>, assetIds: string[]): string[] {
  return assetIds.flatMap((id) => (byAsset.get(id) ?? []).map((entry) => entry.id));
}
