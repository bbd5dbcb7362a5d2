import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AssetChangeListener, AssetChangedEvent, AssetEvents } from '@bouwsteen/assets';
import { JobEngine, JobQueueName, WebhookJobData } from '@bouwsteen/jobs';
import { ReviewEvents, ReviewWrittenEvent, ReviewWrittenListener } from '@bouwsteen/reviews';
import { NotificationEvents } from './notification-events';

/**
 * Writes notifications (and the webhook deliveries they cause, each a job) inside the transaction of the
 * change itself, so a follower is told exactly when the change commits and never otherwise.
 * Texts are Dutch: they are read by people, in the pages and in the API alike.
 * Recipients of a change: followers of the asset or its PPS, and members of PPS or organisations
 * that recorded a reuse of it. Of a new review (type `review`): the active members of the PPS
 * that owns the block. Whoever made the change or wrote the review is not told about it. Saved
 * searches with alerts (libs/lists) write through `savedSearchMatched`: one notification per
 * search and run.
 */
/** New blocks a saved search found in one alert run. */
export interface SavedSearchMatch {
  userId: string;
  /** The saved search's name, as its owner gave it. */
  name: string;
  /** Where the owner sees the search (a page path). */
  link: string;
  /** The first of the new blocks (at most a few dozen). */
  assetIds: string[];
  /** How many new blocks it found. */
  total: number;
}

@Injectable()
export class NotificationWriter
  implements AssetChangeListener, ReviewWrittenListener, OnModuleInit
{
  constructor(
    private readonly events: AssetEvents,
    private readonly reviewEvents: ReviewEvents,
    private readonly engine: JobEngine,
    private readonly notifications: NotificationEvents,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(this);
    this.reviewEvents.subscribe(this);
  }

  async reviewWritten(
    manager: EntityManager,
    { assetId, authorId }: ReviewWrittenEvent,
  ): Promise<void> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO notification (user_id, type, asset_id, asset_version, reason, message)
       SELECT DISTINCT u.id, 'review', a.id, a.version, 'een bouwsteen van uw PPS',
              format('Nieuwe review van "%s"', a.title)
         FROM asset_published a
         JOIN pps_membership m ON m.pps_id = a.pps_id
         JOIN app_user u ON u.id = m.user_id
        WHERE a.id = $1 AND u.active AND u.id <> $2
       RETURNING id`,
      [assetId, authorId],
    );
    await this.deliver(manager, rows);
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
    await this.deliver(manager, rows);
  }

  /**
   * New blocks for a saved search: one notification for the search (never one per block),
   * naming the first blocks and where to see them all. Written in the caller's transaction, so
   * it exists exactly when the search's new watermark does. Nothing for an inactive account.
   */
  async savedSearchMatched(manager: EntityManager, match: SavedSearchMatch): Promise<void> {
    const message =
      match.total === 1
        ? `1 nieuwe bouwsteen voor uw zoekopdracht "${match.name}"`
        : `${match.total} nieuwe bouwstenen voor uw zoekopdracht "${match.name}"`;
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO notification (user_id, type, reason, message, link, asset_ids)
       SELECT u.id, 'saved-search', 'u bewaarde deze zoekopdracht met meldingen', $2, $3, $4::uuid[]
       FROM app_user u WHERE u.id = $1 AND u.active
       RETURNING id`,
      [match.userId, message, match.link, match.assetIds],
    );
    await this.deliver(manager, rows);
  }

  private async deliver(manager: EntityManager, rows: { id: string }[]): Promise<void> {
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
