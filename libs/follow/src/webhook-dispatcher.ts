import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { BlockedDestinationError, PublicHttpClient } from '@bouwsteen/common';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { TransactionRunner } from '@bouwsteen/database';
import { FollowRepository } from './follow.repository';
import { toNotificationDto } from './follow.service';

export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * Sends webhook deliveries: a POST with the notification as JSON, signed with HMAC-SHA256 over
 * timestamp and body; anything but 2xx is retried with exponential backoff, up to a limit.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private running = false;
  private loopDone?: Promise<void>;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly follows: FollowRepository,
    private readonly http: PublicHttpClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    await this.loopDone;
  }

  async dispatchOnce(): Promise<number> {
    return this.tx.run(async (manager) => {
      const due = await this.follows.claimDeliveries(manager, 20);
      for (const delivery of due) {
        const body = JSON.stringify(toNotificationDto(delivery.notification));
        const timestamp = String(Math.floor(Date.now() / 1000));
        try {
          // The URL is checked again at every delivery (a stored webhook may predate a stricter
          // setting; its name may now resolve elsewhere).
          const response = await this.http.post({
            url: delivery.url,
            headers: {
              'content-type': 'application/json',
              'user-agent': 'Bouwsteen-Webhooks/1',
              'x-bouwsteen-delivery': String(delivery.id),
              'x-bouwsteen-timestamp': timestamp,
              'x-bouwsteen-signature': signature(delivery.secret, timestamp, body),
            },
            body,
            timeoutMs: this.config.webhooks.timeoutMs,
            allowPrivate: this.config.webhooks.allowPrivateHosts,
          });
          if (response.status >= 200 && response.status < 300)
            await this.follows.delivered(manager, delivery.id, response.status);
          else
            await this.follows.failed(
              manager,
              delivery.id,
              response.status,
              `HTTP ${response.status}`,
              {
                retryBaseMs: this.config.webhooks.retryBaseMs,
                maxAttempts: this.config.webhooks.maxAttempts,
              },
            );
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          const blocked = error instanceof BlockedDestinationError;
          if (blocked) this.logger.warn(`Webhook ${delivery.id} not delivered: ${message}`);
          await this.follows.failed(manager, delivery.id, null, message, {
            retryBaseMs: this.config.webhooks.retryBaseMs,
            maxAttempts: this.config.webhooks.maxAttempts,
            giveUp: blocked,
          });
        }
      }
      return due.length;
    });
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let sent = 0;
      try {
        sent = await this.dispatchOnce();
      } catch (error) {
        this.logger.error(
          `Webhook dispatch failed: ${error instanceof Error ? error.message : error}`,
        );
      }
      if (sent === 0)
        await new Promise((resolve) => setTimeout(resolve, this.config.webhooks.pollMs));
    }
  }
}
