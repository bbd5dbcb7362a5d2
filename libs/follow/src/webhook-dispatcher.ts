import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { BlockedDestinationError, PublicHttpClient } from '@bouwsteen/common';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { TransactionRunner } from '@bouwsteen/database';
import { JobAttempt, JobHandler, JobQueueName, JobRunner, WebhookJobData } from '@bouwsteen/jobs';
import { FollowRepository } from './follow.repository';
import { toNotificationDto } from './follow.service';

export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Thrown to fail an attempt the receiver did not accept: the engine retries it after backoff. */
class DeliveryRefused extends Error {
  constructor(status: number | null, detail: string) {
    super(status === null ? detail : `HTTP ${status}`);
    this.name = 'DeliveryRefused';
  }
}

/**
 * Sends webhook deliveries, one job each: a POST with the notification as JSON, signed with
 * HMAC-SHA256 over timestamp and body. Anything but 2xx fails the attempt, and the job engine
 * tries again with exponential backoff (WEBHOOK_RETRY_BASE_SECONDS doubling, with jitter) up to
 * WEBHOOK_MAX_ATTEMPTS; then the delivery is given up and the job goes to the dead letters. A
 * URL that is not (or no longer) allowed is given up at once.
 */
@Injectable()
export class WebhookDispatcher implements JobHandler<WebhookJobData>, OnModuleInit {
  private readonly logger = new Logger(WebhookDispatcher.name);
  readonly queue = JobQueueName.Webhook;

  constructor(
    private readonly runner: JobRunner,
    private readonly tx: TransactionRunner,
    private readonly follows: FollowRepository,
    private readonly http: PublicHttpClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get concurrency(): number {
    return this.config.webhooks.concurrency;
  }

  get settings() {
    const { maxAttempts, retryBaseSeconds, timeoutMs } = this.config.webhooks;
    return {
      retryLimit: maxAttempts - 1,
      retryDelaySeconds: retryBaseSeconds,
      backoff: true,
      expireInSeconds: Math.ceil(timeoutMs / 1000) + 60,
    };
  }

  onModuleInit(): void {
    this.runner.register(this);
  }

  async run(attempt: JobAttempt<WebhookJobData>): Promise<void> {
    const delivery = await this.follows.pendingDelivery(attempt.data.deliveryId);
    if (!delivery) return; // made, given up, or its webhook was removed
    const body = JSON.stringify(toNotificationDto(delivery.notification));
    const timestamp = String(Math.floor(Date.now() / 1000));
    let status: number | null = null;
    let error: string;
    let blocked = false;
    try {
      // The URL is checked again at every delivery (a stored webhook may predate a stricter
      // setting; its name may now resolve elsewhere).
      const response = await this.http.post({
        url: delivery.url,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Bouwsteen-Webhooks/1',
          'x-bouwsteen-delivery': delivery.id,
          'x-bouwsteen-timestamp': timestamp,
          'x-bouwsteen-signature': signature(delivery.secret, timestamp, body),
        },
        body,
        timeoutMs: this.config.webhooks.timeoutMs,
        allowPrivate: this.config.webhooks.allowPrivateHosts,
        allowedPorts: this.config.webhooks.allowedPorts,
      });
      status = response.status;
      if (status >= 200 && status < 300) {
        await this.record(attempt, (manager) =>
          this.follows.delivered(manager, delivery.id, status!),
        );
        return;
      }
      error = `HTTP ${status}`;
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
      blocked = failure instanceof BlockedDestinationError;
      if (blocked) this.logger.warn(`Webhook ${delivery.id} not delivered: ${error}`);
    }
    const giveUp = blocked || attempt.isLast;
    await this.record(attempt, (manager) =>
      this.follows.failed(manager, delivery.id, status, error, giveUp),
    );
    if (!blocked) throw new DeliveryRefused(status, error);
  }

  async interrupted(
    manager: EntityManager,
    _id: string,
    data: WebhookJobData,
    final: boolean,
  ): Promise<void> {
    if (final) await this.follows.giveUp(manager, data.deliveryId);
  }

  private record(
    attempt: JobAttempt<WebhookJobData>,
    write: (manager: EntityManager) => Promise<void>,
  ): Promise<void> {
    return this.tx.run(async (manager) => {
      await attempt.fence(manager);
      await write(manager);
    });
  }
}
