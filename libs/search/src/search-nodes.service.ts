import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { TransactionRunner } from '@bouwsteen/database';
import { SearchDocumentsRepository } from './search-documents.repository';
import { SearchIndex } from './search-index';
import { SearchIndexer } from './search-indexer';
import { SearchKeys } from './search-keys';
import { SearchNodeFollower } from './search-node-follower';
import { SearchNodesRepository } from './search-nodes.repository';

/** A request to a further node gives up after this (a hung node fails the round, which retries). */
const NODE_REQUEST_TIMEOUT_MS = 5_000;
/** A follower's round sends at most this many blocks (a short transaction, an upload of a few MB). */
const NODE_BATCH_SIZE = 2_000;

/**
 * The further Meilisearch nodes of MEILI_NODE_URLS, beside the one the outbox relay feeds:
 * registered when the relay starts (a new node is filled from nothing, a node no longer
 * configured is forgotten) and each followed on its own (SearchNodeFollower).
 */
@Injectable()
export class SearchNodes {
  private readonly logger = new Logger(SearchNodes.name);
  private followers: SearchNodeFollower[] = [];

  constructor(
    private readonly tx: TransactionRunner,
    private readonly nodes: SearchNodesRepository,
    private readonly documents: SearchDocumentsRepository,
    private readonly index: SearchIndex,
    private readonly indexer: SearchIndexer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(): Promise<void> {
    if (this.followers.length > 0) return;
    const registered = await this.nodes.register(this.config.meili.nodeUrls);
    this.followers = registered.map((node) => {
      const index = this.index.at(node.url, NODE_REQUEST_TIMEOUT_MS);
      return new SearchNodeFollower(node, {
        tx: this.tx,
        nodes: this.nodes,
        documents: this.documents,
        index,
        indexer: this.indexer.at(index),
        keys: new SearchKeys(index.client, this.config),
        batchSize: Math.min(this.config.outbox.batchSize, NODE_BATCH_SIZE),
        pollMs: this.config.outbox.pollMs,
      });
    });
    for (const follower of this.followers) follower.start();
    if (registered.length > 0)
      this.logger.log(
        `Feeding ${registered.length} further search node(s): ${registered.map((node) => new URL(node.url).host).join(', ')}`,
      );
  }

  async stop(): Promise<void> {
    await Promise.all(this.followers.map((follower) => follower.stop()));
    this.followers = [];
  }

  notify(): void {
    for (const follower of this.followers) follower.notify();
  }
}
