import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What publishers learn from use (issue 27, part 5), owned by libs/usage. No IP address, user
 * agent or account id is ever stored: a view or link click is deduplicated per day by a keyed
 * hash of (address, browser) or of the signed-in account, keyed by that day's random salt
 * (`usage_salt`); the salt and the day's hashes are deleted when the day is over, so yesterday's
 * hashes can neither be reversed nor linked to today's. What stays are counts per block and day
 * (`usage_daily`) and per block, month and referring host (`usage_referrer`, the host only).
 * Searches from /zoeken: the raw rows (`search_log`, normalised words, filters, hit count) are
 * kept at most 30 days; the per-day aggregate (`search_daily`) stays.
 */
export class Usage1766700000000 implements MigrationInterface {
  name = 'Usage1766700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE usage_salt (
        day date PRIMARY KEY,
        salt bytea NOT NULL CHECK (length(salt) = 32)
      )`);
    await q.query(`
      CREATE TABLE usage_seen (
        asset_id uuid NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
        day date NOT NULL,
        event text NOT NULL CHECK (event IN ('view', 'click')),
        viewer bytea NOT NULL CHECK (length(viewer) = 16),
        PRIMARY KEY (asset_id, day, event, viewer)
      )`);
    await q.query(`CREATE INDEX usage_seen_day ON usage_seen (day)`);
    await q.query(`
      CREATE TABLE usage_daily (
        asset_id uuid NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
        day date NOT NULL,
        views integer NOT NULL DEFAULT 0 CHECK (views >= 0),
        clicks integer NOT NULL DEFAULT 0 CHECK (clicks >= 0),
        PRIMARY KEY (asset_id, day)
      )`);
    await q.query(`
      CREATE TABLE usage_referrer (
        asset_id uuid NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        host text NOT NULL CHECK (length(host) BETWEEN 1 AND 253),
        views integer NOT NULL CHECK (views > 0),
        PRIMARY KEY (asset_id, month, host)
      )`);
    await q.query(`
      CREATE TABLE search_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        searched_at timestamptz NOT NULL,
        query text NOT NULL CHECK (length(query) <= 200),
        filters text NOT NULL CHECK (length(filters) <= 1000),
        provinces text NOT NULL DEFAULT '',
        sectors text NOT NULL DEFAULT '',
        hits integer NOT NULL CHECK (hits >= 0)
      )`);
    await q.query(`CREATE INDEX search_log_searched_at ON search_log (searched_at)`);
    await q.query(`
      CREATE TABLE search_daily (
        day date NOT NULL,
        query text NOT NULL CHECK (length(query) <= 200),
        filters text NOT NULL CHECK (length(filters) <= 1000),
        provinces text NOT NULL DEFAULT '',
        sectors text NOT NULL DEFAULT '',
        searches integer NOT NULL CHECK (searches > 0),
        zero_results integer NOT NULL DEFAULT 0 CHECK (zero_results >= 0),
        poor_results integer NOT NULL DEFAULT 0 CHECK (poor_results >= 0),
        PRIMARY KEY (day, query, filters)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'DROP TABLE search_daily, search_log, usage_referrer, usage_daily, usage_seen, usage_salt',
    );
  }
}
