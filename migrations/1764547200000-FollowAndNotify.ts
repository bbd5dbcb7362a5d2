import { MigrationInterface, QueryRunner } from 'typeorm';

/** Follows, in-app notifications and signed webhook deliveries with retries. */
export class FollowAndNotify1764547200000 implements MigrationInterface {
  name = 'FollowAndNotify1764547200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE follow (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        target_type text NOT NULL CHECK (target_type IN ('asset', 'pps')),
        target_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, target_type, target_id)
      )`);
    await q.query(`CREATE INDEX follow_target_idx ON follow (target_type, target_id)`);
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN ('new-version', 'archived')),
        asset_id uuid NOT NULL REFERENCES asset(id),
        asset_version integer NOT NULL,
        reason text NOT NULL,
        message text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE webhook (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        url text NOT NULL CHECK (length(url) <= 2000),
        secret text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX webhook_user_idx ON webhook (user_id)`);
    await q.query(`
      CREATE TABLE webhook_delivery (
        id bigserial PRIMARY KEY,
        webhook_id uuid NOT NULL REFERENCES webhook(id) ON DELETE CASCADE,
        notification_id uuid NOT NULL REFERENCES notification(id) ON DELETE CASCADE,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        last_status integer,
        last_error text,
        delivered_at timestamptz,
        gave_up_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE delivered_at IS NULL AND gave_up_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_delivery, webhook, notification, follow`);
  }
}
