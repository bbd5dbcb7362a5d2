import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { LOCK_STRIPES, LockSpace, lockKeys, tryLockKeys } from '@bouwsteen/database';
import { ServiceContext, createServiceContext } from '../harness/service-context';

/** Advisory locks on real PostgreSQL: bounded in number, exclusive per key, no deadlocks. */
describe('advisory locks (integration)', () => {
  let ctx: ServiceContext;
  let db: DataSource;

  beforeAll(async () => {
    ctx = await createServiceContext();
    db = ctx.api.get(DataSource);
  });
  afterAll(() => ctx.close());

  /** Runs `work` in a transaction that stays open until `release` is called. */
  const holding = async (work: (manager: EntityManager) => Promise<void>) => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let ready!: () => void;
    const started = new Promise<void>((resolve) => (ready = resolve));
    const done = db.transaction(async (manager) => {
      await work(manager);
      ready();
      await released;
    });
    await Promise.race([started, done]);
    return { release: () => (release(), done) };
  };
  const advisoryLocks = async (): Promise<number> =>
    Number(
      (
        await db.query(
          // This database's only: pg_locks is the whole server's, where the other jest worker runs.
          `SELECT count(*) AS n FROM pg_locks
          WHERE locktype = 'advisory'
            AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        )
      )[0].n,
    );

  it('holds at most one lock per stripe, so a claim of 20,000 keys fits the lock table', async () => {
    const keys = Array.from({ length: 20_000 }, () => randomUUID());
    // Without stripes this is 20,000 locks: PostgreSQL's default table holds about 6,400.
    const held = await holding(async (manager) => {
      expect((await tryLockKeys(manager, LockSpace.SearchDocument, keys)).size).toBe(20_000);
    });
    const count = await advisoryLocks();
    expect(count).toBeGreaterThan(LOCK_STRIPES * 0.9);
    expect(count).toBeLessThanOrEqual(LOCK_STRIPES);
    await held.release();
    expect(await advisoryLocks()).toBe(0);
  });

  it('gives a key to one transaction at a time; the other takes the keys that are free', async () => {
    const taken = Array.from({ length: 50 }, () => randomUUID());
    const held = await holding(async (manager) => {
      await tryLockKeys(manager, LockSpace.SearchDocument, taken);
    });
    const others = Array.from({ length: 50 }, () => randomUUID());
    const got = await db.transaction((manager) =>
      tryLockKeys(manager, LockSpace.SearchDocument, [...taken, ...others]),
    );
    expect(taken.filter((key) => got.has(key))).toEqual([]);
    // A free key is refused only when it shares a stripe with a taken one.
    expect(got.size).toBeGreaterThan(40);
    // Another space does not meet these locks.
    const quota = await db.transaction((manager) =>
      tryLockKeys(manager, LockSpace.AccountQuota, taken),
    );
    expect(quota.size).toBe(50);
    await held.release();
  });

  it('lets two waiting callers with overlapping keys in any order both finish', async () => {
    const keys = Array.from({ length: 2_000 }, () => randomUUID());
    const run = (order: string[]) =>
      db.transaction(async (manager) => {
        await lockKeys(manager, LockSpace.SearchDocument, order);
        await manager.query('SELECT pg_sleep(0.05)');
      });
    // Opposite orders would deadlock if locks were taken in the order given.
    await expect(Promise.all([run(keys), run([...keys].reverse())])).resolves.toBeDefined();
  });
});
