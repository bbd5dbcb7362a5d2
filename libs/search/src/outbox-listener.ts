import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { OUTBOX_CHANNEL } from '@bouwsteen/database';

/**
 * A dedicated connection that LISTENs for committed outbox writes, so the relay wakes within
 * milliseconds instead of at its next poll. If it drops, polling still drains the outbox.
 */
@Injectable()
export class OutboxListener implements OnModuleDestroy {
  private readonly logger = new Logger(OutboxListener.name);
  private client?: Client;
  private closed = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async listen(onNotify: () => void): Promise<void> {
    if (this.closed) return;
    const client = new Client({
      connectionString: this.config.databaseUrl,
      application_name: 'bouwsteen-outbox-listener',
    });
    client.on('notification', onNotify);
    client.on('error', (error) => {
      this.logger.warn(`Outbox listener lost its connection: ${error.message}; relying on polling`);
      this.client = undefined;
      setTimeout(() => void this.listen(onNotify).catch(() => undefined), 5000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    this.client = client;
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => undefined);
  }
}
