import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SearchDocumentsRepository } from './search-documents.repository';
import { SearchIndex } from './search-index';

/** Brings the index in line with PostgreSQL for some assets: upsert what is live, delete the rest. */
@Injectable()
export class SearchIndexer {
  constructor(
    private readonly documents: SearchDocumentsRepository,
    private readonly index: SearchIndex,
  ) {}

  /** `manager`: read the rows through the caller's transaction (the relay's and replay's). */
  async apply(
    assetIds: string[],
    manager?: EntityManager,
  ): Promise<{ upserted: number; removed: number }> {
    const documents = await this.documents.documents(assetIds, manager);
    const indexName = this.index.name;
    const live = new Set(documents.map((document) => document.id));
    const gone = assetIds.filter((id) => !live.has(id));
    await this.index.upsert(documents, indexName);
    await this.index.remove(gone, indexName);
    return { upserted: documents.length, removed: gone.length };
  }

  /**
   * Reads the assets' documents through `manager` and hands them to Meilisearch without waiting
   * for the indexing: returns the enqueued tasks, for the caller to wait on.
   */
  async send(assetIds: string[], manager: EntityManager): Promise<number[]> {
    const documents = await this.documents.documents(assetIds, manager);
    const live = new Set(documents.map((document) => document.id));
    const gone = assetIds.filter((id) => !live.has(id));
    const tasks: number[] = [];
    if (documents.length > 0) tasks.push(await this.index.enqueue(documents));
    if (gone.length > 0) tasks.push(await this.index.enqueueRemoval(gone));
    return tasks;
  }
}
