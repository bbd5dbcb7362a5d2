import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** What an entry is about; 'asset' only for what its versions cannot show (a discarded draft). */
export type AuditSubject = 'account' | 'pps' | 'organisation' | 'asset';

export interface AuditEvent {
  actorId: string | null;
  action: 'created' | 'updated' | 'deactivated' | 'discarded' | 'deleted';
  subjectType: AuditSubject;
  subjectId: string;
  /** What changed, for a person: field names, never values such as passwords. */
  summary: string;
}

export interface RecordedAuditEvent extends AuditEvent {
  at: Date;
  /** The entry's place in the trail (ties in `at` are ordered by it): the key of the next page. */
  id: string;
}

/**
 * The audit trail of administrative changes. Written inside the caller's transaction, so a
 * change and its record commit together or not at all; read by admins only (their pages).
 */
@Injectable()
export class AuditTrail {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, event: AuditEvent): Promise<void> {
    await manager.query(
      `INSERT INTO audit_event (actor_id, action, subject_type, subject_id, summary) VALUES ($1, $2, $3, $4, $5)`,
      [event.actorId, event.action, event.subjectType, event.subjectId, event.summary],
    );
  }

  /**
   * A deleted account's entries keep what happened and when, without its address: an entry
   * about an account starts with the address it had then ("a@b.nl: role" or "a@b.nl (admin)";
   * an address holds no space, colon or parenthesis), which becomes `replacement`.
   */
  async forgetAccount(
    manager: EntityManager,
    accountId: string,
    replacement: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE audit_event SET summary = regexp_replace(summary, '^[^ :(]+', $2)
        WHERE subject_type = 'account' AND subject_id = $1`,
      [accountId, replacement],
    );
  }

  /** Newest first; `before` (an entry's id) gives the entries older than that one. */
  async recent(limit: number, before?: string): Promise<RecordedAuditEvent[]> {
    return this.dataSource.query(
      `SELECT id::text AS id, at, actor_id AS "actorId", action, subject_type AS "subjectType",
              subject_id AS "subjectId", summary
       FROM audit_event
       WHERE $2::bigint IS NULL OR (at, id) < (SELECT at, id FROM audit_event WHERE id = $2::bigint)
       ORDER BY at DESC, id DESC LIMIT $1`,
      [Math.min(limit, 500), before ?? null],
    );
  }
}

/** "role, ppsIds" — the fields an edit sent (values stay out of the trail). */
export function changedFields(dto: object): string {
  return Object.entries(dto)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key)
    .join(', ');
}
