import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AssetChangeListener, AssetChangedEvent, AssetEvents } from '@bouwsteen/assets';
import { JobEngine, JobQueueName, WebhookJobData } from '@bouwsteen/jobs';
import { NotificationEvents } from './notification-events';

/**
 * Writes notifications (and the webhook deliveries they cause, each a job) inside the transaction of the
 * change itself, so a follower is told exactly when the change commits and never otherwise.
 * Texts are Dutch: they are read by people, in the pages and in the API alike.
 * Recipients: followers of the asset or its PPS, and members of PPS or organisations that
 * recorded a reuse of it. Whoever made the change is not told about it.
 */
@Injectable()
export class NotificationWriter implements AssetChangeListener, OnModuleInit {
  constructor(
    private readonly events: AssetEvents,
    private readonly engine: JobEngine,
    private readonly notifications: NotificationEvents,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(this);
  }

  async assetChanged(
    manager: EntityManager,
    { assetId, change, actorId }: AssetChangedEvent,
  ): Promise<void> {
    const rows: { id: string }[] = await manager.query(
      `WITH target AS (
         SELECT id, pps_id, version AS published_version, title FROM asset_published WHERE id = $1
       ),
       recipients AS (
         SELECT f.user_id, 'u volgt deze bouwsteen' AS reason FROM follow f, target t
           WHERE f.target_type = 'asset' AND f.target_id = t.id
         UNION
         SELECT f.user_id, 'u volgt de PPS' FROM follow f, target t
           WHERE f.target_type = 'pps' AND f.target_id = t.pps_id
         UNION
         SELECT m.user_id, 'uw PPS hergebruikt deze bouwsteen' FROM reuse r JOIN pps_membership m ON m.pps_id = r.adopter_pps_id
           WHERE r.asset_id = $1
         UNION
         SELECT u.id, 'uw organisatie hergebruikt deze bouwsteen' FROM reuse r JOIN app_user u ON u.organisation_id = r.adopter_organisation_id
           WHERE r.asset_id = $1
       ),
       one_per_user AS (
         SELECT DISTINCT ON (user_id) user_id, reason FROM recipients ORDER BY user_id, reason
       )
       INSERT INTO notification (user_id, type, asset_id, asset_version, reason, message)
       SELECT o.user_id, $2, t.id, t.published_version, o.reason,
              CASE $2 WHEN 'archived' THEN format('"%s" is gearchiveerd', t.title)
                      ELSE format('Nieuwe versie (%s) van "%s"', t.published_version, t.title) END
       FROM one_per_user o JOIN app_user u ON u.id = o.user_id CROSS JOIN target t
       WHERE u.active AND o.user_id <> $3
       RETURNING id`,
      [assetId, change, actorId],
    );
    if (rows.length === 0) return;
    await this.notifications.emit(
      manager,
      rows.map((row) => row.id),
    );
    // Each delivery is a job, sent with the change: it exists exactly when the change commits.
    const deliveries: { id: string }[] = await manager.query(
      `INSERT INTO webhook_delivery (webhook_id, notification_id)
       SELECT w.id, n.id FROM notification n JOIN webhook w ON w.user_id = n.user_id WHERE n.id = ANY($1::uuid[])
       RETURNING id::text`,
      [rows.map((row) => row.id)],
    );
    await this.engine.sendMany<WebhookJobData>(
      manager,
      JobQueueName.Webhook,
      deliveries.map((delivery) => ({ kind: JobQueueName.Webhook, deliveryId: delivery.id })),
    );
  }
}
