import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { OUTBOX_CHANNEL } from '@bouwsteen/database';

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;

/**
 * A dedicated connection that LISTENs for committed outbox writes, so the relay wakes within
 * milliseconds instead of at its next poll. When the connection drops it reconnects with
 * exponential backoff (0.5 s doubling to 30 s), logging each failure, and wakes the relay once
 * it is back, since notifications sent meanwhile were lost. Polling covers the gap.
 */
@Injectable()
export class OutboxListener implements OnModuleDestroy {
  private readonly logger = new Logger(OutboxListener.name);
  private client?: Client;
  private closed = false;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer?: NodeJS.Timeout;
  /** Connections made so far (the reconnect test watches this). */
  connections = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  listen(onNotify: () => void): void {
    this.closed = false;
    void this.connect(onNotify);
  }

  get connected(): boolean {
    return this.client !== undefined;
  }

  private async connect(onNotify: () => void): Promise<void> {
    if (this.closed) return;
    const client = new Client({
      connectionString: this.config.databaseUrl,
      application_name: 'bouwsteen-outbox-listener',
    });
    let lost = false;
    const reconnect = (reason: string) => {
      if (lost || this.closed) return;
      lost = true;
      if (this.client === client) this.client = undefined;
      client.end().catch(() => {
        // The connection is already gone; ending it can only fail the same way.
      });
      this.logger.warn(
        `Outbox listener lost PostgreSQL (${reason}); reconnecting in ${this.retryMs} ms, polling meanwhile`,
      );
      this.retryTimer = setTimeout(() => void this.connect(onNotify), this.retryMs);
      this.retryTimer.unref();
      this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    };
    client.on('notification', onNotify);
    client.on('error', (error) => reconnect(error.message));
    client.on('end', () => reconnect('connection ended'));
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      reconnect(error instanceof Error ? error.message : String(error));
      return;
    }
    if (this.closed) {
      await client.end();
      return;
    }
    this.client = client;
    this.connections++;
    if (this.connections > 1) this.logger.log('Outbox listener reconnected');
    this.retryMs = FIRST_RETRY_MS;
    onNotify();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end();
  }

  onModuleDestroy(): Promise<void> {
    return this.close();
  }
}
