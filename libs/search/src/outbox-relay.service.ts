import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@bouwsteen/common';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { TransactionRunner } from '@bouwsteen/database';
import { OutboxListener } from './outbox-listener';
import { OutboxEntry, OutboxRepository } from './outbox.repository';
import { SearchDocumentsRepository } from './search-documents.repository';
import { SearchIndex } from './search-index';
import { SearchIndexer } from './search-indexer';

const KEEP_PROCESSED_MS = 86_400_000;

export interface DrainResult {
  claimed: number;
  failed: boolean;
}

/**
 * Drains the search outbox into Meilisearch. Each batch is claimed, re-read from the current
 * rows, written idempotently, awaited, and only then marked done, all in one transaction; a
 * failure schedules a retry with exponential backoff instead.
 */
@Injectable()
export class OutboxRelay implements OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loopDone?: Promise<void>;
  private wake?: () => void;
  private notified = false;
  private indexReady = false;
  private lastCleanup = 0;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxRepository,
    private readonly documents: SearchDocumentsRepository,
    private readonly index: SearchIndex,
    private readonly indexer: SearchIndexer,
    private readonly listener: OutboxListener,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.listener
      .listen(() => this.notify())
      .catch((error: Error) => this.logger.warn(`LISTEN failed: ${error.message}; polling only`));
    // Settings are applied at start so search works before the first write; if Meilisearch is
    // not up yet, the first batch applies them instead.
    await this.index
      .ensure()
      .then(() => (this.indexReady = true))
      .catch((error: Error) =>
        this.logger.warn(`Index settings not applied yet: ${error.message}`),
      );
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loopDone;
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  async drainOnce(): Promise<DrainResult> {
    return this.tx.run(async (manager) => {
      const entries = await this.outbox.claim(manager, this.config.outbox.batchSize);
      if (entries.length === 0) return { claimed: 0, failed: false };
      const ids = entries.map((entry) => entry.id);
      try {
        if (!this.indexReady) {
          await this.index.ensure();
          this.indexReady = true;
        }
        await this.indexer.apply(await this.affectedAssets(entries));
        await this.outbox.markDone(manager, ids);
        return { claimed: entries.length, failed: false };
      } catch (error) {
        this.indexReady = false;
        const message = error instanceof Error ? error.message : String(error);
        this.logger.warn(
          `Indexing ${entries.length} outbox entries failed, will retry: ${message}`,
        );
        await this.outbox.markFailed(
          manager,
          ids,
          message,
          this.config.outbox.retryBaseMs,
          this.config.outbox.retryMaxMs,
        );
        return { claimed: entries.length, failed: true };
      }
    });
  }

  private async affectedAssets(entries: OutboxEntry[]): Promise<string[]> {
    const byType = (type: OutboxEntry['entity_type']) =>
      entries.filter((entry) => entry.entity_type === type).map((entry) => entry.entity_id);
    const expanded = await this.documents.assetIdsFor(byType('pps'), byType('organisation'));
    return [...new Set([...byType('asset'), ...expanded])];
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
      if (result.claimed === 0 || result.failed) await this.sleep(this.config.outbox.pollMs);
    }
  }

  private notify(): void {
    this.notified = true;
    this.wake?.();
  }

  /** Waits for a notification or the poll interval; a notification that came early is not lost. */
  private sleep(ms: number): Promise<void> {
    if (this.notified) {
      this.notified = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(), ms);
      const done = () => {
        clearTimeout(timer);
        this.notified = false;
        resolve();
      };
      this.wake = done;
    });
  }

  private async cleanup(): Promise<void> {
    const now = this.clock.now().getTime();
    if (now - this.lastCleanup < 600_000) return;
    this.lastCleanup = now;
    await this.outbox.deleteProcessedBefore(new Date(now - KEEP_PROCESSED_MS));
  }
}
