import { Inject, Injectable } from '@nestjs/common';
import { Index, MeiliSearch, MeiliSearchApiError, Task } from 'meilisearch';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { assetsIndexName, indexSettings } from './index-settings';
import { MEILI_CLIENT, createMeiliClient } from './meili-client.provider';
import { enqueueDocuments } from './meili-http';
import { SearchDocument, documentsJson } from './search-document';
import { MeiliTaskFailedError } from './search-errors';

const WAIT = { timeout: 300_000, interval: 25 };

/**
 * The write side of Meilisearch (worker and CLI, with the master key): index settings, document
 * writes, rebuild swaps and the drift check's reads. The API reads through SearchReader.
 */
@Injectable()
export class SearchIndex {
  readonly name: string;

  private readonly url: string;

  private readonly embedder: AppConfig['embedder'];

  private readonly masterKey: string;

  /**
   * Set on a further node's index only (see `at`): how long one of its requests may take, the
   * upload included. The main node keeps the client's own timeouts.
   */
  private nodeTimeoutMs?: number;

  constructor(
    @Inject(MEILI_CLIENT) readonly client: MeiliSearch,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.name = assetsIndexName(config.meili.indexPrefix);
    this.url = config.meili.url.replace(/\/$/, '');
    this.embedder = config.embedder;
    this.masterKey = config.meili.masterKey;
  }

  /**
   * The same index on another node (a further node of MEILI_NODE_URLS), with the master key.
   * Each request there gives up after `timeoutMs`, so a hung node fails its follower's round
   * (which retries) instead of holding it, and the worker's shutdown, for half a minute.
   */
  at(url: string, timeoutMs: number): SearchIndex {
    const index = new SearchIndex(createMeiliClient({ url, apiKey: this.masterKey }, timeoutMs), {
      ...this.config,
      meili: { ...this.config.meili, url },
    });
    index.nodeTimeoutMs = timeoutMs;
    return index;
  }

  private index(name = this.name): Index<SearchDocument> {
    return this.client.index<SearchDocument>(name);
  }

  /**
   * Creates the index if needed and applies the settings; safe to repeat. Says whether the index
   * had to be created (a further node that comes back without it must be filled again).
   */
  async ensure(name = this.name): Promise<boolean> {
    let created = false;
    try {
      await this.client.getIndex(name);
    } catch {
      succeeded(
        await this.client.createIndex(name, { primaryKey: 'id' }).waitTask(WAIT),
        `create index ${name}`,
        true,
      );
      created = true;
    }
    succeeded(
      await this.index(name).updateSettings(indexSettings(this.embedder)).waitTask(WAIT),
      `settings of ${name}`,
    );
    return created;
  }

  /** When the index was made (its identity: a node wiped and made again has another), if it exists. */
  async createdAt(): Promise<string | undefined> {
    try {
      return (await this.client.getRawIndex(this.name)).createdAt;
    } catch (error) {
      if (error instanceof MeiliSearchApiError && error.cause?.code === 'index_not_found')
        return undefined;
      throw error;
    }
  }

  /** Enqueues without waiting, so Meilisearch can batch consecutive additions (bulk loads). */
  async enqueue(documents: SearchDocument[], name = this.name): Promise<number> {
    const body = documentsJson(documents);
    if (this.nodeTimeoutMs === undefined)
      return enqueueDocuments(this.url, this.masterKey, name, body);
    return enqueueDocuments(this.url, this.masterKey, name, body, this.nodeTimeoutMs, true);
  }

  /** Enqueues a removal without waiting (see `enqueue`). */
  async enqueueRemoval(ids: string[], name = this.name): Promise<number> {
    return (await this.index(name).deleteDocuments(ids)).taskUid;
  }

  /** Waits for enqueued tasks; a failed one throws MeiliTaskFailedError. `interval`: how often to look. */
  async waitAll(taskUids: number[], interval = 250): Promise<void> {
    for (const task of await this.client.tasks.waitForTasks(taskUids, { ...WAIT, interval }))
      succeeded(task, `task ${task.uid}`);
  }

  /** id → content hash of every indexed document, read in pages (the drift check). */
  async contentHashes(name = this.name): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    for (let offset = 0; ; offset += 1000) {
      const page = await this.index(name).getDocuments<Pick<SearchDocument, 'id' | 'contentHash'>>({
        fields: ['id', 'contentHash'],
        limit: 1000,
        offset,
      });
      for (const document of page.results) result.set(document.id, document.contentHash);
      if (page.results.length < 1000) return result;
    }
  }

  async swapWith(other: string): Promise<void> {
    succeeded(
      await this.client
        .swapIndexes([{ indexes: [this.name, other], rename: false }])
        .waitTask(WAIT),
      'swap indexes',
    );
  }

  async drop(name: string): Promise<void> {
    succeeded(await this.client.deleteIndex(name).waitTask(WAIT), `delete index ${name}`, true);
  }

  /** Meilisearch answers its health route within a second (the relay probes this in an outage). */
  async healthy(): Promise<boolean> {
    try {
      const response = await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(1000) });
      return response.ok;
    } catch {
      return false;
    }
  }
}

function succeeded(task: Task, what: string, alreadyDoneIsFine = false): void {
  if (task.status === 'succeeded') return;
  const code = task.error?.code;
  if (alreadyDoneIsFine && (code === 'index_already_exists' || code === 'index_not_found')) return;
  throw new MeiliTaskFailedError(
    what,
    code,
    task.error?.type,
    `${task.status}: ${task.error?.message ?? 'no detail'}`,
  );
}
