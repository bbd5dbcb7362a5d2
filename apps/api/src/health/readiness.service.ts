import { Injectable } from '@nestjs/common';
import { TypeOrmHealthIndicator } from '@nestjs/terminus';
import { MeiliHealthIndicator, OutboxRepository, OutboxStats } from '@bouwsteen/search';

export interface Readiness {
  status: 'ok' | 'degraded' | 'error';
  checks: {
    postgres: { status: 'up' | 'down'; message?: string };
    meilisearch: { status: 'up' | 'down'; message?: string };
    searchOutbox?: OutboxStats & { status: 'up' | 'degraded' };
  };
}

/**
 * PostgreSQL is required: without it the API cannot answer (error, 503). Meilisearch is not:
 * writes still succeed and queue in the outbox, so its absence or a failing backlog is "degraded".
 */
@Injectable()
export class ReadinessService {
  constructor(
    private readonly database: TypeOrmHealthIndicator,
    private readonly meili: MeiliHealthIndicator,
    private readonly outbox: OutboxRepository,
  ) {}

  async check(): Promise<Readiness> {
    const [postgres, meili] = await Promise.all([this.postgres(), this.meili.check('meilisearch')]);
    const meilisearch = meili.meilisearch as Readiness['checks']['meilisearch'];
    const checks: Readiness['checks'] = { postgres, meilisearch };
    if (postgres.status === 'down') return { status: 'error', checks };
    const stats = await this.outbox.stats();
    checks.searchOutbox = { ...stats, status: stats.failing > 0 ? 'degraded' : 'up' };
    const degraded = meilisearch.status === 'down' || stats.failing > 0;
    return { status: degraded ? 'degraded' : 'ok', checks };
  }

  async metrics(): Promise<string> {
    const [stats, readiness] = await Promise.all([this.outbox.stats(), this.check()]);
    const lines = [
      ['bouwsteen_search_outbox_pending', 'Outbox entries waiting to be indexed', stats.pending],
      [
        'bouwsteen_search_outbox_failing',
        'Outbox entries that failed at least 3 times',
        stats.failing,
      ],
      [
        'bouwsteen_search_outbox_oldest_pending_seconds',
        'Age of the oldest waiting entry',
        stats.oldestPendingSeconds,
      ],
      [
        'bouwsteen_search_outbox_processed_last_hour',
        'Entries indexed in the last hour',
        stats.processedLastHour,
      ],
      [
        'bouwsteen_meilisearch_up',
        'Meilisearch answers its health check',
        readiness.checks.meilisearch.status === 'up' ? 1 : 0,
      ],
    ] as const;
    return (
      lines
        .map(
          ([name, help, value]) => `# HELP ${name} ${help}\n# TYPE ${name} gauge\n${name} ${value}`,
        )
        .join('\n') + '\n'
    );
  }

  private async postgres(): Promise<Readiness['checks']['postgres']> {
    try {
      await this.database.pingCheck('postgres', { timeout: 2000 });
      return { status: 'up' };
    } catch (error) {
      return { status: 'down', message: error instanceof Error ? error.message : 'unreachable' };
    }
  }
}
