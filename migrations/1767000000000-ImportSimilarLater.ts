import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Dit bestaat al" for an import's new rows runs after the rows are written, as jobs of a queue
 * of its own (issue 28: a check on every row made an import 34× slower). A batch of the import
 * records what each new row's check compares (`query`: the features, kind and PPS to leave out)
 * in `import_similar_row`, in a fenced transaction of the import; once the import has ended, jobs
 * of `import_similar` check them a slice at a time, append the findings to the report (in the
 * row's place: `position`) and delete the rows checked, in one transaction — so a check that is
 * interrupted resumes with exactly the rows it had not done. `similar_left` counts what waits.
 * A dry run that starts again keeps its rows: the same rows come again and are kept once.
 */
export class ImportSimilarLater1767000000000 implements MigrationInterface {
  name = 'ImportSimilarLater1767000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_similar_row (
        job_id uuid NOT NULL REFERENCES import_job(id) ON DELETE CASCADE,
        position integer NOT NULL,
        row_label text,
        source_id text,
        asset_id uuid,
        title text NOT NULL,
        query jsonb NOT NULL,
        PRIMARY KEY (job_id, position)
      )`);
    await q.query(
      `ALTER TABLE import_job ADD COLUMN similar_left integer NOT NULL DEFAULT 0
         CHECK (similar_left >= 0)`,
    );
    // The check lets imports go first: it asks whether any is under way before each chunk.
    await q.query(
      `CREATE INDEX import_job_under_way_idx ON import_job (id) WHERE status IN ('queued', 'running')`,
    );
    await q.query(`SELECT pgboss.create_queue('import_similar', $1::json)`, [
      JSON.stringify({ policy: 'standard', deadLetter: 'dead_letter' }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SELECT pgboss.delete_queue('import_similar')`);
    await q.query(`DROP INDEX import_job_under_way_idx`);
    await q.query(`ALTER TABLE import_job DROP COLUMN similar_left`);
    await q.query(`DROP TABLE import_similar_row`);
  }
}
