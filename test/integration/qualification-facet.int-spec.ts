import { INestApplicationContext } from '@nestjs/common';
import { MeiliSearch } from 'meilisearch';
import { DataSource } from 'typeorm';
import { UsersService } from '@bouwsteen/auth';
import { QualificationsService } from '@bouwsteen/qualifications';
import {
  OutboxRelay,
  OutboxRepository,
  ReindexService,
  SearchDocument,
  SearchQueryDto,
  SearchReader,
  SearchService,
} from '@bouwsteen/search';
import { DemoService } from '@bouwsteen/seed';
import { DEMO_PUBLISHER } from '../../apps/cli/src/commands';
import { ServiceContext, createServiceContext } from '../harness/service-context';

/**
 * The "kwalificatie" facet through the whole pipeline, on real PostgreSQL and Meilisearch over
 * the demo data: documents carry the crebos a block serves directly (a curriculum's named ones,
 * a module's by its keuzedeel), search filters and counts them, and an import of the
 * qualification structure re-indexes the modules whose keuzedeel's combinations it changed.
 */
describe('qualification facet (integration)', () => {
  let ctx: ServiceContext;
  let worker: INestApplicationContext;
  let db: DataSource;
  let meili: MeiliSearch;
  let indexName: string;
  let heatPump: string;
  let drones: string;
  let electrician: string;

  const idOf = async (title: string) =>
    (
      (await db.query(`SELECT id FROM asset_published WHERE listed AND title LIKE $1`, [
        `${title}%`,
      ])) as { id: string }[]
    )[0].id;

  async function until(what: string, condition: () => Promise<boolean>, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await condition()) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`Timed out waiting for ${what}`);
  }

  const drained = () =>
    until(
      'the outbox to drain',
      async () => (await ctx.api.get(OutboxRepository).stats()).pending === 0,
    );

  const indexed = (id: string) => meili.index(indexName).getDocument<SearchDocument>(id);

  const search = (query: Partial<SearchQueryDto>) =>
    ctx.api.get(SearchService).search({ pageNumber: 1, pageSize: 50, ...query } as SearchQueryDto);

  beforeAll(async () => {
    ctx = await createServiceContext({ env: { OUTBOX_POLL_MS: '100' } });
    db = ctx.api.get(DataSource);
    const publisher = await ctx.api
      .get(UsersService)
      .serviceAccount(DEMO_PUBLISHER, 'Bouwsteen demo');
    await ctx.api.get(DemoService).load(publisher);
    worker = await ctx.worker();
    await worker.get(OutboxRelay).start();
    meili = new MeiliSearch({ host: process.env.MEILI_URL!, apiKey: process.env.MEILI_MASTER_KEY });
    indexName = ctx.api.get(SearchReader).name;
    heatPump = await idOf('Installeren en onderhouden van warmtepompen');
    drones = await idOf('Drones en precisielandbouw');
    electrician = await idOf('Eerste monteur elektrotechnische installaties');
    await drained();
  }, 240_000);
  afterAll(async () => {
    await worker?.get(OutboxRelay).stop();
    await ctx.close();
  });

  it("indexes a curriculum's named crebos and a module's by what its keuzedeel combines with", async () => {
    expect((await indexed(electrician)).qualificationCrebos).toEqual(['25831']);
    // K0771 combines with 25830, 25831 and 25923 in the reference set.
    expect((await indexed(heatPump)).qualificationCrebos).toEqual(['25830', '25831', '25923']);
    expect((await indexed(drones)).qualificationCrebos).toEqual(['25432', '25741']);
  });

  it('filters and counts by qualification, and the rebuilt documents agree with the index', async () => {
    const result = await search({ qualification: ['25831'], facets: ['qualification', 'kind'] });
    expect(result.hits.map((hit) => hit.id).sort()).toEqual([electrician, heatPump].sort());
    expect(result.facets.qualification).toMatchObject({ '25831': 2, '25830': 1 });
    expect(result.facets.kind).toEqual({ curriculum: 1, module: 1 });
    // Two values of one facet: either matches.
    const either = await search({ qualification: ['25432', '25394'] });
    expect(either.hits.map((hit) => hit.id)).toContain(drones);
    expect(either.totalHits).toBe(3);
    // The drift check builds every document as the relay does (one look-up per page): no drift.
    const drift = await worker.get(ReindexService).drift(false);
    expect(drift.stale).toEqual([]);
    expect(drift.missing).toEqual([]);
  });

  it("re-indexes the modules whose keuzedeel's qualifications an import changed", async () => {
    // An operator's file: K0771 now combines with 25922 only; the reference set (K0942 among
    // it) is removed whole, so the drone module serves no qualification any more.
    await ctx.api.get(QualificationsService).importFile(
      Buffer.from(
        `<sbb><keuzedelen><keuzedeel code="K0771" titel="Warmtepompen" omvang="240">
           <kwalificaties><crebo>25922</crebo></kwalificaties></keuzedeel></keuzedelen></sbb>`,
      ),
      { name: 'keuzedelen-2026.xml', importedBy: null },
    );
    // The import wrote the outbox entries itself, in its transaction: nothing else was changed.
    await until(
      'the heat-pump module to be re-indexed',
      async () => (await indexed(heatPump)).qualificationCrebos.join() === '25922',
    );
    await drained();
    expect((await indexed(drones)).qualificationCrebos).toEqual([]);
    // A curriculum keeps the crebos it names, structure or not.
    expect((await indexed(electrician)).qualificationCrebos).toEqual(['25831']);
    const result = await search({ qualification: ['25922'], facets: ['qualification'] });
    expect(result.hits.map((hit) => hit.id)).toEqual([heatPump]);
    // 25432 is still a curriculum's named crebo, but no longer the drone module's.
    expect((await search({ qualification: ['25432'] })).hits.map((hit) => hit.id)).not.toContain(
      drones,
    );
    expect((await worker.get(ReindexService).drift(false)).stale).toEqual([]);
  });

  it('leaves out of the outbox what an import cannot change: a file with no keuzedeel', async () => {
    const before = (await db.query(`SELECT count(*)::int AS n FROM search_outbox`))[0].n as number;
    await ctx.api.get(QualificationsService).importFile(
      Buffer.from(
        `<sbb><dossiers><dossier nr="23153" titel="Elektrotechniek"><dossiercrebos><dossiercrebo>23153</dossiercrebo></dossiercrebos>
             <profielen><profiel titel="Eerste monteur" niveau="3"><creboinformatie><crebo>25831</crebo></creboinformatie></profiel></profielen>
           </dossier></dossiers></sbb>`,
      ),
      { name: 'dossier.xml', importedBy: null },
    );
    const after = (await db.query(`SELECT count(*)::int AS n FROM search_outbox`))[0].n as number;
    expect(after).toBe(before);
  });
});
