import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** A search as kept: normalised words, the filters' key and the hit count; never who. */
export interface LoggedSearch {
  at: Date;
  day: string;
  query: string;
  filters: string;
  /** The province and sector filters used (comma-separated codes; "" for none). */
  provinces: string;
  sectors: string;
  hits: number;
}

export interface QueryFigure {
  query: string;
  searches: number;
  zeroResults: number;
  poorResults: number;
}

export interface ZeroResultFigure {
  query: string;
  province: string;
  sector: string;
  searches: number;
}

/**
 * The queries of search analytics (search_log, search_daily): one aggregate, "what the region
 * looked for". Raw rows are kept at most SEARCH_LOG_RETENTION_DAYS; the per-day counts stay.
 */
@Injectable()
export class SearchLogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A batch of searches: the raw rows and the day's counts, in one statement. */
  async record(
    searches: readonly LoggedSearch[],
    poorHits: number,
    manager?: EntityManager,
  ): Promise<void> {
    if (searches.length === 0) return;
    await (manager ?? this.dataSource.manager).query(
      `WITH input AS (
         SELECT * FROM unnest($1::timestamptz[], $2::date[], $3::text[], $4::text[], $5::text[],
                              $6::text[], $7::int[])
                  AS t(searched_at, day, query, filters, provinces, sectors, hits)
       ), logged AS (
         INSERT INTO search_log (searched_at, query, filters, provinces, sectors, hits)
         SELECT searched_at, query, filters, provinces, sectors, hits FROM input
       )
       INSERT INTO search_daily (day, query, filters, provinces, sectors, searches, zero_results,
                                 poor_results)
       SELECT day, query, filters, min(provinces), min(sectors), count(*),
              count(*) FILTER (WHERE hits = 0), count(*) FILTER (WHERE hits <= $8)
         FROM input GROUP BY day, query, filters
       ON CONFLICT (day, query, filters) DO UPDATE
         SET searches = search_daily.searches + excluded.searches,
             zero_results = search_daily.zero_results + excluded.zero_results,
             poor_results = search_daily.poor_results + excluded.poor_results`,
      [
        searches.map((s) => s.at),
        searches.map((s) => s.day),
        searches.map((s) => s.query),
        searches.map((s) => s.filters),
        searches.map((s) => s.provinces),
        searches.map((s) => s.sectors),
        searches.map((s) => s.hits),
        poorHits,
      ],
    );
  }

  /** Raw rows older than `days` go (the per-day counts stay). */
  async purgeOlderThan(days: number): Promise<void> {
    await this.dataSource.query(
      'DELETE FROM search_log WHERE searched_at < clock_timestamp() - make_interval(days => $1)',
      [days],
    );
  }

  /** The most searched words since `from`, over every filter (searched at least `min` times). */
  async topQueries(from: string, min: number, limit: number): Promise<QueryFigure[]> {
    const rows = (await this.dataSource.query(
      `SELECT query, sum(searches)::int AS searches, sum(zero_results)::int AS zero,
              sum(poor_results)::int AS poor
         FROM search_daily WHERE day >= $1 AND query <> ''
        GROUP BY query HAVING sum(searches) >= $2
        ORDER BY searches DESC, query LIMIT $3`,
      [from, min, limit],
    )) as { query: string; searches: number; zero: number; poor: number }[];
    return rows.map((row) => ({
      query: row.query,
      searches: row.searches,
      zeroResults: row.zero,
      poorResults: row.poor,
    }));
  }

  /**
   * Searches without any hit since `from`, per province and sector filtered by ("" where none
   * was): a search filtered by two provinces counts under each.
   */
  async zeroResults(from: string, min: number, limit: number): Promise<ZeroResultFigure[]> {
    return (await this.dataSource.query(
      `SELECT query, province, sector, sum(zero_results)::int AS searches
         FROM search_daily
              CROSS JOIN LATERAL unnest(CASE provinces WHEN '' THEN ARRAY[''] ELSE string_to_array(provinces, ',') END)
                AS p(province)
              CROSS JOIN LATERAL unnest(CASE sectors WHEN '' THEN ARRAY[''] ELSE string_to_array(sectors, ',') END)
                AS s(sector)
        WHERE day >= $1 AND zero_results > 0 AND query <> ''
        GROUP BY query, province, sector HAVING sum(zero_results) >= $2
        ORDER BY searches DESC, query, province, sector LIMIT $3`,
      [from, min, limit],
    )) as ZeroResultFigure[];
  }

  /** Words of searches that found at most a few blocks, by how often they were searched. */
  async poorWords(
    from: string,
    min: number,
    limit: number,
  ): Promise<{ word: string; searches: number }[]> {
    return (await this.dataSource.query(
      `SELECT word, sum(poor_results)::int AS searches
         FROM search_daily CROSS JOIN LATERAL unnest(string_to_array(query, ' ')) AS w(word)
        WHERE day >= $1 AND poor_results > 0 AND length(word) >= 3
        GROUP BY word HAVING sum(poor_results) >= $2
        ORDER BY searches DESC, word LIMIT $3`,
      [from, min, limit],
    )) as { word: string; searches: number }[];
  }
}
