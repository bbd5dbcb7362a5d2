import { Logger } from '@nestjs/common';
import { LockSpace, TransactionRunner, tryLockKeys } from '@bouwsteen/database';
import { EntityManager } from 'typeorm';
import { messageOf } from './outbox-rounds';
import { SearchDocumentsRepository } from './search-documents.repository';
import { SearchIndex } from './search-index';
import { SearchIndexer } from './search-indexer';
import { SearchKeys } from './search-keys';
import { PendingEntry, SearchNode, SearchNodesRepository } from './search-nodes.repository';

/** While a node is away its follower looks every second, so it catches up soon after its return. */
const OUTAGE_PROBE_MS = 1_000;

export interface FollowerParts {
  tx: TransactionRunner;
  nodes: SearchNodesRepository;
  documents: SearchDocumentsRepository;
  index: SearchIndex;
  indexer: SearchIndexer;
  keys: SearchKeys;
  batchSize: number;
  pollMs: number;
}

/** What one round of a follower found to do. */
type Round = 'applied' | 'idle' | 'busy';

/**
 * Feeds one further Meilisearch node from its own pending rows, one round at a time: read the
 * oldest pending entries, send the current documents of their blocks, wait until the node has
 * indexed them, delete the entries — all in one transaction, so a follower that dies leaves the
 * rows for the next. One worker follows a node at a time (an advisory lock on the node), so
 * documents reach a node in the order they were read. When the node is away the rows wait and
 * the follower probes every second; a node that comes back without its index is filled again.
 */
export class SearchNodeFollower {
  private readonly logger = new Logger(SearchNodeFollower.name);
  private running = false;
  private loopDone?: Promise<void>;
  private ready = false;
  private away = false;
  private wake?: () => void;
  private notified = false;

  constructor(
    private node: SearchNode,
    private readonly parts: FollowerParts,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loopDone;
  }

  /** Something was written to the outbox: look now rather than at the next poll. */
  notify(): void {
    this.notified = true;
    this.wake?.();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      try {
        if (!this.ready) await this.prepare();
        const round = await this.round();
        if (this.away) {
          this.away = false;
          this.logger.log(`Search node ${this.origin} answers again; catching up`);
        }
        if (round !== 'applied') await this.sleep(this.parts.pollMs);
      } catch (error) {
        this.ready = false;
        if (!this.away)
          this.logger.warn(
            `Search node ${this.origin} unavailable, changes wait: ${messageOf(error)}`,
          );
        this.away = true;
        await this.sleep(OUTAGE_PROBE_MS, false);
      }
    }
  }

  /** Index, settings and the API's search key on the node. */
  private async prepare(): Promise<void> {
    await this.parts.index.ensure();
    await this.parts.keys.ensure();
    this.ready = true;
  }

  private round(): Promise<Round> {
    return this.parts.tx.run(async (manager) => {
      const held = await tryLockKeys(manager, LockSpace.SearchNode, [String(this.node.id)]);
      if (held.size === 0) return 'busy';
      const visit = await this.parts.nodes.visit(manager, this.node.id);
      if (!visit) {
        // Forgotten while no worker followed it: registered again, and so filled again.
        [this.node] = await this.parts.nodes.register([this.node.url]);
        return 'applied';
      }
      // A node wiped and made again (by us or by a write that made the index) has another index.
      const createdAt = await this.parts.index.createdAt();
      if (visit.fillRequested || !createdAt || createdAt !== visit.indexCreatedAt) {
        await this.fill(manager);
        return 'applied';
      }
      const entries = await this.parts.nodes.pending(manager, this.node.id, this.parts.batchSize);
      if (entries.length === 0) return 'idle';
      const assetIds = await this.assetsOf(entries, manager);
      const rejected = await this.parts.indexer.applyIsolating(assetIds, manager);
      for (const assetId of rejected.keys())
        this.logger.warn(`Search node ${this.origin} rejected the document of asset ${assetId}`);
      await this.parts.nodes.done(
        manager,
        this.node.id,
        entries.map((entry) => entry.id),
      );
      return 'applied';
    });
  }

  /**
   * Makes the node hold exactly the listed blocks: what it holds beyond them is removed now, and
   * every listed block is pending (the rounds that follow send them), so a node that was away,
   * forgotten or wiped is right again without being emptied first.
   */
  private async fill(manager: EntityManager): Promise<void> {
    await this.prepare();
    const createdAt = await this.parts.index.createdAt();
    const held = await this.parts.index.contentHashes();
    const listed = await this.parts.nodes.listedIds(manager);
    const extra = [...held.keys()].filter((id) => !listed.has(id));
    if (extra.length > 0) await this.parts.indexer.remove(extra);
    await this.parts.nodes.filled(manager, this.node.id, createdAt ?? '');
    this.logger.log(`Search node ${this.origin} is being filled (${listed.size} blocks)`);
  }

  /** The blocks whose documents the entries touch (a PPS or organisation: every block it shows in). */
  private async assetsOf(entries: PendingEntry[], manager: EntityManager): Promise<string[]> {
    const of = (type: PendingEntry['entityType']) =>
      entries.filter((entry) => entry.entityType === type).map((entry) => entry.entityId);
    const shown = await this.parts.documents.assetIdsFor(of('pps'), of('organisation'), manager);
    return [...new Set([...of('asset'), ...shown])];
  }

  private get origin(): string {
    return new URL(this.node.url).origin;
  }

  private sleep(ms: number, wakeOnNotify = true): Promise<void> {
    if (!this.running) return Promise.resolve();
    if (wakeOnNotify && this.notified) {
      this.notified = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        if (wakeOnNotify || !this.running) {
          this.notified = false;
          done();
        }
      };
    });
  }
}
