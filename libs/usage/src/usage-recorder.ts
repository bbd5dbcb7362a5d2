import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { loggableError } from '@bouwsteen/common';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { TransactionRunner } from '@bouwsteen/database';
import { isBot } from './bots';
import { LoggedSearch, SearchLogRepository } from './search-log.repository';
import {
  BUFFER_LIMIT,
  FLUSH_BATCH,
  FLUSH_INTERVAL_MS,
  POOR_RESULT_HITS,
  SEARCH_LOG_RETENTION_DAYS,
  referrerHost,
  usageDay,
  viewerHash,
} from './usage-rules';
import { CountedEvent, ViewsRepository } from './views.repository';

/** Who looked, as the request tells it; held in memory until the next flush, never stored. */
export interface Viewer {
  userId?: string;
  address?: string;
  userAgent?: string;
  referrer?: string;
  /** The Host the request was sent to (a referrer from it is the site itself). */
  host?: string;
}

type Pending =
  | { type: 'view' | 'click'; assetId: string; at: Date; viewer: Viewer }
  | { type: 'search'; search: Omit<LoggedSearch, 'visitor'>; viewer: Viewer };

/**
 * A batch PostgreSQL refuses for what it holds (a data exception, class 22, or an integrity
 * violation, class 23) is refused again at every try; anything else (a closed connection, the
 * database restarting, a lock or statement timeout) may pass the next time.
 */
function refusedForContent(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const { code } = error.driverError as { code?: unknown };
  return typeof code === 'string' && /^2[23]/.test(code);
}

/**
 * Counting off the request path: a page only pushes an event into a bounded in-memory buffer
 * (push never waits and never throws; when the buffer is full the event is dropped and
 * counted), and a timer writes the buffer every FLUSH_INTERVAL_MS in batches, each in one
 * transaction (views and searches together). A batch leaves the buffer only once written: a
 * write that fails keeps it at the head and the timer tries again, so a failed write loses no
 * counts, and since the kept events stay in the same bounded buffer, an outage costs at most
 * the events that no longer fit (dropped, and counted). Only a batch PostgreSQL refuses for its
 * content is let go (it would block every later one). Robots are left out at the push. Once a
 * day (the first flush of a new day, once it has written what waited) the past days' salts and
 * hashes (of viewers and of searchers) and the search rows past their retention are deleted.
 */
@Injectable()
export class UsageRecorder implements OnModuleDestroy {
  private readonly logger = new Logger(UsageRecorder.name);
  private buffer: Pending[] = [];
  private readonly salts = new Map<string, Buffer>();
  private readonly ownHosts: string[];
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;
  private purgedDay = '';
  private closed = false;
  /** Events dropped (the buffer full, or a batch refused for its content) since the start. */
  dropped = 0;

  constructor(
    private readonly views: ViewsRepository,
    private readonly searches: SearchLogRepository,
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ownHosts = [new URL(config.web.publicBaseUrl).hostname];
  }

  /** A view of a block's page (/bouwstenen/:id), from a person's browser. */
  view(assetId: string, viewer: Viewer): void {
    if (isBot(viewer.userAgent)) return;
    this.push({ type: 'view', assetId, at: new Date(), viewer });
  }

  /** A followed link to a block's material. */
  click(assetId: string, viewer: Viewer): void {
    if (isBot(viewer.userAgent)) return;
    this.push({
      type: 'click',
      assetId,
      at: new Date(),
      viewer: { ...viewer, referrer: undefined },
    });
  }

  /**
   * A search from /zoeken (already normalised: see normaliseQuery and filtersKey), by the
   * viewer a view would be (the same day-keyed hash: the analytics count distinct searchers).
   */
  search(search: Omit<LoggedSearch, 'at' | 'day' | 'visitor'>, viewer: Viewer): void {
    if (isBot(viewer.userAgent)) return;
    const at = new Date();
    this.push({
      type: 'search',
      search: { ...search, at, day: usageDay(at) },
      viewer: { userId: viewer.userId, address: viewer.address, userAgent: viewer.userAgent },
    });
  }

