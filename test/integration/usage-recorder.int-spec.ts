import { DataSource } from 'typeorm';
import { AssetsService, CreateAssetDto } from '@bouwsteen/assets';
import { nameKey } from '@bouwsteen/common';
import { PpsRepository } from '@bouwsteen/organisations';
import { UsageRecorder } from '@bouwsteen/usage';
import { BUFFER_LIMIT, FLUSH_INTERVAL_MS } from '@bouwsteen/usage/pure';
import { principalFor } from '../harness/actors';
import { moduleBody } from '../harness/fixtures';
import { ServiceContext, createServiceContext } from '../harness/service-context';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36';

/**
 * The view counter's buffer when PostgreSQL refuses a write: what a failed flush did not write
 * stays in the buffer (within its bound) and is written by the next, so no count is lost.
 * The failure is PostgreSQL's own: a trigger on usage_seen raises while the test says so (a row
 * in a table of the test's), on this context's own database.
 */
describe('the usage recorder when a write fails (integration)', () => {
  let ctx: ServiceContext;
  let db: DataSource;
  let recorder: UsageRecorder;
  let assetId: string;
  let viewers = 0;

  beforeAll(async () => {
    ctx = await createServiceContext();
    db = ctx.api.get(DataSource);
    recorder = ctx.api.get(UsageRecorder);
    const admin = await principalFor(ctx.api, 'admin');
    const ppsId = (await ctx.api.get(PpsRepository).findByKey(nameKey('Techport mbo')))!.id;
    const assets = ctx.api.get(AssetsService);
    const created = await assets.create(admin, moduleBody(ppsId) as unknown as CreateAssetDto);
    await assets.publish(admin, created.id, created.revision, {});
    assetId = created.id;
    await db.query('CREATE TABLE test_usage_write_fails (why text)');
    await db.query(`CREATE FUNCTION test_usage_write_fails() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM test_usage_write_fails) THEN
          RAISE EXCEPTION 'the test makes this write fail';
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER test_usage_write_fails BEFORE INSERT ON usage_seen
      FOR EACH STATEMENT EXECUTE FUNCTION test_usage_write_fails()`);
  });
  afterAll(() => ctx.close());

  const failWrites = () => db.query(`INSERT INTO test_usage_write_fails VALUES ('now')`);
  const letWrites = () => db.query('DELETE FROM test_usage_write_fails');
  /** `n` views of the block by browsers not seen before (each one counts). */
  const views = (n: number) => {
    for (let i = 0; i < n; i++, viewers++)
      recorder.view(assetId, {
        address: `10.${(viewers >> 16) & 255}.${(viewers >> 8) & 255}.${viewers & 255}`,
        userAgent: BROWSER,
      });
  };
  const counted = async () =>
    Number(
      (
        await db.query(
          'SELECT coalesce(sum(views), 0)::int AS n FROM usage_daily WHERE asset_id = $1',
          [assetId],
        )
      )[0].n,
    );
  const searches = async (query: string) =>
    Number(
      (await db.query('SELECT count(*)::int AS n FROM search_log WHERE query = $1', [query]))[0].n,
    );

  afterEach(async () => {
    await letWrites();
    await recorder.flush();
  });

  it('keeps the batch of a failed write and writes it with the next flush: no count lost', async () => {
    const before = await counted();
    views(25);
    recorder.search(
      { query: 'hydrauliek storing', filters: '', provinces: '', sectors: '', hits: 3 },
      { address: '192.0.2.9', userAgent: BROWSER },
    );
    await failWrites();
    await expect(recorder.flush()).rejects.toThrow();
    expect(recorder.pending).toBe(26);
    expect(await counted()).toBe(before);

    // Views keep coming meanwhile; the next flush writes the kept batch and them, once.
    views(5);
    await letWrites();
    await recorder.flush();
    expect(recorder.pending).toBe(0);
    expect(await counted()).toBe(before + 30);
    expect(await searches('hydrauliek storing')).toBe(1);
  });

  it('tries a kept batch again by itself, also when no new view sets the timer', async () => {
    const before = await counted();
    await failWrites();
    views(3);
    // The flush the views set fails (no one awaits it); the batch waits for the next by itself.
    await new Promise((resolve) => setTimeout(resolve, FLUSH_INTERVAL_MS * 1.5));
    expect(recorder.pending).toBe(3);
    await letWrites();
    const until = Date.now() + FLUSH_INTERVAL_MS * 5;
    while (recorder.pending > 0 && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(recorder.pending).toBe(0);
    expect(await counted()).toBe(before + 3);
  });

  it('stays within its bound while writes fail: what does not fit is dropped and counted', async () => {
    const before = await counted();
    const dropped = recorder.dropped;
    await failWrites();
    views(BUFFER_LIMIT);
    await expect(recorder.flush()).rejects.toThrow();
    views(10);
    expect(recorder.pending).toBe(BUFFER_LIMIT);
    expect(recorder.dropped).toBe(dropped + 10);
    await letWrites();
    await recorder.flush();
    expect(await counted()).toBe(before + BUFFER_LIMIT);
  });

  it('lets go of a batch the database refuses for its content, so later ones are counted', async () => {
    const before = await counted();
    const dropped = recorder.dropped;
    recorder.view('not-a-uuid', { address: '192.0.2.1', userAgent: BROWSER });
    await recorder.flush();
    expect(recorder.pending).toBe(0);
    expect(recorder.dropped).toBe(dropped + 1);
    views(2);
    await recorder.flush();
    expect(await counted()).toBe(before + 2);
  });
});
