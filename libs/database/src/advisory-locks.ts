import { EntityManager } from 'typeorm';

/**
 * What a transaction-scoped advisory lock protects. The first key of PostgreSQL's two-key form,
 * so locks of different purposes never meet; the second is a hash of the id.
 */
export enum LockSpace {
  /** One search document is read and written to Meilisearch by one worker at a time. */
  SearchDocument = 1,
  /** Counting and adding quota-limited things of one account (webhooks, API tokens). */
  AccountQuota = 2,
}

/**
 * Waits for the locks on `keys` (sorted, so two callers never deadlock) until the transaction ends.
 */
export async function lockKeys(
  manager: EntityManager,
  space: LockSpace,
  keys: string[],
): Promise<void> {
  const sorted = [...new Set(keys)].sort();
  if (sorted.length === 0) return;
  await manager.query(
    `SELECT pg_advisory_xact_lock($1::int, hashtext(key)) FROM unnest($2::text[]) AS key`,
    [space, sorted],
  );
}

/** Takes whichever of the locks on `keys` are free right now; returns the keys it holds. */
export async function tryLockKeys(
  manager: EntityManager,
  space: LockSpace,
  keys: string[],
): Promise<Set<string>> {
  const sorted = [...new Set(keys)].sort();
  if (sorted.length === 0) return new Set();
  const rows: { key: string }[] = await manager.query(
    `SELECT key FROM unnest($2::text[]) AS key WHERE pg_try_advisory_xact_lock($1::int, hashtext(key))`,
    [space, sorted],
  );
  return new Set(rows.map((row) => row.key));
}
