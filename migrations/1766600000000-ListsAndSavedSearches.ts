import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal lists of building blocks and saved searches (libs/lists), and notifications of a
 * new kind (libs/follow): new blocks for a saved search, one notification per search and run,
 * naming the blocks it found (`asset_ids`) and where to see them (`link`), so it needs no one
 * asset. Everything a person keeps here goes with their account (ON DELETE CASCADE).
 */
export class ListsAndSavedSearches1766600000000 implements MigrationInterface {
  name = 'ListsAndSavedSearches1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE block_list (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
        visibility text NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'public')),
        -- The owner's organisation when last saved: where a public list is shown.
        organisation_id uuid REFERENCES organisation(id) ON DELETE SET NULL,
        share_nonce text,
        share_token_hash text UNIQUE,
        row_version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((share_nonce IS NULL) = (share_token_hash IS NULL))
      )`);
    await q.query(
      `CREATE INDEX block_list_owner_idx ON block_list (owner_user_id, updated_at DESC)`,
    );
    await q.query(
      `CREATE INDEX block_list_public_idx ON block_list (organisation_id) WHERE visibility = 'public'`,
    );
    await q.query(`
      CREATE TABLE block_list_item (
        list_id uuid NOT NULL REFERENCES block_list(id) ON DELETE CASCADE,
        asset_id uuid NOT NULL REFERENCES asset(id),
        position integer NOT NULL CHECK (position >= 1),
        note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (list_id, asset_id),
        CONSTRAINT block_list_item_position_key UNIQUE (list_id, position) DEFERRABLE INITIALLY DEFERRED
      )`);
    await q.query(`
      CREATE TABLE saved_search (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        query text NOT NULL CHECK (length(query) <= 2000),
        alerts boolean NOT NULL DEFAULT false,
        checked_until timestamptz NOT NULL DEFAULT now(),
        row_version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX saved_search_owner_idx ON saved_search (owner_user_id, created_at DESC)`,
    );
    await q.query(
      `CREATE INDEX saved_search_alerts_idx ON saved_search (checked_until) WHERE alerts`,
    );
    await q.query(`
      ALTER TABLE notification
        ALTER COLUMN asset_id DROP NOT NULL,
        ALTER COLUMN asset_version DROP NOT NULL,
        ADD COLUMN link text,
        ADD COLUMN asset_ids uuid[],
        DROP CONSTRAINT notification_type_check,
        ADD CONSTRAINT notification_type_check
          CHECK (type IN ('new-version', 'archived', 'review', 'saved-search')),
        ADD CONSTRAINT notification_subject_check
          CHECK (type = 'saved-search' OR (asset_id IS NOT NULL AND asset_version IS NOT NULL))`);
    await q.query(`SELECT pgboss.create_queue('saved_search_alerts', $1::json)`, [
      JSON.stringify({
        policy: 'stately',
        retryLimit: 2,
        retryDelay: 60,
        deadLetter: 'dead_letter',
      }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SELECT pgboss.delete_queue('saved_search_alerts')`);
    await q.query(`DELETE FROM notification WHERE type = 'saved-search'`);
    await q.query(`
      ALTER TABLE notification
        DROP CONSTRAINT notification_subject_check,
        DROP CONSTRAINT notification_type_check,
        ADD CONSTRAINT notification_type_check CHECK (type IN ('new-version', 'archived', 'review')),
        DROP COLUMN asset_ids,
        DROP COLUMN link,
        ALTER COLUMN asset_version SET NOT NULL,
        ALTER COLUMN asset_id SET NOT NULL`);
    await q.query(`DROP TABLE saved_search, block_list_item, block_list`);
  }
}
