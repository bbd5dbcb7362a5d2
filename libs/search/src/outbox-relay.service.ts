import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@bouwsteen/common';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { LockSpace, TransactionRunner, tryLockKeys } from '@bouwsteen/database';
import { EntityManager } from 'typeorm';
import { OutboxListener } from './outbox-listener';
import { OutboxEntry, OutboxRepository } from './outbox.repository';
import { Claim, entryIds, groupByAsset, InFlight, messageOf, SentBatch } from './outbox-rounds';
import { performance } from 'node:perf_hooks';
import {
  AHEAD_FROM,
  GATHER_FROM,
  QUIET_MS,
  RoundHistory,
  RoundUnderWay,
  roundReady,
  sendAheadAt,
} from './relay-pacing';
import { SearchDocumentsRepository } from './search-documents.repository';
import { MeiliTaskFailedError } from './search-errors';
import { SearchIndex } from './search-index';
import { SearchIndexer } from './search-indexer';
import { SearchKeys } from './search-keys';
import { SearchNodes } from './search-nodes.service';

const KEEP_PROCESSED_MS = 86_400_000;
/** While Meilisearch is away the relay looks every second, so it catches up within ~1 s of its return. */
const OUTAGE_PROBE_MS = 1_000;
/** When other workers hold every claimed asset, wait this long before claiming again. */
const DEFERRED_PAUSE_MS = 50;
/** How often the oldest batch in Meilisearch's queue is looked at: a single write shows ~this soon. */
const CONFIRM_POLL_MS = 25;
/**
 * Entries sent but not yet confirmed are hidden from other claims this long (longer than the
 * wait for a task), so they go again only if their worker died before it knew the outcome.
 */
const LEASE_MS = 360_000;

/**
 * Drains the search outbox into Meilisearch, correctly with any number of workers:
 *
 * - Entries are claimed with SKIP LOCKED; a PPS or organisation change is fanned out into one
 *   entry per asset it shows in.
 * - Each asset's rows are read and its document handed to Meilisearch under a transaction-scoped
 *   advisory lock, so two workers never enqueue the same document in the wrong order; Meilisearch
 *   indexes its tasks in the order it received them, so the newest read always lands last.
 * - The relay does not wait for a batch to be indexed before sending the next (up to
 *   OUTBOX_CONCURRENCY batches in flight): Meilisearch indexes what has queued up in one go, as
 *   it does for a bulk load. Sent entries are leased; each is marked done once its task has
 *   succeeded, in the order sent. Rounds are paced (roundReady): a bulk load arriving in slices
 *   goes in a few large rounds, a single write at once.
 * - A batch Meilisearch rejects is split in halves until the offending documents are found;
 *   the rest go in, the offenders retry with backoff and are parked after a few attempts.
 * - When Meilisearch itself fails, the entries become due again and the relay probes every
 *   second, so the index converges as soon as it is back.
 */
