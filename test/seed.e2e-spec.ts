import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CliModule } from '../apps/cli/src/cli.module';
import { DEMO_PUBLISHER } from '../apps/cli/src/commands';
import { UsersService } from '@bouwsteen/auth';
import { dropDatabase, ensureDatabase, runMigrations } from '@bouwsteen/database';
import { DemoService, SeedService, totalChanges } from '@bouwsteen/seed';
import { databaseUrlFor } from './harness/database-url';

/** Runs against a database of its own, so first-run numbers are exact. */
describe('seed and demo data (e2e)', () => {
  const databaseUrl = databaseUrlFor(`bouwsteen_seed_${randomBytes(4).toString('hex')}`);
  const previousUrl = process.env.DATABASE_URL;
  let app: INestApplicationContext;
  let db: DataSource;

  beforeAll(async () => {
    await ensureDatabase(databaseUrl);
    await runMigrations(databaseUrl);
    process.env.DATABASE_URL = databaseUrl;
    app = (
      await Test.createTestingModule({ imports: [CliModule] }).compile()
    ).createNestApplication();
    await app.init();
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app.close();
    process.env.DATABASE_URL = previousUrl;
    await dropDatabase(databaseUrl);
  });

  const count = async (sql: string) => Number((await db.query(sql))[0].count);

  it('loads the 33 PPS, their lead institutions and partners, and is idempotent', async () => {
    const first = await app.get(SeedService).seedReferenceData();
    expect(first.pps.created).toBe(33);
    expect(first.partners.created).toBeGreaterThan(15);
    const before = {
      organisations: await count('SELECT count(*) FROM organisation'),
      aliases: await count('SELECT count(*) FROM organisation_alias'),
      partners: await count('SELECT count(*) FROM pps_partner'),
      terms: await count('SELECT count(*) FROM taxonomy_term'),
      maxVersion: await count('SELECT coalesce(max(row_version), 0) AS count FROM pps'),
    };

    const second = await app.get(SeedService).seedReferenceData();
    expect(totalChanges(second)).toBe(0);
    expect(second.pps).toEqual({ created: 0, unchanged: 33 });
    expect({
      organisations: await count('SELECT count(*) FROM organisation'),
      aliases: await count('SELECT count(*) FROM organisation_alias'),
      partners: await count('SELECT count(*) FROM pps_partner'),
      terms: await count('SELECT count(*) FROM taxonomy_term'),
      maxVersion: await count('SELECT coalesce(max(row_version), 0) AS count FROM pps'),
    }).toEqual(before);
  });

  it('normalises lead institution aliases into one organisation', async () => {
    const leads: { name: string; lead: string }[] = await db.query(
      `SELECT p.name, o.name AS lead FROM pps p JOIN organisation o ON o.id = p.lead_organisation_id
       WHERE p.name IN ('Techport mbo', 'Greenbiz-MBO', 'Topcentrum Meubelindustrie')`,
    );
    const byName = Object.fromEntries(leads.map((row) => [row.name, row.lead]));
    expect(byName['Techport mbo']).toBe('Nova College');
    expect(byName['Greenbiz-MBO']).toBe('Nova College');
    expect(byName['Topcentrum Meubelindustrie']).toBe('Hout- en Meubileringscollege');
    const nova: { alias: string }[] = await db.query(
      `SELECT a.alias FROM organisation_alias a JOIN organisation o ON o.id = a.organisation_id WHERE o.name = 'Nova College'`,
    );
    expect(nova.map((row) => row.alias)).toContain('ROC Nova College');
    expect(await count(`SELECT count(*) FROM organisation WHERE name ILIKE '%nova%'`)).toBe(1);
  });

  it('gives a PPS of "Noord-Holland & Flevoland" both provinces', async () => {
    const rows: { provinces: string[] }[] = await db.query(
      `SELECT provinces FROM pps WHERE name = 'Zorg in de wijk in de 21e eeuw'`,
    );
    expect(rows[0].provinces).toEqual(['noord-holland', 'flevoland']);
  });

  it('reports partner rows whose PPS is unknown instead of dropping them', async () => {
    const summary = await app.get(SeedService).seedReferenceData();
    expect(summary.partners.unresolved.map((row) => row.organisation).sort()).toEqual([
      'Gemeente Amsterdam',
      'Gemeente Zaanstad',
      'Hiensch Engineering B.V.',
      'Hogeschool Windesheim',
      'Olam',
      'TNO',
    ]);
    expect(
      await count(
        `SELECT count(*) FROM organisation WHERE name = 'Hogeschool Windesheim' AND type = 'hbo'`,
      ),
    ).toBe(1);
  });

  it('loads at least 60 demo assets of all four kinds over at least 15 PPS, once', async () => {
    const publisher = await app.get(UsersService).serviceAccount(DEMO_PUBLISHER, 'Bouwsteen demo');
    const first = await app.get(DemoService).load(publisher);
    expect(first.assetsCreated).toBeGreaterThanOrEqual(60);
    expect(first.qualificationsLoaded).toBe(true);
    const kinds: { kind: string; count: string }[] = await db.query(
      `SELECT kind, count(*) FROM asset WHERE source = 'demo' GROUP BY kind`,
    );
    expect(kinds.map((row) => row.kind).sort()).toEqual([
      'curriculum',
      'infrastructure',
      'module',
      'practice',
    ]);
    expect(
      await count(`SELECT count(DISTINCT pps_id) FROM asset WHERE source = 'demo'`),
    ).toBeGreaterThanOrEqual(15);
    expect(
      await count(`SELECT count(*) FROM asset WHERE source = 'demo' AND status = 'published'`),
    ).toBeGreaterThanOrEqual(60);

    expect(first.reusesCreated).toBeGreaterThanOrEqual(5);
    expect(await count(`SELECT count(*) FROM asset WHERE reuse_count > 0`)).toBeGreaterThanOrEqual(
      5,
    );

    const second = await app.get(DemoService).load(publisher);
    expect(second).toEqual({
      ppsProfilesFilled: 0,
      assetsCreated: 0,
      assetsUnchanged: first.assetsCreated,
      reusesCreated: 0,
      qualificationsLoaded: false,
    });
  });

  it('refuses to rewrite a published version at the database level', async () => {
    await expect(
      db.query(
        `UPDATE asset_version SET title = 'Herschreven geschiedenis' WHERE state = 'published'`,
      ),
    ).rejects.toThrow(/immutable/);
  });
});
