import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { UsersService } from '@bouwsteen/auth';
import { DomainException } from '@bouwsteen/common';
import { QualificationError, QualificationsService } from '@bouwsteen/qualifications';
import { DemoService } from '@bouwsteen/seed';
import { DEMO_PUBLISHER } from '../../apps/cli/src/commands';
import { ensureBuilt, run } from '../harness/processes';
import { ServiceContext, createServiceContext } from '../harness/service-context';

/**
 * The qualification structure on real PostgreSQL over the demo data: the reference set loads
 * with the demo, names its codes and shows coverage (with gaps); an operator's file replaces the
 * reference set whole and later files replace per dossier and keuzedeel; what cannot be read is
 * refused with a Dutch reason and changes nothing.
 */
describe('qualifications (integration)', () => {
  let ctx: ServiceContext;
  let service: QualificationsService;
  let db: DataSource;

  beforeAll(async () => {
    ctx = await createServiceContext();
    db = ctx.api.get(DataSource);
    service = ctx.api.get(QualificationsService);
    const publisher = await ctx.api
      .get(UsersService)
      .serviceAccount(DEMO_PUBLISHER, 'Bouwsteen demo');
    const summary = await ctx.api.get(DemoService).load(publisher);
    expect(summary.qualificationsLoaded).toBe(true);
    // A second load has nothing to do: the same set is already there.
    expect((await ctx.api.get(DemoService).load(publisher)).qualificationsLoaded).toBe(false);
  }, 180_000);
  afterAll(() => ctx.close());

  const count = async (table: string) =>
    Number((await db.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  it('names the codes the demo blocks carry, and says when a crebo is a dossier', async () => {
    const names = await service.names(['25831', '23153', '99999', 'x'], ['K0771', 'K9999']);
    expect(names.crebos.get('25831')).toEqual({
      title: 'Eerste monteur elektrotechnische installaties',
      level: 3,
      dossier: false,
    });
    expect(names.crebos.get('23153')?.dossier).toBe(true);
    expect(names.crebos.has('99999')).toBe(false);
    expect(names.electives.get('K0771')).toEqual({
      title: 'Installeren en onderhouden van warmtepompen',
      studyLoadSbu: 240,
    });
    expect(names.electives.has('K9999')).toBe(false);
  });

  it('counts coverage: curricula by crebo, modules by keuzedeel or as part of a curriculum', async () => {
    const coverage = await service.coverageOfQualifications();
    const monteur = coverage.find((row) => row.crebo === '25831')!;
    expect(monteur.curricula).toBe(1);
    // The warmtepomp module carries K0771, which combines with 25831; and the curriculum's modules.
    expect(monteur.modules).toBeGreaterThanOrEqual(1);
    expect(monteur.electives).toBe(3);
    expect(monteur.electivesWithModule).toBe(1);
    // A qualification of the same dossier that no block names: a gap, not an error.
    const assistant = coverage.find((row) => row.crebo === '25830')!;
    expect(assistant.curricula).toBe(0);
    // Two curricula name 25923 (Technicus engineering); one is a draft, which serves nobody yet.
    expect(coverage.find((row) => row.crebo === '25923')!.curricula).toBe(1);

    const electives = await service.coverageOfElectives();
    expect(electives.find((row) => row.code === 'K0771')!.modules).toBe(1);
    expect(electives.find((row) => row.code === 'K0730')!.modules).toBe(0);

    const page = await service.page('25831');
    expect(page.qualification.sharedCoreTasks[0].code).toBe('B1-K1');
    expect(page.electives.map((row) => row.code)).toEqual(['K0725', 'K0730', 'K0771']);
    expect(page.blocks[0].kind).toBe('curriculum');
    expect(page.blocks[0].coreTaskCodes).toEqual(['B1-K1', 'B1-K2']);
    expect(page.blocks.some((block) => block.electiveCodes.includes('K0771'))).toBe(true);
  });

  it('counts coverage per province: only blocks of PPS working there', async () => {
    const all = await service.coverageOfQualifications();
    const none = await service.coverageOfQualifications({ province: 'Nergensland' });
    expect(all.reduce((sum, row) => sum + row.curricula, 0)).toBeGreaterThan(0);
    expect(none.reduce((sum, row) => sum + row.curricula + row.modules, 0)).toBe(0);
  });

  it('refuses what it cannot read, with a Dutch reason, and stores nothing', async () => {
    const before = await count('qualification_import');
    for (const [content, reason] of [
      ['<sbb><dossiers>', /geen geldige XML/],
      ['<html><body/></html>', /een webpagina/],
      ['<kwalificaties/>', /geen kwalificatiebestand van SBB/],
      ['<!DOCTYPE sbb><sbb><dossiers/></sbb>', /DOCTYPE/],
    ] as const) {
      const refused = await service
        .importFile(Buffer.from(content), { name: 'x.xml', importedBy: null })
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(DomainException);
      expect((refused as DomainException).code).toBe(QualificationError.FileRefused);
      expect((refused as DomainException).detail).toMatch(reason);
    }
    const latin1 = Buffer.from(
      '<sbb><keuzedelen><keuzedeel code="K0001" titel="Caf\xe9"/></keuzedelen></sbb>',
      'latin1',
    );
    const notUtf8 = await service
      .importFile(latin1, { name: 'x.xml', importedBy: null })
      .catch((error: unknown) => error);
    expect((notUtf8 as DomainException).detail).toMatch(/UTF-8/);
    expect(await count('qualification_import')).toBe(before);
  });

  it("replaces the reference set whole with an operator's file, then per dossier and keuzedeel", async () => {
    const first = await service.importFile(
      Buffer.from(
        `<sbb><dossiers><dossier nr="23153" titel="Elektrotechniek (echt)">
           <dossiercrebos><dossiercrebo>23153</dossiercrebo></dossiercrebos>
           <profielen><profiel titel="Eerste monteur" niveau="3"><creboinformatie><crebo>25831</crebo></creboinformatie></profiel></profielen>
         </dossier></dossiers>
         <keuzedelen><keuzedeel code="K0771" titel="Warmtepompen (echt)" omvang="480"><kwalificaties><crebo>25831</crebo></kwalificaties></keuzedeel></keuzedelen></sbb>`,
      ),
      { name: 'sbb-2026.xml', importedBy: null },
    );
    expect(first).toMatchObject({ dossiers: 1, qualifications: 1, electives: 1, reference: false });
    expect(await count('qualification_dossier')).toBe(1);
    expect(await count('elective')).toBe(1);
    expect((await service.names(['25830'], [])).crebos.size).toBe(0);

    await service.importFile(
      Buffer.from(
        `<sbb><keuzedelen><keuzedeel code="K0730" titel="Zonnestroom" omvang="240"><kwalificaties><crebo>25831</crebo></kwalificaties></keuzedeel></keuzedelen></sbb>`,
      ),
      { name: 'keuzedelen.xml', importedBy: null },
    );
    expect(await count('qualification_dossier')).toBe(1);
    expect((await service.electivesOf('25831')).map((row) => row.code)).toEqual(['K0730', 'K0771']);
    expect((await service.imports()).map((row) => row.sourceName).slice(0, 2)).toEqual([
      'keuzedelen.xml',
      'sbb-2026.xml',
    ]);

    // The reference set is not loaded again over an operator's data.
    const publisher = await ctx.api
      .get(UsersService)
      .serviceAccount(DEMO_PUBLISHER, 'Bouwsteen demo');
    expect((await ctx.api.get(DemoService).load(publisher)).qualificationsLoaded).toBe(false);
    expect(await count('qualification_dossier')).toBe(1);
  });

  it('lets two imports at once both finish, one after the other', async () => {
    const file = (title: string) =>
      Buffer.from(
        `<sbb><keuzedelen><keuzedeel code="K0500" titel="${title}"><kwalificaties><crebo>25831</crebo></kwalificaties></keuzedeel></keuzedelen></sbb>`,
      );
    const results = await Promise.all([
      service.importFile(file('A'), { name: 'a.xml', importedBy: null }),
      service.importFile(file('B'), { name: 'b.xml', importedBy: null }),
    ]);
    expect(results).toHaveLength(2);
    const [row] = await db.query(`SELECT title FROM elective WHERE code = 'K0500'`);
    expect(['A', 'B']).toContain(row.title);
    expect(
      Number(
        (
          await db.query(
            `SELECT count(*) AS n FROM elective_qualification WHERE elective_code = 'K0500'`,
          )
        )[0].n,
      ),
    ).toBe(1);
  });

  it('gives blocks naming a renamed code a new datestamp, and an unchanged file none', async () => {
    const stamp = async (crebo: string) =>
      (
        await db.query(
          `SELECT a.public_changed_at AS at FROM asset_published p JOIN asset a ON a.id = p.id
            WHERE p.listed AND p.crebo_codes @> ARRAY[$1]::text[]`,
          [crebo],
        )
      )[0].at as Date;
    const renaming = (title: string) =>
      Buffer.from(
        `<sbb><dossiers><dossier nr="23153" titel="Elektrotechniek (echt)">
           <dossiercrebos><dossiercrebo>23153</dossiercrebo></dossiercrebos>
           <profielen><profiel titel="${title}" niveau="3"><creboinformatie><crebo>25831</crebo></creboinformatie></profiel></profielen>
         </dossier></dossiers></sbb>`,
      );
    const seconds = () => new Promise((resolve) => setTimeout(resolve, 1100));
    const monteur = await stamp('25831');
    const zorg = await stamp('25491');
    await seconds();
    await service.importFile(renaming('Eerste monteur (hernoemd)'), {
      name: 'rename.xml',
      importedBy: null,
    });
    const renamed = await stamp('25831');
    expect(renamed.getTime()).toBeGreaterThan(monteur.getTime());
    expect((await stamp('25491')).getTime()).toBe(zorg.getTime());
    await seconds();
    await service.importFile(renaming('Eerste monteur (hernoemd)'), {
      name: 'rename.xml',
      importedBy: null,
    });
    expect((await stamp('25831')).getTime()).toBe(renamed.getTime());
  });

  it('imports from the command line with only DATABASE_URL, and refuses what is no regular file', async () => {
    ensureBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'bouwsteen-kwalificaties-'));
    const file = join(dir, 'keuzedelen.xml');
    writeFileSync(
      file,
      '<sbb><keuzedelen><keuzedeel code="K0950" titel="CNC-bewerken" omvang="240"/></keuzedelen></sbb>',
    );
    const cli = (path: string) =>
      run('node', ['dist/apps/cli/src/main.js', 'qualifications:import', path], {
        DATABASE_URL: ctx.databaseUrl,
      });
    const stored = cli(file);
    expect(await stored.exited).toBe(0);
    expect(stored.output()).toContain('Stored: 0 dossiers, 0 qualifications, 1 keuzedelen');
    const [row] = await db.query(`SELECT imported_by, reference FROM qualification_import
      WHERE source_name = 'keuzedelen.xml' ORDER BY imported_at DESC LIMIT 1`);
    expect(row).toEqual({ imported_by: null, reference: false });
    const device = cli('/dev/zero');
    expect(await device.exited).toBe(1);
    expect(device.output()).toContain('not a regular file');
    const missing = cli(join(dir, 'nergens.xml'));
    expect(await missing.exited).toBe(1);
    expect(missing.output()).toContain('no such file');
  }, 120_000);
});
