import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SearchDocumentsRepository } from './search-documents.repository';
import { SearchIndex } from './search-index';

/** How often a waited-for task is looked at (the pace single writes used to have). */
const APPLY_POLL_MS = 25;

/** Brings the index in line with PostgreSQL for some assets: upsert what is live, delete the rest. */
@Injectable()
export class SearchIndexer {
  constructor(
    private readonly documents: SearchDocumentsRepository,
    private readonly index: SearchIndex,
  ) {}

  /**
   * Sends the assets' documents and waits until Meilisearch has indexed them (replay, and the
   * relay's isolation of rejected documents). `manager`: read through the caller's transaction.
   */
  async apply(assetIds: string[], manager?: EntityManager): Promise<void> {
    await this.index.waitAll(await this.send(assetIds, manager), APPLY_POLL_MS);
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
