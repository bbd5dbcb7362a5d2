import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A number that moves whenever the search index changes (an applied outbox batch, a rebuild, a
 * repair). Findings of "similar building blocks" are kept per block until it moves (see
 * SimilarFindingsCache): a sequence, because reading it takes no lock and bumping it never
 * waits for another writer. A bump is not undone by a rollback; an extra bump only costs a
 * recomputation.
 */
export class SearchGeneration1767200000000 implements MigrationInterface {
  name = 'SearchGeneration1767200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE search_generation`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SEQUENCE search_generation`);
  }
}