@Injectable()
export class OutboxRelay implements OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loopDone?: Promise<void>;
  /** The loop's waker while it sleeps: a notification wakes it. */
  private readonly wakers = new Set<() => void>();
  private notified = false;
  private indexReady = false;
  /** A confirmation found Meilisearch failing: the loop waits for it before sending more. */
  private outage = false;
  private lastCleanup = 0;
  /** What the last large round cost, to send the next ahead of its end (sendAheadAt). */
  private history?: RoundHistory;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxRepository,
    private readonly documents: SearchDocumentsRepository,
    private readonly index: SearchIndex,
    private readonly indexer: SearchIndexer,
    private readonly keys: SearchKeys,
    private readonly listener: OutboxListener,
    private readonly nodes: SearchNodes,
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
    this.loopDone = this.loop();
    // The further nodes (MEILI_NODE_URLS) are fed beside it, each from its own pending rows.
    await this.nodes.start();
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const wake of [...this.wakers]) wake();
    await Promise.all([this.loopDone, this.nodes.stop()]);
    await this.listener.close();
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  /** Claims due entries and hands their documents to Meilisearch, without waiting for the indexing. */
  private async claimAndSend(): Promise<Claim> {
    const claimedAt = performance.now();
    return this.tx.run(async (manager) => {
      const entries = await this.outbox.claim(manager, this.config.outbox.batchSize);
      if (entries.length === 0) return { fannedOut: 0, deferred: 0, failed: false };
      const fannedOut = await this.fanOut(manager, entries);
      const byAsset = groupByAsset(entries.filter((entry) => entry.entityType === 'asset'));
      const held = await tryLockKeys(manager, LockSpace.SearchDocument, [...byAsset.keys()]);
      const ready = [...byAsset.keys()].filter((id) => held.has(id));
      const deferred = byAsset.size - ready.length;
      if (ready.length === 0) return { fannedOut, deferred, failed: false };
      const ids = entryIds(byAsset, ready);
      try {
        if (!this.indexReady) {
          await this.prepare();
          this.indexReady = true;
        }
        const tasks = await this.indexer.send(ready, manager);
        await this.outbox.lease(manager, ids, LEASE_MS);
        const sendMs = performance.now() - claimedAt;
        const sent = { byAsset, assetIds: ready, tasks, sendMs };
        return { fannedOut, deferred, failed: false, sent };
      } catch (error) {
        this.unavailable(ready.length, error);
        await this.outbox.markUnavailable(manager, ids, messageOf(error));
        return { fannedOut, deferred, failed: true };
      }
    });
  }

  /**
   * Waits for a sent batch's tasks; marks its entries done, or isolates the documents
   * Meilisearch rejected, or makes them due again when Meilisearch failed. Never throws.
   * `indexed` is called as soon as the tasks have succeeded, before the entries are marked: the
   * next round can then be claimed and sent while Meilisearch would otherwise wait for it.
   */
  private async confirm(sent: SentBatch, indexed: () => void): Promise<void> {
    const ids = entryIds(sent.byAsset, sent.assetIds);
    try {
      try {
        await this.index.waitAll(sent.tasks, CONFIRM_POLL_MS);
      } catch (error) {
        if (error instanceof MeiliTaskFailedError && error.rejectsDocuments)
          return await this.isolate(sent);
        throw error;
      }
      // Searchable now: kept "similar" findings of before are not asked again (see SimilarFindingsCache).
      await this.outbox.indexChanged();
      indexed();
      await this.tx.run(async (manager) => {
        await this.outbox.markDone(manager, ids);
        await this.outbox.settleParked(manager, sent.assetIds);
      });
    } catch (error) {
      this.outage = true;
      this.unavailable(sent.assetIds.length, error);
      await this.tx
        .run((manager) => this.outbox.markUnavailable(manager, ids, messageOf(error)))
        .catch((failure: Error) =>
          this.logger.error(`Outbox entries stay leased until retried: ${failure.message}`),
        );
    }
  }

  /** A batch was rejected over some documents: they are found by halving, the rest go in. */
  private async isolate(sent: SentBatch): Promise<void> {
    await this.tx.run(async (manager) => {
      const held = await tryLockKeys(manager, LockSpace.SearchDocument, sent.assetIds);
      const ready = sent.assetIds.filter((id) => held.has(id));
      // Another worker is sending these again right now: their entries are due for the next claim.
      const busy = sent.assetIds.filter((id) => !held.has(id));
      await this.outbox.lease(manager, entryIds(sent.byAsset, busy), 0);
      const rejected = await this.indexer.applyIsolating(ready, manager);
      const applied = ready.filter((id) => !rejected.has(id));
      await this.outbox.markDone(manager, entryIds(sent.byAsset, applied));
      await this.outbox.settleParked(manager, applied);
      let parked = 0;
      for (const [assetId, error] of rejected) {
        parked += await this.outbox.markRejected(
          manager,
          entryIds(sent.byAsset, [assetId]),
          error,
          {
            baseMs: this.config.outbox.retryBaseMs,
            maxMs: this.config.outbox.retryMaxMs,
            parkAfter: this.config.outbox.parkAfterAttempts,
          },
        );
        this.logger.warn(`Meilisearch rejected the document of asset ${assetId}: ${error}`);
      }
      if (parked > 0)
        this.logger.error(
          `Parked ${parked} outbox entries whose documents Meilisearch keeps rejecting; see search:drift`,
        );
    });
  }

  private unavailable(documents: number, error: unknown): void {
    this.indexReady = false;
    this.logger.warn(`Meilisearch unavailable, ${documents} documents wait: ${messageOf(error)}`);
  }

  private async prepare(): Promise<void> {
    await this.index.ensure();
    await this.keys.ensure();
    // Settings may have changed (a deployment), or a relay may have died between applying a batch
    // and moving the generation: findings kept before are not asked again.
    await this.outbox.indexChanged();
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

  /**
   * Claims and sends while there is work, with at most OUTBOX_CONCURRENCY batches unconfirmed;
   * confirmations run one after the other in the order sent (Meilisearch's own order).
   */
  private async loop(): Promise<void> {
    const unconfirmed: InFlight[] = [];
    let confirming: Promise<void> = Promise.resolve();
    while (this.running) {
      while (unconfirmed[0]?.settled) unconfirmed.shift();
      if (unconfirmed.length >= this.config.outbox.concurrency) {
        await unconfirmed[0].done;
        continue;
      }
      if (this.outage) {
        await confirming;
        await this.waitForMeilisearch();
        this.outage = false;
        continue;
      }
      // Rounds are paced (see roundReady): after batches still being indexed only a full one
      // goes, and an outbox filling fast gathers a larger round first.
      // A batch counts as in flight until Meilisearch has indexed it, not until it is marked done.
      const indexing = unconfirmed.find((item) => !item.isIndexed);
      const inFlight = indexing !== undefined;
      const backlog = await this.outbox.backlog(this.config.outbox.batchSize);
      // While a large round is indexed, the next is claimed shortly before its expected end
      // (once: only when it is the last one sent), so Meilisearch does not wait for the claim.
      const ahead =
        indexing && indexing === unconfirmed.at(-1)
          ? sendAheadAt(indexing.round, this.history)
          : undefined;
      const untilAhead = ahead === undefined ? Infinity : ahead - performance.now();
      const goAhead = untilAhead <= 0 && backlog.due >= GATHER_FROM;
      if (!goAhead && !roundReady(backlog, this.config.outbox.batchSize, inFlight)) {
        const wait = Math.max(1, Math.min(this.config.outbox.pollMs, untilAhead));
        await (inFlight
          ? this.sleep(wait, true, indexing.indexed)
          : this.sleep(Math.min(this.config.outbox.pollMs, QUIET_MS)));
        continue;
      }
      let claim: Claim = { fannedOut: 0, deferred: 0, failed: false };
      try {
        claim = await this.claimAndSend();
        await this.cleanup();
      } catch (error) {
        this.logger.error(`Outbox relay error: ${messageOf(error)}`);
        claim = { fannedOut: 0, deferred: 0, failed: true };
      }
      const { sent } = claim;
      if (sent) {
        let markIndexed!: () => void;
        const sentAt = performance.now();
        const item: InFlight = {
          indexed: new Promise<void>((resolve) => (markIndexed = resolve)),
          isIndexed: false,
          done: Promise.resolve(),
          settled: false,
          // Meilisearch starts on it now, or when the round before it is indexed (see indexed).
          round: { startedAtMs: sentAt, documents: sent.assetIds.length },
        };
        const indexed = (succeeded = true) => {
          if (item.isIndexed) return;
          item.isIndexed = true;
          if (succeeded) this.learn(item.round, sent.sendMs);
          const next = unconfirmed[unconfirmed.indexOf(item) + 1];
          if (next) next.round.startedAtMs = Math.max(next.round.startedAtMs, performance.now());
          markIndexed();
        };
        confirming = item.done = confirming
          .then(() => this.confirm(sent, indexed))
          .then(() => {
            indexed(false);
            item.settled = true;
          });
        unconfirmed.push(item);
      } else if (claim.failed) this.outage = true;
      else if (claim.fannedOut === 0 && claim.deferred > 0) await this.sleep(DEFERRED_PAUSE_MS);
      else if (claim.fannedOut === 0) await this.sleep(this.config.outbox.pollMs);
    }
    await confirming;
  }

  /** Keeps what a large round cost Meilisearch and the relay, for the next guess. */
  private learn(round: RoundUnderWay, sendMs: number): void {
    if (round.documents < AHEAD_FROM) return;
    const msPerDocument = (performance.now() - round.startedAtMs) / round.documents;
    this.history = { msPerDocument, sendMs };
  }

  /** Probes once a second (not with a growing backoff), so the backlog goes in as soon as it can. */
  private async waitForMeilisearch(): Promise<void> {
    while (this.running) {
      await this.sleep(OUTAGE_PROBE_MS, false);
      if (!this.running || (await this.index.healthy())) return;
    }
  }

  private notify(): void {
    this.nodes.notify();
    this.notified = true;
    for (const wake of [...this.wakers]) wake();
  }

  /**
   * Waits for a notification, the time, or `until`; a notification that came early is not lost.
   * Every way out leads to a fresh look at the outbox, so each clears the notified flag.
   */
  private sleep(ms: number, wakeOnNotify = true, until?: Promise<unknown>): Promise<void> {
    // Stopped while the loop was not asleep (claiming, reading the backlog): stop() found no
    // sleeper to wake, so no sleep may begin now, or shutting down waits a whole poll interval.
    if (!this.running) return Promise.resolve();
    if (wakeOnNotify && this.notified) {
      this.notified = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      let finished = false;
      const timer = setTimeout(() => done(), ms);
      const waker = wakeOnNotify ? () => done() : () => this.running || done();
      const done = () => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        this.wakers.delete(waker);
        if (wakeOnNotify) this.notified = false;
        resolve();
      };
      this.wakers.add(waker);
      void until?.then(done, done);
    });
  }

  private async cleanup(): Promise<void> {
    const now = this.clock.now().getTime();
    if (now - this.lastCleanup < 600_000) return;
    this.lastCleanup = now;
    await this.outbox.deleteProcessedBefore(new Date(now - KEEP_PROCESSED_MS));
  }
}
