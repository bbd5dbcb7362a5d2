import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxRepository } from './outbox.repository';
import { SearchDocumentsRepository } from './search-documents.repository';
import { MeiliTaskFailedError } from './search-errors';
import { SearchIndex } from './search-index';

/** How often a waited-for task is looked at (the pace single writes used to have). */
const APPLY_POLL_MS = 25;

/** Brings the index in line with PostgreSQL for some assets: upsert what is live, delete the rest. */
@Injectable()
export class SearchIndexer {
  constructor(
    private readonly documents: SearchDocumentsRepository,
    private readonly index: SearchIndex,
    private readonly outbox: OutboxRepository,
  ) {}

  /**
   * Sends the assets' documents and waits until Meilisearch has indexed them (replay, and the
   * relay's isolation of rejected documents). `manager`: read through the caller's transaction.
   */
  async apply(assetIds: string[], manager?: EntityManager): Promise<void> {
    await this.index.waitAll(await this.send(assetIds, manager), APPLY_POLL_MS);
    await this.outbox.indexChanged();
  }

  /** Removes documents (a node's blocks no longer listed) and waits until they are gone. */
  async remove(assetIds: string[]): Promise<void> {
    await this.index.waitAll([await this.index.enqueueRemoval(assetIds)], APPLY_POLL_MS);
    await this.outbox.indexChanged();
  }

  /** The same indexer writing to another node's index (see SearchIndex.at). */
  at(index: SearchIndex): SearchIndexer {
    return new SearchIndexer(this.documents, index, this.outbox);
  }

  /**
   * Applies the assets; when Meilisearch rejects the batch, halves it until each rejected
   * document stands alone. Returns asset id → why it was rejected. Outages are rethrown.
   */
  async applyIsolating(assetIds: string[], manager?: EntityManager): Promise<Map<string, string>> {
    try {
      await this.apply(assetIds, manager);
      return new Map();
    } catch (error) {
      if (!(error instanceof MeiliTaskFailedError) || !error.rejectsDocuments) throw error;
      if (assetIds.length === 1) return new Map([[assetIds[0], error.message]]);
      const middle = Math.ceil(assetIds.length / 2);
      const first = await this.applyIsolating(assetIds.slice(0, middle), manager);
      const second = await this.applyIsolating(assetIds.slice(middle), manager);
      return new Map([...first, ...second]);
    }
  }

  /**
   * Reads the assets' documents and hands them to Meilisearch without waiting for the indexing:
   * what is live is upserted, the rest deleted. Returns the enqueued tasks, for the caller to wait on.
   */
  async send(assetIds: string[], manager?: EntityManager): Promise<number[]> {
    const documents = await this.documents.documents(assetIds, manager);
    const live = new Set(documents.map((document) => document.id));
    const gone = assetIds.filter((id) => !live.has(id));
    const tasks: number[] = [];
    if (documents.length > 0) tasks.push(await this.index.enqueue(documents));
    if (gone.length > 0) tasks.push(await this.index.enqueueRemoval(gone));
    return tasks;
  }
}
