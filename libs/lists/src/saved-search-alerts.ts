import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ValidationFailedError, loggableError } from '@bouwsteen/common';
import { TransactionRunner } from '@bouwsteen/database';
import { NotificationWriter } from '@bouwsteen/follow';
import {
  JobAttempt,
  JobEngine,
  JobHandler,
  JobQueueName,
  JobRunner,
  SavedSearchAlertsJobData,
} from '@bouwsteen/jobs';
import { SearchQueryDto, SearchService } from '@bouwsteen/search';
import {
  ALERT_CANDIDATES_PER_SEARCH,
  ALERT_INTERVAL_SECONDS,
  ALERT_NAMED_BLOCKS,
  ALERT_SEARCHES_PER_RUN,
  judgeable,
} from './list-rules';
import { SavedSearch, SavedSearchesRepository } from './saved-searches.repository';
import { SavedSearchesService } from './saved-searches.service';

/** Saved searches one transaction takes (and locks) at a time. */
const BATCH = 25;

/**
 * Alerts of saved searches, a job of the worker. Each run takes the saved searches with alerts
 * on (longest unchecked first, at most ALERT_SEARCHES_PER_RUN, locked so parallel runs share
 * nothing) and for each: the blocks first published since its watermark (from the assets read
 * surface, at most ALERT_CANDIDATES_PER_SEARCH), those of them the search finds (Meilisearch,
 * the search's own words and filters narrowed to these ids), one notification when it found
 * any, and the new watermark — all in one transaction, so a run that runs again tells nothing
 * twice. A block not yet in the index holds the watermark before it until it is.
 */
@Injectable()
export class SavedSearchAlerts implements JobHandler<SavedSearchAlertsJobData>, OnModuleInit {
  private readonly logger = new Logger(SavedSearchAlerts.name);
  readonly queue = JobQueueName.SavedSearchAlerts;
  readonly concurrency = 1;
  readonly settings = {
    retryLimit: 2,
    retryDelaySeconds: 60,
    backoff: true,
    expireInSeconds: 15 * 60,
  };
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly searches: SavedSearchesRepository,
    private readonly savedSearches: SavedSearchesService,
    private readonly search: SearchService,
    private readonly notifications: NotificationWriter,
    private readonly runner: JobRunner,
    private readonly engine: JobEngine,
    private readonly tx: TransactionRunner,
  ) {}

  onModuleInit(): void {
    this.runner.register(this);
  }

  /**
   * Asks for a run now and every interval after (a worker that runs jobs calls it). Every
   * worker asks; the job's id is the interval's, so one run per interval is made.
   */
  schedule(): void {
    if (this.timer) return;
    const ask = () =>
      this.request().catch((error: unknown) =>
        this.logger.error(`Asking for a saved-search alert run failed: ${loggableError(error)}`),
      );
    void ask();
    this.timer = setInterval(ask, ALERT_INTERVAL_SECONDS * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  async request(): Promise<void> {
    const slot = Math.floor(Date.now() / 1000 / ALERT_INTERVAL_SECONDS);
    await this.tx.run((manager) =>
      this.engine.send<SavedSearchAlertsJobData>(
        manager,
        this.queue,
        { kind: JobQueueName.SavedSearchAlerts },
        slotId(slot),
      ),
    );
  }

  async run(attempt: JobAttempt<SavedSearchAlertsJobData>): Promise<void> {
    await this.runOnce((manager) => attempt.fence(manager), attempt.signal);
  }

  /** One run over the due saved searches; how many it looked at and notifications it wrote. */
  async runOnce(
    fence: (manager: EntityManager) => Promise<void> = async () => {},
    signal?: AbortSignal,
  ): Promise<{ searches: number; notifications: number }> {
    const seen: string[] = [];
    let notifications = 0;
    while (seen.length < ALERT_SEARCHES_PER_RUN && !signal?.aborted) {
      const batch = await this.tx.run(async (manager) => {
        await fence(manager);
        const due = await this.searches.claimForAlerts(
          manager,
          Math.min(BATCH, ALERT_SEARCHES_PER_RUN - seen.length),
          seen,
        );
        for (const saved of due) {
          try {
            if (await this.check(manager, saved)) notifications++;
          } catch (error) {
            // A search that can no longer be run (a filter's code was withdrawn) stays as it is;
            // the others go on. Its owner sees the search on "Mijn zoekopdrachten".
            if (!(error instanceof ValidationFailedError)) throw error;
            this.logger.warn(`Saved search ${saved.id} could not be run: ${error.message}`);
          }
        }
        return due;
      });
      seen.push(...batch.map((saved) => saved.id));
      if (batch.length === 0) break;
    }
    return { searches: seen.length, notifications };
  }

  private async check(manager: EntityManager, saved: SavedSearch): Promise<boolean> {
    const candidates = await this.searches.publishedSince(
      manager,
      saved.checkedUntil,
      ALERT_CANDIDATES_PER_SEARCH,
    );
    if (candidates.length === 0) return false;
    const ids = candidates.map((candidate) => candidate.id);
    const indexed = new Set(await this.search.matchingAmong(new SearchQueryDto(), ids));
    const { ready, until } = judgeable(candidates, indexed);
    if (!until) return false;
    const query = await this.savedSearches.searchQuery(saved.query);
    const found = new Set(
      await this.search.matchingAmong(
        query,
        ready.map((block) => block.id),
      ),
    );
    const matches = ready.filter((block) => found.has(block.id)).map((block) => block.id);
    await this.searches.checkedUntil(manager, saved.id, until);
    if (matches.length === 0) return false;
    await this.notifications.savedSearchMatched(manager, {
      userId: saved.ownerUserId,
      name: saved.name,
      link: `/mijn-zoekopdrachten/${saved.id}/openen`,
      assetIds: matches.slice(0, ALERT_NAMED_BLOCKS),
      total: matches.length,
    });
    return true;
  }
}

/** The job id of an interval: the same for every worker asking in it. */
function slotId(slot: number): string {
  const hex = createHash('sha256').update(`saved-search-alerts:${slot}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
