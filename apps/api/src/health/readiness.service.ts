import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import {
  OutboxRepository,
  OutboxStats,
  SearchNodesRepository,
  SearchReader,
} from '@bouwsteen/search';

type CheckStatus = 'up' | 'down';

export interface Readiness {
  status: 'ok' | 'degraded' | 'down';
  checks: {
    postgres: { status: CheckStatus; message?: string };
    meilisearch: { status: CheckStatus; message?: string };
    searchOutbox?: OutboxStats & { status: 'up' | 'degraded' };
    /**
     * With further search nodes (MEILI_NODE_URLS): each node, MEILI_URL's as 1, and whether it
     * answers a search by itself; for the further ones, what each has still to apply.
     */
    searchNodes?: {
      node: number;
      status: CheckStatus;
      message?: string;
      pending?: number;
      oldestPendingSeconds?: number;
    }[];
  };
}

/** A further search node whose oldest change waits this long (seconds) is not keeping up. */
export const NODE_BEHIND_SECONDS = 300;

/** The whole answer comes within this, however a dependency hangs. */
export const READINESS_BUDGET_MS = 1_800;

class TimedOut extends Error {}

function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * PostgreSQL is required: without it the API cannot answer (down, 503). Meilisearch is not:
 * writes still succeed and queue in the outbox, so a search engine that is unreachable, slow,
 * refuses our key or fails a search makes the service "degraded", as do failing or parked
 * outbox entries. Each check runs a real query with a deadline, so the answer is true and quick.
 */
@Injectable()
export class ReadinessService {
  private readonly logger = new Logger(ReadinessService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly index: SearchReader,
    private readonly outbox: OutboxRepository,
    private readonly nodes: SearchNodesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(): Promise<Readiness> {
    const searchBudget = Math.min(READINESS_BUDGET_MS, this.config.meili.searchTimeoutMs + 200);
    const [postgres, meilisearch, eachNode] = await Promise.all([
      this.probe('PostgreSQL', () => this.dataSource.query('SELECT 1'), READINESS_BUDGET_MS),
      this.probe('Meilisearch', () => this.index.probe(), searchBudget),
      within(this.index.probeEach(), searchBudget, 'The search nodes').catch((error: Error) =>
        [this.config.meili.url, ...this.config.meili.nodeUrls].map(() => ({
          up: false,
          message: error.message,
        })),
      ),
    ]);
    const checks: Readiness['checks'] = { postgres, meilisearch };
    if (postgres.status === 'down') return { status: 'down', checks };
    const [stats, nodes] = await within(
      Promise.all([this.outbox.stats(), this.nodes.backlogs()]),
      READINESS_BUDGET_MS / 2,
      'The outbox',
    ).catch(() => [undefined, undefined]);
    if (!stats || !nodes) return { status: 'down', checks };
    const outboxHealthy = stats.failing === 0 && stats.parked === 0;
    checks.searchOutbox = { ...stats, status: outboxHealthy ? 'up' : 'degraded' };
    if (eachNode.length > 0)
      checks.searchNodes = eachNode.map(({ up, message }, position) => {
        const backlog = position > 0 ? nodes[position - 1] : undefined;
        return {
          node: position + 1,
          status: up ? 'up' : 'down',
          ...(message ? { message } : {}),
          ...(backlog
            ? { pending: backlog.pending, oldestPendingSeconds: backlog.oldestPendingSeconds }
            : {}),
        };
      });
    // A node down or far behind: searches still work (from another node), but not as configured.
    const nodesFailing =
      eachNode.some((node) => !node.up) ||
      nodes.some((node) => node.oldestPendingSeconds >= NODE_BEHIND_SECONDS);
    const degraded = meilisearch.status === 'down' || !outboxHealthy || nodesFailing;
    return { status: degraded ? 'degraded' : 'ok', checks };
  }

  async metrics(): Promise<string> {
    const readiness = await this.check();
    const stats = readiness.checks.searchOutbox;
    const gauge = (name: string, help: string, value: number | undefined) =>
      `# HELP ${name} ${help}\n# TYPE ${name} gauge\n${name} ${value ?? 'NaN'}`;
    return (
      [
        gauge(
          'bouwsteen_up',
          'Ready (1), degraded (0.5) or down (0)',
          {
            ok: 1,
            degraded: 0.5,
            down: 0,
          }[readiness.status],
        ),
        gauge(
          'bouwsteen_postgres_up',
          'PostgreSQL answers a query',
          readiness.checks.postgres.status === 'up' ? 1 : 0,
        ),
        gauge(
          'bouwsteen_meilisearch_up',
          'Meilisearch answers a search with the API key',
          readiness.checks.meilisearch.status === 'up' ? 1 : 0,
        ),
        gauge(
          'bouwsteen_search_nodes_down',
          'Search nodes (MEILI_URL and MEILI_NODE_URLS) that do not answer a search by themselves',
          readiness.checks.searchNodes?.filter((node) => node.status === 'down').length ?? 0,
        ),
        gauge(
          'bouwsteen_search_outbox_pending',
          'Outbox entries waiting to be indexed',
          stats?.pending,
        ),
        gauge(
          'bouwsteen_search_outbox_failing',
          'Waiting outbox entries that failed at least 3 times',
          stats?.failing,
        ),
        gauge(
          'bouwsteen_search_outbox_parked',
          'Outbox entries set aside because Meilisearch keeps rejecting their document',
          stats?.parked,
        ),
        gauge(
          'bouwsteen_search_outbox_oldest_pending_seconds',
          'Age of the oldest waiting entry',
          stats?.oldestPendingSeconds,
        ),
        gauge(
          'bouwsteen_search_outbox_processed_last_hour',
          'Entries indexed in the last hour',
          stats?.processedLastHour,
        ),
      ].join('\n') + '\n'
    );
  }

  private async probe(
    what: string,
    run: () => Promise<unknown>,
    deadlineMs: number,
  ): Promise<Readiness['checks']['postgres']> {
    try {
      await within(run(), deadlineMs, what);
      return { status: 'up' };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`Readiness: ${what} is down: ${message}`);
      return { status: 'down', message };
    }
  }
}
