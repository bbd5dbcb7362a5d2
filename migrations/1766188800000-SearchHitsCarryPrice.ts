import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search documents now carry the price per participant (the LLO tab's cards show it). Every
 * building block goes through the search outbox once more, so the worker rewrites its document
 * after an upgrade without anyone running a reindex; until then a card says "Prijs: niet vermeld".
 */
export class SearchHitsCarryPrice1766188800000 implements MigrationInterface {
  name = 'SearchHitsCarryPrice1766188800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO search_outbox (entity_type, entity_id) SELECT 'asset', id FROM asset`,
    );
  }

  async down(): Promise<void> {
    // Nothing to undo: the documents are rewritten from PostgreSQL, whatever they held.
  }
}