  /** How many events wait for the next flush. */
  get pending(): number {
    return this.buffer.length;
  }

  /**
   * Writes what waits (tests call it; the timer does otherwise). One flush at a time. When a
   * write fails, what it did not write stays in the buffer for the next flush (the timer is set
   * for it) and the error is thrown.
   */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.buffer.length === 0 && this.purgedDay === usageDay(new Date())) return;
    this.flushing = this.write().finally(() => (this.flushing = undefined));
    try {
      await this.flushing;
    } catch (error) {
      this.schedule();
      throw error;
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush().catch((error: unknown) =>
      this.logger.warn(
        `last flush failed, ${this.buffer.length} events not written: ${loggableError(error)}`,
      ),
    );
  }

  private push(event: Pending): void {
    if (this.buffer.length >= BUFFER_LIMIT) {
      this.dropped++;
      return;
    }
    this.buffer.push(event);
    this.schedule();
  }

  /** A flush in FLUSH_INTERVAL_MS, unless one is set already (or the module is closing). */
  private schedule(): void {
    if (this.closed || this.buffer.length === 0) return;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.flush().catch((error: unknown) =>
        this.logger.warn(
          `flush failed, ${this.buffer.length} events kept for the next: ${loggableError(error)}`,
        ),
      );
    }, FLUSH_INTERVAL_MS).unref();
  }

  private async write(): Promise<void> {
    const today = usageDay(new Date());
    while (this.buffer.length > 0) {
      // Taken from the buffer only once written; new events meanwhile go after it.
      const batch = this.buffer.slice(0, FLUSH_BATCH);
      const counted: CountedEvent[] = [];
      const searches: LoggedSearch[] = [];
      for (const event of batch) {
        if (event.type === 'search')
          searches.push({
            ...event.search,
            visitor: await this.visitorHash(event.search.day, event.viewer, today),
          });
        else counted.push(await this.counted(event, today));
      }
      try {
        // One transaction: a retry never writes a batch's searches (not idempotent) twice.
        await this.tx.run(async (manager) => {
          await this.views.record(counted, manager);
          await this.searches.record(searches, POOR_RESULT_HITS, manager);
        });
      } catch (error) {
        if (!refusedForContent(error)) throw error;
        this.dropped += batch.length;
        this.logger.warn(
          `${batch.length} events refused by the database, dropped: ${loggableError(error)}`,
        );
      }
      this.buffer.splice(0, batch.length);
    }
    // After the buffer: the day's last events are still counted with its salt and hashes. A
    // searcher's hash goes with its day's salt (no later hash could match it anyway).
    if (this.purgedDay !== today) {
      await this.views.purgeBefore(today);
      await this.searches.purgeSearchersBefore(today);
      await this.searches.purgeOlderThan(SEARCH_LOG_RETENTION_DAYS);
      for (const day of this.salts.keys()) if (day < today) this.salts.delete(day);
      this.purgedDay = today;
    }
  }

  private async counted(
    event: Extract<Pending, { type: 'view' | 'click' }>,
    today: string,
  ): Promise<CountedEvent> {
    const day = usageDay(event.at);
    const hosts = event.viewer.host ? [...this.ownHosts, event.viewer.host] : this.ownHosts;
    return {
      assetId: event.assetId,
      day,
      event: event.type,
      viewer: await this.visitorHash(day, event.viewer, today),
      referrerHost:
        event.type === 'view' ? (referrerHost(event.viewer.referrer, hosts) ?? null) : null,
    };
  }

  /** Who looked or searched on `day`, as that day's keyed hash (hex): never the address. */
  private async visitorHash(day: string, viewer: Viewer, today: string): Promise<string> {
    return viewerHash(await this.saltFor(day, today), viewer).toString('hex');
  }

  /** A past day's salt is gone from the table: its last events get one kept in memory only. */
  private async saltFor(day: string, today: string): Promise<Buffer> {
    let salt = this.salts.get(day);
    if (!salt) {
      salt = day < today ? randomBytes(32) : await this.views.salt(day, randomBytes(32));
      this.salts.set(day, salt);
    }
    return salt;
  }
}
