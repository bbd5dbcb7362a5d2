import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * A search as kept: normalised words, the filters' key and the hit count; of who searched only
 * the day-keyed visitor hash, kept until the day is over and never in search_log.
 */
export interface LoggedSearch {
  at: Date;
  day: string;
  /** The day-keyed hash of who searched (hex), as a view's viewer (see viewerHash). */
  visitor: string;
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
 * The queries of search analytics (search_log, search_daily, search_searcher,
 * search_poor_word): one aggregate, "what the region looked for". Raw rows are kept at most
 * SEARCH_LOG_RETENTION_DAYS and the visitor hashes until the day is over; the per-day counts,
 * of searches and of distinct searchers, stay.
 */
@Injectable()
export class SearchLogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * A batch of searches, in one statement: the raw rows; the visitors not seen before that day
   * for a query (search_searcher) counted once on search_daily (on the row of the filters they
   * first used); those not seen before that day for a word of a poor search counted on
   * search_poor_word; and the day's searches.
   */
  async record(
    searches: readonly LoggedSearch[],
    poorHits: number,
    manager?: EntityManager,
  ): Promise<void> {
    if (searches.length === 0) return;
    await (manager ?? this.dataSource.manager).query(
      `WITH input AS (
         SELECT searched_at, day, query, filters, provinces, sectors, hits,
                decode(hex, 'hex') AS visitor
           FROM unnest($1::timestamptz[], $2::date[], $3::text[], $4::text[], $5::text[],
                       $6::text[], $7::int[], $9::text[])
                  AS t(searched_at, day, query, filters, provinces, sectors, hits, hex)
       ), logged AS (
         INSERT INTO search_log (searched_at, query, filters, provinces, sectors, hits)
         SELECT searched_at, query, filters, provinces, sectors, hits FROM input
       ), earliest AS (
         SELECT DISTINCT ON (day, query, visitor) day, query, visitor, filters
           FROM input ORDER BY day, query, visitor, searched_at, filters
       ), fresh AS (
         INSERT INTO search_searcher (day, kind, term, visitor)
         SELECT day, 'query', query, visitor FROM earliest
         ON CONFLICT DO NOTHING
         RETURNING day, term, visitor
       ), newcomers AS (
         SELECT f.day, f.query, f.filters, count(*) AS n
           FROM fresh JOIN earliest f
                ON (f.day, f.query, f.visitor) = (fresh.day, fresh.term, fresh.visitor)
          GROUP BY f.day, f.query, f.filters
       ), fresh_words AS (
         INSERT INTO search_searcher (day, kind, term, visitor)
         SELECT DISTINCT day, 'poor-word', word, visitor
           FROM input CROSS JOIN LATERAL unnest(string_to_array(query, ' ')) AS w(word)
          WHERE hits <= $8 AND length(word) >= 3
         ON CONFLICT DO NOTHING
         RETURNING day, term
       ), words AS (
         INSERT INTO search_poor_word (day, word, searchers)
         SELECT day, term, count(*) FROM fresh_words GROUP BY day, term
         ON CONFLICT (day, word) DO UPDATE
           SET searchers = search_poor_word.searchers + excluded.searchers
       )
       INSERT INTO search_daily (day, query, filters, provinces, sectors, searches, searchers,
                                 zero_results, poor_results)
       SELECT i.day, i.query, i.filters, min(i.provinces), min(i.sectors), count(*),
              coalesce(min(n.n), 0), count(*) FILTER (WHERE i.hits = 0),
              count(*) FILTER (WHERE i.hits <= $8)
         FROM input i
              LEFT JOIN newcomers n
                ON (n.day, n.query, n.filters) = (i.day, i.query, i.filters)
        GROUP BY i.day, i.query, i.filters
       ON CONFLICT (day, query, filters) DO UPDATE
         SET searches = search_daily.searches + excluded.searches,
             searchers = search_daily.searchers + excluded.searchers,
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
        searches.map((s) => s.visitor),
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

  /** The visitor hashes of the days before `day` go with their salt (the counts stay). */
  async purgeSearchersBefore(day: string): Promise<void> {
    await this.dataSource.query('DELETE FROM search_searcher WHERE day < $1', [day]);
  }

  /**
   * The most searched words since `from`, over every filter: only those `min` visitors or more
   * searched (a visitor once a day; the figures are searches).
   */
  async topQueries(from: string, min: number, limit: number): Promise<QueryFigure[]> {
    const rows = (await this.dataSource.query(
      `SELECT query, sum(searches)::int AS searches, sum(zero_results)::int AS zero,
              sum(poor_results)::int AS poor
         FROM search_daily WHERE day >= $1 AND query <> ''
        GROUP BY query HAVING sum(searchers) >= $2
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
   * was): a search filtered by two provinces counts under each. Only queries `min` visitors or
   * more searched since `from` (with any filters) are listed.
   */
  async zeroResults(from: string, min: number, limit: number): Promise<ZeroResultFigure[]> {
    return (await this.dataSource.query(
      `WITH shown AS (
         SELECT query FROM search_daily WHERE day >= $1 AND query <> ''
          GROUP BY query HAVING sum(searchers) >= $2
       )
       SELECT query, province, sector, sum(zero_results)::int AS searches
         FROM search_daily
              CROSS JOIN LATERAL unnest(CASE provinces WHEN '' THEN ARRAY[''] ELSE string_to_array(provinces, ',') END)
                AS p(province)
              CROSS JOIN LATERAL unnest(CASE sectors WHEN '' THEN ARRAY[''] ELSE string_to_array(sectors, ',') END)
                AS s(sector)
        WHERE day >= $1 AND zero_results > 0 AND query IN (SELECT query FROM shown)
        GROUP BY query, province, sector
        ORDER BY searches DESC, query, province, sector LIMIT $3`,
      [from, min, limit],
    )) as ZeroResultFigure[];
  }

  /**
   * Words of searches that found at most a few blocks, by how often they were searched; only
   * words `min` visitors or more searched so since `from` (search_poor_word).
   */
  async poorWords(
    from: string,
    min: number,
    limit: number,
  ): Promise<{ word: string; searches: number }[]> {
    return (await this.dataSource.query(
      `WITH shown AS (
         SELECT word FROM search_poor_word WHERE day >= $1
          GROUP BY word HAVING sum(searchers) >= $2
       )
       SELECT word, sum(poor_results)::int AS searches
         FROM search_daily CROSS JOIN LATERAL unnest(string_to_array(query, ' ')) AS w(word)
        WHERE day >= $1 AND poor_results > 0 AND word IN (SELECT word FROM shown)
        GROUP BY word
        ORDER BY searches DESC, word LIMIT $3`,
      [from, min, limit],
    )) as { word: string; searches: number }[];
  }
}
