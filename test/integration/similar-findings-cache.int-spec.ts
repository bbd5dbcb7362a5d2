import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AssetsService, CreateAssetDto } from '@bouwsteen/assets';
import { Principal } from '@bouwsteen/auth';
import { nameKey } from '@bouwsteen/common';
import { PpsRepository } from '@bouwsteen/organisations';
import { OutboxRelay, OutboxRepository, ReindexService, SearchReader } from '@bouwsteen/search';
import { principalFor } from '../harness/actors';
import { moduleBody } from '../harness/fixtures';
import { ServiceContext, createServiceContext } from '../harness/service-context';

const TEXT = {
  summary:
    'Online module over het afstellen en onderhouden van persluchtinstallaties in de werkplaats.',
  keywords: ['perslucht', 'compressor', 'onderhoud'],
};

/**
 * "Similar building blocks" of a stored block are kept until the search index changes
 * (SimilarFindingsCache): asked again, no search is sent; once a change is searchable the
 * next ask sees it. Real PostgreSQL, Meilisearch and a worker's relay.
 */
describe('similar findings kept until the index changes (integration)', () => {
  let ctx: ServiceContext;
  let worker: INestApplicationContext;
  let assets: AssetsService;
  let outbox: OutboxRepository;
  let admin: Principal;
  let first: string;
  let second: string;

  beforeAll(async () => {
    ctx = await createServiceContext({ env: { OUTBOX_POLL_MS: '100' } });
    assets = ctx.api.get(AssetsService);
    outbox = ctx.api.get(OutboxRepository);
    admin = await principalFor(ctx.api, 'admin');
    const pps = ctx.api.get(PpsRepository);
    first = (await pps.findByKey(nameKey('PPS TechPack Flevoland')))!.id;
    second = (await pps.findByKey(nameKey('House of Logistics')))!.id;
    worker = await ctx.worker();
    await worker.get(OutboxRelay).start();
  });
  afterAll(async () => {
    await worker.get(OutboxRelay).stop();
    await ctx.close();
  });

  async function publish(ppsId: string, title: string): Promise<string> {
    const body = moduleBody(ppsId, { title, ...TEXT }) as unknown as CreateAssetDto;
    const created = await assets.create(admin, body);
    await assets.publish(admin, created.id, created.revision, {});
    return created.id;
  }

  async function searchable(): Promise<void> {
    const deadline = Date.now() + 30_000;
    while ((await outbox.stats()).pending > 0) {
      if (Date.now() > deadline) throw new Error('outbox not drained');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('answers from the kept findings until a change is searchable, then from the changed index', async () => {
    const original = await publish(first, 'Persluchtinstallaties afstellen en onderhouden');
    const twin = await publish(second, 'Persluchtinstallaties onderhouden en afstellen');
    await searchable();
    const searches = jest.spyOn(ctx.api.get(SearchReader), 'searchHits');

    const answer = await assets.similar(undefined, original);
    expect(answer.map((finding) => finding.id)).toContain(twin);
    const sent = searches.mock.calls.length;
    expect(sent).toBeGreaterThan(0);
    // Asked again, by the page or the API: the same findings, no search sent.
    expect(await assets.similar(undefined, original)).toBe(answer);
    expect(searches.mock.calls.length).toBe(sent);

    const before = await outbox.generation();
    const newer = await publish(second, 'Persluchtinstallaties afstellen, onderhouden en keuren');
    await searchable();
    expect(await outbox.generation()).not.toBe(before);
    const after = await assets.similar(undefined, original);
    expect(searches.mock.calls.length).toBeGreaterThan(sent);
    expect(after.map((finding) => finding.id)).toEqual(expect.arrayContaining([twin, newer]));
    searches.mockRestore();
  });

  it('reads a new sequence as generation 0 and its first change as 1', async () => {
    // A sequence reads last_value 1 both before and after its first nextval.
    await ctx.api.get(DataSource).query(`SELECT setval('search_generation', 1, false)`);
    expect(await outbox.generation()).toBe(0n);
    await outbox.indexChanged();
    expect(await outbox.generation()).toBe(1n);
  });

  it('a rebuild of the index moves the generation too', async () => {
    const before = await outbox.generation();
    await worker.get(ReindexService).rebuild();
    expect(await outbox.generation()).not.toBe(before);
  });
});
