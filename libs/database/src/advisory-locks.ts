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
  /** A PPS's line of imports: counting it, and handing its next import to the job engine. */
  ImportTurn = 3,
  /** Counting and adding requests for material of one sender (network or e-mail address). */
  MaterialRequest = 4,
  /** Counting and sending one account's mails against its daily bound. */
  MailBound = 5,
  /** Deleting accounts, one at a time: two admins deleting each other cannot leave none. */
  AccountDeletion = 6,
  /** A further search node is fed by one worker at a time (its documents in the order read). */
  SearchNode = 7,
}

/**
 * Keys share this many locks per space (a key's lock is its hash's stripe). A claim of 10,000
 * assets then holds at most 4,096 locks, and all holders together never more, since each stripe
 * has one holder at a time: PostgreSQL's lock table (max_locks_per_transaction 64 × 100
 * connections, about 6,400 entries) cannot run out however many workers claim at once. Two keys
 * in one stripe only wait for each other, which is never wrong.
 */
export const LOCK_STRIPES = 4096;

/** Each key's stripe, as SQL over the text[] parameter $2; `$3` is LOCK_STRIPES. */
const STRIPE = `(hashtext(key) & ($3::int - 1))`;

/**
 * Waits for the locks on `keys` until the transaction ends; taken in stripe order, so two
 * callers never deadlock.
 */
export async function lockKeys(
  manager: EntityManager,
  space: LockSpace,
  keys: string[],
): Promise<void> {
  if (keys.length === 0) return;
  await manager.query(
    `SELECT pg_advisory_xact_lock($1::int, stripe)
       FROM (SELECT DISTINCT ${STRIPE} AS stripe FROM unnest($2::text[]) AS key ORDER BY stripe) AS stripes`,
    [space, [...new Set(keys)], LOCK_STRIPES],
  );
}

/** Takes whichever of the locks on `keys` are free right now; returns the keys it holds. */
export async function tryLockKeys(
  manager: EntityManager,
  space: LockSpace,
  keys: string[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  // The stripes are tried once each (a CTE calling a volatile function is evaluated once).
  const rows: { key: string }[] = await manager.query(
    `WITH stripes AS (
       SELECT stripe, pg_try_advisory_xact_lock($1::int, stripe) AS held
         FROM (SELECT DISTINCT ${STRIPE} AS stripe FROM unnest($2::text[]) AS key) AS wanted)
     SELECT key FROM unnest($2::text[]) AS key JOIN stripes ON stripes.stripe = ${STRIPE}
      WHERE stripes.held`,
    [space, [...new Set(keys)], LOCK_STRIPES],
  );
  return new Set(rows.map((row) => row.key));
}
