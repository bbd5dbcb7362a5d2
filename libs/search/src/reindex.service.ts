import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LockSpace, TransactionRunner, lockKeys } from '@bouwsteen/database';
import { OutboxRepository, ParkedEntry } from './outbox.repository';
import { SearchDocumentsRepository } from './search-documents.repository';
import { MeiliTaskFailedError } from './search-errors';
import { SearchIndex } from './search-index';
import { SearchIndexer } from './search-indexer';
import { SearchKeys } from './search-keys';
import { SearchNodesRepository } from './search-nodes.repository';

export interface DriftReport {
  missing: string[];
  extra: string[];
  /** In both, but the indexed document differs from what PostgreSQL says (content hash). */
  stale: string[];
  parked: ParkedEntry[];
  repaired: boolean;
}

const REPLAY_CHUNK = 1000;

/**
 * Rebuilds the index from PostgreSQL beside the live one and swaps them in one atomic step, so
 * searchers never see a half-built index; and finds and repairs drift between the two stores.
 */
@Injectable()
export class ReindexService {
  private readonly logger = new Logger(ReindexService.name);

  constructor(
    private readonly documents: SearchDocumentsRepository,
    private readonly index: SearchIndex,
    private readonly indexer: SearchIndexer,
    private readonly outbox: OutboxRepository,
    private readonly tx: TransactionRunner,
    private readonly keys: SearchKeys,
    private readonly nodes: SearchNodesRepository,
  ) {}

  /**
   * Changes keep flowing to the live index while the copy is built. Afterwards every asset the
   * relay touched since the build began (or that still waits) is applied again to the swapped-in
   * index, so nothing written during the rebuild is lost.
   */
  async rebuild(
    progress: (done: number) => void | Promise<void> = () => undefined,
    batchSize = 5000,
  ): Promise<{ documents: number; replayed: number }> {
    const staging = `${this.index.name}_rebuild_${Date.now()}`;
    const began = await this.outbox.now();
    await this.index.ensure();
    await this.keys.ensure();
    await this.index.ensure(staging);
    let done = 0;
    try {
      const tasks: number[] = [];
      for await (const batch of this.documents.allDocuments(batchSize)) {
        tasks.push(await this.index.enqueue(batch, staging));
        done += batch.length;
        await progress(done);
      }
      await this.index.waitAll(tasks);
      await this.index.swapWith(staging);
      await this.outbox.indexChanged();
    } finally {
      // After the swap the staging name holds the old documents; before it, a partial build.
      await this.index.drop(staging);
    }
    const replayed = await this.replay(await this.outbox.assetsTouchedSince(began));
    // Further nodes (MEILI_NODE_URLS) are filled again by their followers.
    await this.tx.run((manager) => this.nodes.requestFills(manager));
    this.logger.log(`Rebuilt ${this.index.name} with ${done} documents; replayed ${replayed}`);
    return { documents: done, replayed };
  }

  async drift(repair: boolean): Promise<DriftReport> {
    const expected = new Map<string, string>();
    for await (const batch of this.documents.allDocuments(5000))
      for (const document of batch) expected.set(document.id, document.contentHash);
    const actual = await this.index.contentHashes();
    const missing = [...expected.keys()].filter((id) => !actual.has(id));
    const extra = [...actual.keys()].filter((id) => !expected.has(id));
    const stale = [...expected.entries()]
      .filter(([id, hash]) => actual.has(id) && actual.get(id) !== hash)
      .map(([id]) => id);
    const parked = await this.outbox.parked();
    if (repair) await this.replay([...missing, ...extra, ...stale]);
    return { missing, extra, stale, parked, repaired: repair };
  }

  /**
   * Applies assets to the live index under the relay's per-asset locks, in chunks; parked
   * entries of assets that now go in are settled. A document Meilisearch still rejects is
   * skipped (and logged) instead of failing the rest.
   */
  private async replay(assetIds: string[]): Promise<number> {
    let applied = 0;
    for (let start = 0; start < assetIds.length; start += REPLAY_CHUNK) {
      const chunk = assetIds.slice(start, start + REPLAY_CHUNK);
      await this.tx.run(async (manager) => {
        await lockKeys(manager, LockSpace.SearchDocument, chunk);
        const done = await this.applyEach(manager, chunk);
        await this.outbox.settleParked(manager, done);
        applied += done.length;
      });
    }
    return applied;
  }

  private async applyEach(manager: EntityManager, assetIds: string[]): Promise<string[]> {
    try {
      await this.indexer.apply(assetIds, manager);
      return assetIds;
    } catch (error) {
      if (!(error instanceof MeiliTaskFailedError) || !error.rejectsDocuments) throw error;
      const done: string[] = [];
      for (const id of assetIds) {
        try {
          await this.indexer.apply([id], manager);
          done.push(id);
        } catch (single) {
          if (!(single instanceof MeiliTaskFailedError)) throw single;
          this.logger.warn(`Asset ${id} still rejected by Meilisearch: ${single.message}`);
        }
      }
      return done;
    }
  }
}
