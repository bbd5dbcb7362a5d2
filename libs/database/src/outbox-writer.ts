import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export type OutboxEntity = 'asset' | 'pps' | 'organisation';

export const OUTBOX_CHANNEL = 'search_outbox';

/**
 * Records, inside the caller's transaction, that an entity's search documents must be rebuilt.
 * The NOTIFY is delivered only if the transaction commits, so the worker wakes at once for
 * committed work and never for rolled-back work.
 */
@Injectable()
export class OutboxWriter {
  async enqueue(manager: EntityManager, entityType: OutboxEntity, entityId: string): Promise<void> {
    await manager.query('INSERT INTO search_outbox (entity_type, entity_id) VALUES ($1, $2)', [
      entityType,
      entityId,
    ]);
    await manager.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
  }
}
