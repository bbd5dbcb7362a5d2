import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search analytics count people, not searches (issue 27, privacy): one person who searches a
 * pupil's name ten times no longer makes it appear to every PPS lead. A search is recorded with
 * the same day-salted visitor hash as a view (never the address, user agent or account id):
 * `search_searcher` keeps, per day, which hashes searched a query (`kind` 'query') and which
 * searched a word of a poor search (`kind` 'poor-word'), and is deleted with the day's salt
 * when the day is over (the hashes cannot be matched to a new day's anyway). What stays is how
 * many distinct visitors that was: `search_daily.searchers` (per day and query, added to the
 * row of the filters the visitor first used, so summing a query's rows over filters counts each
 * visitor once a day) and `search_poor_word` (per day and word).
 *
 * Rows from before this migration have no hashes: who searched them is unknown, so each day's
 * query and each day's word of a poor search is treated as ONE person (searchers = 1 on one row
 * per day and query; never searchers = searches, which would keep one person's repeated
 * searches showing).
 */
export class SearchSearchers1766903600000 implements MigrationInterface {
  name = 'SearchSearchers1766903600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE search_searcher (
        day date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('query', 'poor-word')),
        term text NOT NULL CHECK (length(term) <= 200),
        visitor bytea NOT NULL CHECK (length(visitor) = 16),
        PRIMARY KEY (day, kind, term, visitor)
      )`);
    await q.query(`
      CREATE TABLE search_poor_word (
        day date NOT NULL,
        word text NOT NULL CHECK (length(word) <= 200),
        searchers integer NOT NULL CHECK (searchers > 0),
        PRIMARY KEY (day, word)
      )`);
    await q.query(`
      ALTER TABLE search_daily
        ADD COLUMN searchers integer NOT NULL DEFAULT 0 CHECK (searchers >= 0)`);
    // Unknown who: one person per day and query, on the row with the first filters.
    await q.query(`
      UPDATE search_daily d SET searchers = 1
        FROM (SELECT day, query, min(filters) AS filters FROM search_daily GROUP BY day, query) f
       WHERE (d.day, d.query, d.filters) = (f.day, f.query, f.filters)`);
    await q.query(`
      INSERT INTO search_poor_word (day, word, searchers)
      SELECT DISTINCT day, word, 1
        FROM search_daily CROSS JOIN LATERAL unnest(string_to_array(query, ' ')) AS w(word)
       WHERE poor_results > 0 AND length(word) >= 3`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE search_daily DROP COLUMN searchers');
    await q.query('DROP TABLE search_poor_word, search_searcher');
  }
}
