import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** A view or link click, ready to write: the viewer is already a day-keyed hash (hex). */
export interface CountedEvent {
  assetId: string;
  day: string;
  event: 'view' | 'click';
  viewer: string;
  referrerHost: string | null;
}

/** A block's figures over two months: this one and the one before. */
export interface BlockUse {
  viewsThisMonth: number;
  viewsLastMonth: number;
  clicksThisMonth: number;
  clicksLastMonth: number;
}

/**
 * The queries of the view and click counts (usage_salt, usage_seen, usage_daily,
 * usage_referrer): one aggregate, "how a block was looked at". Blocks are known through the
 * assets' read surface `asset_published`, never their tables.
 */
@Injectable()
export class ViewsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The day's salt, made once (by whichever process asks first) and shared by all. */
  async salt(day: string, fresh: Buffer): Promise<Buffer> {
    await this.dataSource.query(
      'INSERT INTO usage_salt (day, salt) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING',
      [day, fresh],
    );
    const [row] = (await this.dataSource.query('SELECT salt FROM usage_salt WHERE day = $1', [
      day,
    ])) as { salt: Buffer }[];
    return row.salt;
  }

  /**
   * Writes a batch in one statement: each (block, day, event, viewer) is new at most once
   * (usage_seen), and only what is new is added to the day's counts and, for views, to the
   * month's count of its referring host. Events for a block that is not published are ignored.
   */
  async record(events: readonly CountedEvent[], manager?: EntityManager): Promise<void> {
    if (events.length === 0) return;
    await (manager ?? this.dataSource.manager).query(
      `WITH input AS (
         SELECT DISTINCT ON (asset_id, day, event, viewer) asset_id, day, event, viewer, host
           FROM unnest($1::uuid[], $2::date[], $3::text[], $4::text[], $5::text[])
                  AS t(asset_id, day, event, hex, host)
                CROSS JOIN LATERAL (SELECT decode(hex, 'hex') AS viewer) v
          WHERE asset_id IN (SELECT id FROM asset_published)
          ORDER BY asset_id, day, event, viewer, host NULLS LAST
       ), fresh AS (
         INSERT INTO usage_seen (asset_id, day, event, viewer)
         SELECT asset_id, day, event, viewer FROM input
         ON CONFLICT DO NOTHING
         RETURNING asset_id, day, event, viewer
       ), counted AS (
         INSERT INTO usage_daily (asset_id, day, views, clicks)
         SELECT asset_id, day, count(*) FILTER (WHERE event = 'view'),
                count(*) FILTER (WHERE event = 'click')
           FROM fresh GROUP BY asset_id, day
         ON CONFLICT (asset_id, day) DO UPDATE
           SET views = usage_daily.views + excluded.views,
               clicks = usage_daily.clicks + excluded.clicks
       )
       INSERT INTO usage_referrer (asset_id, month, host, views)
       SELECT i.asset_id, date_trunc('month', i.day)::date, i.host, count(*)
         FROM fresh f JOIN input i USING (asset_id, day, event, viewer)
        WHERE f.event = 'view' AND i.host IS NOT NULL
        GROUP BY 1, 2, 3
       ON CONFLICT (asset_id, month, host) DO UPDATE
         SET views = usage_referrer.views + excluded.views`,
      [
        events.map((e) => e.assetId),
        events.map((e) => e.day),
        events.map((e) => e.event),
        events.map((e) => e.viewer),
        events.map((e) => e.referrerHost),
      ],
    );
  }

  /** The day is over: its salt and hashes go (the counts stay). */
  async purgeBefore(day: string): Promise<void> {
    await this.dataSource.query('DELETE FROM usage_seen WHERE day < $1', [day]);
    await this.dataSource.query('DELETE FROM usage_salt WHERE day < $1', [day]);
  }

  /** Views and clicks per block, this month (from `month`) and the month before (`previous`). */
  async use(
    assetIds: readonly string[],
    month: string,
    previous: string,
  ): Promise<Map<string, BlockUse>> {
    if (assetIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT asset_id,
              coalesce(sum(views) FILTER (WHERE day >= $2), 0)::int AS views_this,
              coalesce(sum(views) FILTER (WHERE day < $2), 0)::int AS views_last,
              coalesce(sum(clicks) FILTER (WHERE day >= $2), 0)::int AS clicks_this,
              coalesce(sum(clicks) FILTER (WHERE day < $2), 0)::int AS clicks_last
         FROM usage_daily WHERE asset_id = ANY($1::uuid[]) AND day >= $3
        GROUP BY asset_id`,
      [assetIds, month, previous],
    )) as {
      asset_id: string;
      views_this: number;
      views_last: number;
      clicks_this: number;
      clicks_last: number;
    }[];
    return new Map(
      rows.map((row) => [
        row.asset_id,
        {
          viewsThisMonth: row.views_this,
          viewsLastMonth: row.views_last,
          clicksThisMonth: row.clicks_this,
          clicksLastMonth: row.clicks_last,
        },
      ]),
    );
  }

  /** One block's views since `month` began (the public summary; one index range). */
  async viewsSince(assetId: string, month: string): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT coalesce(sum(views), 0)::int AS views FROM usage_daily
        WHERE asset_id = $1 AND day >= $2`,
      [assetId, month],
    )) as { views: number }[];
    return row.views;
  }

  /** The hosts most views of a PPS's blocks came from since `month` began. */
  async topReferrers(
    ppsId: string,
    month: string,
    limit: number,
  ): Promise<{ host: string; views: number }[]> {
    return (await this.dataSource.query(
      `SELECT r.host, sum(r.views)::int AS views
         FROM usage_referrer r JOIN asset_published a ON a.id = r.asset_id
        WHERE a.pps_id = $1 AND r.month >= $2
        GROUP BY r.host ORDER BY views DESC, r.host LIMIT $3`,
      [ppsId, month, limit],
    )) as { host: string; views: number }[];
  }
}
