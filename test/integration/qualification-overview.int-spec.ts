import { UsersService } from '@bouwsteen/auth';
import {
  QualificationCoverage,
  QualificationsService,
  isElectiveGap,
  withoutMaterial,
} from '@bouwsteen/qualifications';
import { DemoService } from '@bouwsteen/seed';
import { DEMO_PUBLISHER } from '../../apps/cli/src/commands';
import { ServiceContext, createServiceContext } from '../harness/service-context';

/**
 * The overviews of qualifications and keuzedelen narrow, order and page in SQL: over the demo
 * they agree with the whole coverage list (the rule's other reading), and over a structure
 * larger than any list limit they still find the last qualification and count every one.
 */
describe('qualification overviews (integration)', () => {
  let ctx: ServiceContext;
  let service: QualificationsService;
  let all: QualificationCoverage[];

  beforeAll(async () => {
    ctx = await createServiceContext();
    service = ctx.api.get(QualificationsService);
    const publisher = await ctx.api
      .get(UsersService)
      .serviceAccount(DEMO_PUBLISHER, 'Bouwsteen demo');
    await ctx.api.get(DemoService).load(publisher);
    all = await service.coverageOfQualifications();
  }, 180_000);
  afterAll(() => ctx.close());

  const first = { number: 1, size: 200 };
  const everything = { words: [], gapsOnly: false, order: 'dossier' as const };
  const crebos = (rows: { crebo: string }[]) => rows.map((row) => row.crebo);

  it('gives every qualification with the same counts as the coverage list, in dossier order', async () => {
    const page = await service.overview(everything, first);
    expect(page.rows).toEqual(all);
    expect(page).toMatchObject({
      total: all.length,
      matching: all.length,
      matchingWithoutMaterial: all.filter(withoutMaterial).length,
    });
    expect(all.length).toBeGreaterThan(10);
  });

  it('finds by any part of the name or crebo of the qualification or its dossier, case and accents aside', async () => {
    const find = async (...words: string[]) =>
      crebos((await service.overview({ ...everything, words }, first)).rows);
    expect(await find('MONTEUR', 'elektrotechnische')).toEqual(['25830', '25831']);
    expect(await find('monteur', '25831')).toEqual(['25831']);
    expect(await find('25831')).toEqual(['25831']);
    expect((await find('23153')).sort()).toEqual(['25830', '25831']);
    expect(await find('zeppelin', 'monteur')).toEqual([]);
    // "%" and "_" are letters here, not patterns.
    expect(await find('%')).toEqual([]);
    const accents = all.filter((row) => /[ëéèï]/.test(row.title + row.dossierTitle));
    for (const row of accents.slice(0, 3)) {
      const word = (row.title + ' ' + row.dossierTitle)
        .split(' ')
        .find((part) => /[ëéèï]/.test(part))!
        .normalize('NFD')
        .replace(/\p{M}/gu, '');
      expect(await find(word)).toContain(row.crebo);
    }
  });

  it('shows only the gaps when asked, and counts both tabs', async () => {
    const gaps = await service.overview({ ...everything, gapsOnly: true }, first);
    expect(crebos(gaps.rows)).toEqual(crebos(all.filter(withoutMaterial)));
    expect(gaps.total).toBe(gaps.rows.length);
    expect(gaps.matching).toBe(all.length);
  });

  it('orders by name, or the least served first (then the smallest share of keuzedelen)', async () => {
    const byName = await service.overview({ ...everything, order: 'naam' }, first);
    expect(crebos(byName.rows)).toEqual(
      crebos(
        [...all].sort(
          (a, b) =>
            a.title.toLowerCase().localeCompare(b.title.toLowerCase(), 'en') ||
            a.crebo.localeCompare(b.crebo),
        ),
      ),
    );
    const least = (await service.overview({ ...everything, order: 'minst-materiaal' }, first)).rows;
    const share = (row: QualificationCoverage) =>
      row.electives === 0 ? 0 : row.electivesWithModule / row.electives;
    for (let n = 1; n < least.length; n++) {
      const [a, b] = [least[n - 1], least[n]];
      const material = a.curricula + a.modules - (b.curricula + b.modules);
      expect(material < 0 || (material === 0 && share(a) <= share(b))).toBe(true);
    }
  });

  it('pages: the pages together are the whole; a page past the end is empty, the totals stay', async () => {
    const size = 7;
    const pages = [];
    for (let number = 1; number <= Math.ceil(all.length / size); number++)
      pages.push(...(await service.overview(everything, { number, size })).rows);
    expect(crebos(pages)).toEqual(crebos(all));
    const past = await service.overview(everything, { number: 99, size });
    expect(past).toMatchObject({ rows: [], total: all.length });
  });

  it('gives the keuzedelen with their modules, by code, narrowed and paged the same way', async () => {
    const electives = await service.coverageOfElectives();
    const page = await service.electiveOverview({ words: [], gapsOnly: false }, first);
    expect(page.rows).toEqual(electives);
    expect(page.matchingWithoutModule).toBe(electives.filter(isElectiveGap).length);
    const without = await service.electiveOverview({ words: [], gapsOnly: true }, first);
    expect(without.rows.map((row) => row.code)).toEqual(
      electives.filter(isElectiveGap).map((row) => row.code),
    );
    expect(
      (await service.electiveOverview({ words: ['k0771'], gapsOnly: false }, first)).rows,
    ).toEqual([expect.objectContaining({ code: 'K0771', modules: 1 })]);
    expect(
      (
        await service.electiveOverview({ words: ['WARMTEPOMPEN'], gapsOnly: false }, first)
      ).rows.map((row) => row.code),
    ).toContain('K0771');
    // Accents aside: "hygiene" finds "Voedselveiligheid en hygiëne".
    expect(
      (await service.electiveOverview({ words: ['hygiene'], gapsOnly: false }, first)).rows.map(
        (row) => row.title,
      ),
    ).toEqual(['Voedselveiligheid en hygiëne']);
  });

  it('finds the last of more qualifications than any list limit, and counts them all', async () => {
    const size = 6000;
    const profiles = Array.from(
      { length: size },
      (_, n) =>
        `<profiel titel="Vakkracht ${n}" niveau="2"><creboinformatie><crebo>${30000 + n}</crebo></creboinformatie></profiel>`,
    ).join('');
    await service.importFile(
      Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><sbb><dossiers><dossier nr="29999" titel="Groot dossier" versie="1.0"><dossiercrebos><dossiercrebo>29999</dossiercrebo></dossiercrebos><profielen>${profiles}</profielen></dossier></dossiers></sbb>`,
      ),
      { name: 'groot.xml', importedBy: null },
    );
    const lastCrebo = String(30000 + size - 1);
    const found = await service.overview({ ...everything, words: [lastCrebo] }, first);
    expect(crebos(found.rows)).toEqual([lastCrebo]);
    const whole = await service.overview(everything, { number: 1, size: 40 });
    expect(whole.rows).toHaveLength(40);
    expect(whole.total).toBe(size);
    expect(whole.matchingWithoutMaterial).toBe(size);
  }, 120_000);
});
