import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AssetBulkWriter,
  AssetContentDto,
  AssetsService,
  BulkItem,
  CreateAssetDto,
} from '@bouwsteen/assets';
import { Principal } from '@bouwsteen/auth';
import { nameKey } from '@bouwsteen/common';
import { PpsRepository } from '@bouwsteen/organisations';
import { OutboxRepository } from '@bouwsteen/search';
import { principalFor } from '../harness/actors';
import { moduleBody } from '../harness/fixtures';
import { ServiceContext, createServiceContext } from '../harness/service-context';

/** The bulk writer behind imports, on real PostgreSQL: transactions, revisions, races. */
describe('bulk writer (integration)', () => {
  let ctx: ServiceContext;
  let api: INestApplicationContext;
  let writer: AssetBulkWriter;
  let assets: AssetsService;
  let db: DataSource;
  let admin: Principal;
  let ppsId: string;

  beforeAll(async () => {
    ctx = await createServiceContext();
    api = ctx.api;
    writer = api.get(AssetBulkWriter);
    assets = api.get(AssetsService);
    db = api.get(DataSource);
    admin = await principalFor(api, 'admin');
    ppsId = (await api.get(PpsRepository).findByKey(nameKey('Techport mbo')))!.id;
  });
  afterAll(() => ctx.close());

  const item = (key: number, sourceId: string, title: string): BulkItem => {
    const {
      kind: _kind,
      ppsId: _pps,
      ...content
    } = moduleBody(ppsId, { title }) as unknown as CreateAssetDto;
    return { key, sourceId, kind: 'module', content: content as AssetContentDto };
  };
  const options = { publish: true, dryRun: false, changeNote: 'Import' };

  it('writes a batch in one transaction: versions, outbox entries, and nothing for a bad item', async () => {
    const outboxBefore = (await api.get(OutboxRepository).stats()).pending;
    const bad = item(2, 'BW-2', 'Tweede module');
    bad.content.license = 'no-such-license';
    const outcomes = await writer.write(
      admin,
      ppsId,
      [item(1, 'BW-1', 'Eerste module'), bad],
      options,
    );
    expect(outcomes.map((outcome) => outcome.result)).toEqual(['created', 'failed']);
    expect(outcomes[1].errors[0].field).toBe('license');
    const stored = await assets.get(admin, outcomes[0].assetId!);
    expect(stored).toMatchObject({ status: 'published', sourceId: 'BW-1', source: 'import' });
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM asset WHERE pps_id = $1 AND source_id = 'BW-2'`,
      [ppsId],
    );
    expect(count).toBe(0);
    expect((await api.get(OutboxRepository).stats()).pending).toBeGreaterThanOrEqual(
      outboxBefore + 1,
    );
  });

  it('does not overwrite an edit made between reading and writing; the item is reported', async () => {
    const [created] = await writer.write(admin, ppsId, [item(1, 'RACE-1', 'Module voor de race')], {
      ...options,
      publish: false,
    });
    // Another editor holds the block's row while the import runs, then saves a change.
    const editor = await db.createQueryRunner();
    await editor.connect();
    await editor.startTransaction();
    await editor.query('SELECT id FROM asset WHERE id = $1 FOR UPDATE', [created.assetId]);
    const importing = writer.write(
      admin,
      ppsId,
      [item(1, 'RACE-1', 'Module voor de race, uit het bestand')],
      { ...options, publish: false },
    );
    // The writer has read the block (revision 1) and now waits for the row lock.
    for (let waited = 0; ; waited += 20) {
      const [{ waiting }] = await db.query(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity
         WHERE wait_event_type = 'Lock' AND datname = current_database()`,
      );
      if (waiting > 0) break;
      if (waited > 10_000) throw new Error('the writer never waited for the lock');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await editor.query(
      `UPDATE asset_version SET title = 'Module door een redacteur' WHERE asset_id = $1`,
      [created.assetId],
    );
    await editor.query('UPDATE asset SET row_version = row_version + 1 WHERE id = $1', [
      created.assetId,
    ]);
    await editor.commitTransaction();
    await editor.release();
    const [outcome] = await importing;
    expect(outcome).toMatchObject({
      result: 'failed',
      errors: [
        {
          message: 'was changed by someone else during the import; not overwritten',
          code: 'changedDuringImport',
        },
      ],
    });
    expect((await assets.get(admin, created.assetId!)).title).toBe('Module door een redacteur');
  });

  it('lets two imports of the same codes race without a duplicate or a lost row', async () => {
    const batch = Array.from({ length: 20 }, (_, index) =>
      item(index, `DUO-${index}`, `Duomodule ${index}`),
    );
    const [first, second] = await Promise.all([
      writer.write(admin, ppsId, batch, options),
      writer.write(admin, ppsId, batch, options),
    ]);
    const results = [...first, ...second].map((outcome) => outcome.result);
    expect(results.filter((result) => result === 'created')).toHaveLength(20);
    expect(results.filter((result) => result === 'failed')).toHaveLength(0);
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM asset WHERE pps_id = $1 AND source_id LIKE 'DUO-%'`,
      [ppsId],
    );
    expect(count).toBe(20);
  });

  it('refuses a PPS the principal may not edit', async () => {
    const otherPps = (await api.get(PpsRepository).findByKey(nameKey('House of Logistics')))!.id;
    const editor = await principalFor(api, 'pps-editor', [otherPps]);
    await expect(
      writer.write(editor, ppsId, [item(1, 'NO-1', 'Niet toegestaan')], options),
    ).rejects.toThrow(/Only editors of this PPS/);
  });
});
