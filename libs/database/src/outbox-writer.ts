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

  /** Many entities in one statement and one wake-up (imports write hundreds per transaction). */
  async enqueueMany(
    manager: EntityManager,
    entityType: OutboxEntity,
    entityIds: string[],
  ): Promise<void> {
    if (entityIds.length === 0) return;
    await manager.query(
      'INSERT INTO search_outbox (entity_type, entity_id) SELECT $1, unnest($2::uuid[])',
      [entityType, entityIds],
    );
    await manager.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
  }
}
