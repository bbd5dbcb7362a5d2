import { DataSource } from 'typeorm';
import { UsersService } from '@bouwsteen/auth';
import { DemoService } from '@bouwsteen/seed';
import { DEMO_PUBLISHER } from '../apps/cli/src/commands';
import { expectPage, mainText } from './harness/html';
import { oaiSchemaErrors, texts, xpathString } from './harness/oai';
import { expectOoapiValid } from './harness/ooapi-spec';
import { TestApp, createTestApp } from './harness/test-app';

/**
 * The qualification structure where people and machines meet it, over the demo data and its
 * reference set, through HTTP: the search API's `qualification` filter and the search page's
 * facet by name, the funders' "dekking" per province (API, CSV, page), and the names in
 * NL-LOM, Dublin Core, OOAPI and JSON-LD — every feed answer still valid against its schema.
 */
describe('qualifications in search, reports and feeds (e2e)', () => {
  let t: TestApp;
  const ids: Record<'electrician' | 'heatPump' | 'aviation', string> = {
    electrician: '',
    heatPump: '',
    aviation: '',
  };
  const ELECTRICIAN = 'Eerste monteur elektrotechnische installaties';
  const HEAT_PUMPS = 'Installeren en onderhouden van warmtepompen';

  const api = (path: string) => t.http().get(`/api/v1${path}`);
  const oai = async (query: Record<string, string>) => {
    const xml = (await t.http().get('/oai').query(query).expect(200)).text;
    expect(oaiSchemaErrors(xml)).toBeUndefined();
    return xml;
  };
  const identifierOf = (id: string) => `oai:bouwsteen.local:${id}`;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    await t.startWorker();
    const publisher = await t.app
      .get(UsersService)
      .serviceAccount(DEMO_PUBLISHER, 'Bouwsteen demo');
    await t.app.get(DemoService).load(publisher);
    await t.indexed(60_000);
    const db = t.app.get(DataSource);
    const idOf = async (title: string) =>
      (
        (await db.query(`SELECT id FROM asset_published WHERE listed AND title LIKE $1`, [
          `${title}%`,
        ])) as { id: string }[]
      )[0].id;
    ids.electrician = await idOf(ELECTRICIAN);
    ids.heatPump = await idOf(HEAT_PUMPS);
    ids.aviation = await idOf('Aircraft Maintenance Technician');
    // A harvest is taken as of the second before it.
    await new Promise((resolve) => setTimeout(resolve, 1100));
  }, 240_000);
  afterAll(() => t.close());

  describe('search API', () => {
    it('filters by qualification and counts the facet', async () => {
      const body = (await api('/search?qualification=25831&facets=qualification,kind').expect(200))
        .body;
      expect(body.hits.map((hit: { id: string }) => hit.id).sort()).toEqual(
        [ids.electrician, ids.heatPump].sort(),
      );
      expect(body.facets.qualification).toMatchObject({ '25831': 2, '25830': 1, '25923': 1 });
      const either = (await api('/search?qualification=25831,25394').expect(200)).body;
      expect(either.hits.map((hit: { id: string }) => hit.id)).toContain(ids.aviation);
      expect(either.totalHits).toBe(3);
    });

    it.each([
      ['a code that is not 5 digits', 'qualification=2583'],
      ['letters', 'qualification=K0771'],
      [
        'more than 20 codes',
        `qualification=${Array.from({ length: 21 }, (_, n) => 25800 + n).join(',')}`,
      ],
      ['filter syntax', 'qualification=25831%22%20OR%20kind%20%3D%20%22module'],
    ])('refuses %s with a problem naming the field', async (_name, query) => {
      const response = await api(`/search?${query}`).expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors[0].field).toMatch(/^qualification/);
    });
  });

  describe('search page', () => {
    it('shows the facet by name and level, the chosen one checked, and narrows the results', async () => {
      const root = expectPage(await t.http().get('/zoeken?kwalificatie=25831').expect(200));
      const facet = root
        .querySelectorAll('fieldset.facet')
        .find((set) => set.querySelector('legend')?.text === 'Kwalificatie (mbo)')!;
      expect(facet).toBeDefined();
      const chosen = facet.querySelector('input[value="25831"]')!;
      expect(chosen.hasAttribute('checked')).toBe(true);
      expect(facet.querySelector(`label[for="${chosen.id}"]`)!.text).toMatch(
        new RegExp(`^${ELECTRICIAN} \\(niveau 3\\) \\(2\\)$`),
      );
      // Labels, not codes: no option reads as a bare crebo.
      for (const label of facet.querySelectorAll('label'))
        expect(label.text).not.toMatch(/^\d{5}\b/);
      const results = root.querySelectorAll('.search-results h3 a').map((a) => a.text.trim());
      expect(results).toHaveLength(2);
      expect(results).toEqual(expect.arrayContaining([HEAT_PUMPS]));
      // The chosen filter is named as people read it, not by its code.
      expect(mainText(root)).toContain(`Kwalificatie (mbo): ${ELECTRICIAN} (niveau 3)`);
    });

    it('leaves out a crebo the structure does not hold, with the usual notice', async () => {
      const root = expectPage(await t.http().get('/zoeken?kwalificatie=99999').expect(200));
      expect(mainText(root)).toMatch(/99999/);
      expect(root.querySelector('input[value="99999"]')).toBeNull();
    });
  });

  describe('dekking per province', () => {
    it('counts qualifications and keuzedelen with and without material of the province’s PPS', async () => {
      const body = (await api('/reports/provinces/noord-holland/coverage').expect(200)).body;
      expect(body.scope).toEqual({ id: 'noord-holland', name: 'Noord-Holland' });
      const electrician = body.qualifications.items.find(
        (row: { crebo: string }) => row.crebo === '25831',
      );
      expect(electrician).toMatchObject({ title: ELECTRICIAN, level: 3, curricula: 1 });
      expect(electrician.modules).toBeGreaterThanOrEqual(1);
      expect(electrician).toMatchObject({ current: true, gap: false, servedElsewhere: false });
      const covered = body.qualifications.items.filter(
        (row: { current: boolean; curricula: number; modules: number }) =>
          row.current && row.curricula + row.modules > 0,
      );
      expect(body.qualifications.withMaterial).toBe(covered.length);
      // The demo's structure is the bundled illustration, and the report says so.
      expect(body.illustrative).toBe(true);
      expect(body.qualifications.withMaterial).toBeLessThan(body.qualifications.total);
      const k0771 = body.electives.items.find((row: { code: string }) => row.code === 'K0771');
      expect(k0771).toMatchObject({ title: HEAT_PUMPS, modules: 1 });
      expect(body.electives.withModule).toBeGreaterThan(0);
      expect(body.electives.withModule).toBeLessThan(body.electives.total);
    });

    it('downloads as CSV, one row per qualification and keuzedeel', async () => {
      const response = await api('/reports/provinces/noord-holland/coverage?format=csv').expect(
        200,
      );
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      const lines = response.text.trim().split(/\r?\n/);
      expect(lines[0]).toBe(
        'type,code,title,level,dossier,current,curricula,modules,covered,gap,nationalCurricula,nationalModules,servedElsewhere,qualifications,note',
      );
      // Every row says the structure is the illustration.
      for (const line of lines.slice(1))
        expect(line).toMatch(
          /,"Voorbeeldgegevens, niet de officiële kwalificatiestructuur van SBB"$/,
        );
      expect(lines.some((line) => line.startsWith(`kwalificatie,25831,${ELECTRICIAN},3`))).toBe(
        true,
      );
      expect(lines.some((line) => line.startsWith(`keuzedeel,K0771,${HEAT_PUMPS}`))).toBe(true);
    });

    it('in a province without that material, says a PPS elsewhere has it: reuse before funding', async () => {
      const body = (await api('/reports/provinces/flevoland/coverage').expect(200)).body;
      const electrician = body.qualifications.items.find(
        (row: { crebo: string }) => row.crebo === '25831',
      );
      expect(electrician).toMatchObject({
        curricula: 0,
        modules: 0,
        current: true,
        gap: true,
        servedElsewhere: true,
        national: { curricula: 1 },
      });
      const k0771 = body.electives.items.find((row: { code: string }) => row.code === 'K0771');
      expect(k0771).toMatchObject({ modules: 0, gap: true, servedElsewhere: true });
      expect(k0771.nationalModules).toBeGreaterThanOrEqual(1);
      expect(k0771.qualificationCount).toBeGreaterThanOrEqual(1);
      expect(k0771.qualifications).toContain('25831');
      for (const part of [body.qualifications, body.electives]) {
        const gaps = part.items.filter((row: { gap: boolean }) => row.gap);
        const elsewhere = gaps.filter((row: { servedElsewhere: boolean }) => row.servedElsewhere);
        expect(part.servedElsewhere).toBe(elsewhere.length);
        expect(part.nowhere).toBe(gaps.length - elsewhere.length);
        expect(part.servedElsewhere).toBeGreaterThan(0);
        expect(part.nowhere).toBeGreaterThan(0);
      }

      const root = expectPage(await t.http().get('/rapportages/provincies/flevoland').expect(200));
      const section = root.querySelector('section[aria-labelledby="dekking-titel"]')!;
      const lists = section.querySelectorAll('details');
      const summary = (n: number) => lists[n].querySelector('summary')!.text;
      expect(summary(0)).toBe(`Elders wel materiaal (${body.qualifications.servedElsewhere})`);
      expect(summary(1)).toBe(`Nergens materiaal (${body.qualifications.nowhere})`);
      expect(summary(2)).toBe(`Elders wel materiaal (${body.electives.servedElsewhere})`);
      expect(summary(3)).toBe(`Nergens materiaal (${body.electives.nowhere})`);
      expect(lists[0].querySelector('a[href="/kwalificaties/25831"]')?.text).toBe(
        `${ELECTRICIAN} (niveau 3)`,
      );
      expect(lists[1].querySelector('a[href="/kwalificaties/25831"]')).toBeNull();
      expect(lists[2].querySelector('a[href="/kwalificaties/keuzedelen/K0771"]')?.text).toBe(
        HEAT_PUMPS,
      );
      // Which qualifications it belongs to, by name.
      expect(lists[2].text).toMatch(new RegExp(`· bij (.+, )?${ELECTRICIAN} \\(niveau 3\\)`));
      // The page it links to lists the serving blocks with their PPS.
      const target = expectPage(await t.http().get('/kwalificaties/25831').expect(200));
      expect(mainText(target)).toContain(ELECTRICIAN);
      expect(target.querySelector(`a[href="/bouwstenen/${ids.electrician}"]`)).not.toBeNull();
    });

    it('leaves a qualification whose intake ended and an expired keuzedeel out of the gaps and counts', async () => {
      const db = t.app.get(DataSource);
      const before = (await api('/reports/provinces/flevoland/coverage').expect(200)).body;
      const nowhere = before.qualifications.items.find(
        (row: { gap: boolean; servedElsewhere: boolean }) => row.gap && !row.servedElsewhere,
      );
      const electiveGap = before.electives.items.find((row: { gap: boolean }) => row.gap);
      await db.query(`UPDATE qualification SET intake_ends = '2020-08-01' WHERE crebo = $1`, [
        nowhere.crebo,
      ]);
      await db.query(`UPDATE elective SET valid_until = '2020-08-01' WHERE code = $1`, [
        electiveGap.code,
      ]);
      try {
        const after = (await api('/reports/provinces/flevoland/coverage').expect(200)).body;
        expect(after.qualifications).toMatchObject({
          total: before.qualifications.total - 1,
          nowhere: before.qualifications.nowhere - 1,
          expired: before.qualifications.expired + 1,
        });
        expect(
          after.qualifications.items.find((row: { crebo: string }) => row.crebo === nowhere.crebo),
        ).toMatchObject({ current: false, gap: false, servedElsewhere: false });
        expect(after.electives).toMatchObject({
          total: before.electives.total - 1,
          expired: before.electives.expired + 1,
        });
        expect(
          after.electives.items.find((row: { code: string }) => row.code === electiveGap.code),
        ).toMatchObject({ current: false, gap: false });
        const page = expectPage(
          await t.http().get('/rapportages/provincies/flevoland').expect(200),
        );
        const section = page.querySelector('section[aria-labelledby="dekking-titel"]')!;
        expect(section.querySelector(`a[href="/kwalificaties/${nowhere.crebo}"]`)).toBeNull();
        expect(section.text.replace(/\s+/g, ' ')).toMatch(
          /Niet meegeteld, want niet meer te volgen: 1 kwalificatie zonder instroom en 1 verlopen keuzedeel\./,
        );
      } finally {
        await db.query(`UPDATE qualification SET intake_ends = NULL WHERE crebo = $1`, [
          nowhere.crebo,
        ]);
        await db.query(`UPDATE elective SET valid_until = NULL WHERE code = $1`, [
          electiveGap.code,
        ]);
      }
    });

    it('refuses a province that does not exist', async () => {
      await api('/reports/provinces/atlantis/coverage').expect(400);
    });

    it('tells it on the province’s report page, gaps by name with a link to each', async () => {
      const root = expectPage(
        await t.http().get('/rapportages/provincies/noord-holland').expect(200),
      );
      const section = root.querySelector('section[aria-labelledby="dekking-titel"]')!;
      const body = (await api('/reports/provinces/noord-holland/coverage').expect(200)).body;
      const { qualifications: q, electives: e } = body;
      const verb = (n: number) => (n === 1 ? 'heeft' : 'hebben');
      expect(section.text.replace(/\s+/g, ' ')).toContain(
        `${q.withMaterial} van ${q.total} kwalificaties ${verb(q.withMaterial)} een curriculum of module van een PPS in Noord-Holland; ${e.withModule} van ${e.total} keuzedelen ${verb(e.withModule)} een module.`,
      );
      expect(section.querySelector('.reference-note')?.text).toMatch(/Voorbeeldgegevens/);
      const links = section.querySelectorAll('a[href^="/kwalificaties/"]');
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) {
        expect(link.getAttribute('href')).toMatch(/^\/kwalificaties\/(\d{5}|keuzedelen\/K\d{4})$/);
        expect(link.text).not.toMatch(/^(\d{5}|K\d{4})$/);
      }
      expect(section.querySelector(`a[href="/kwalificaties/25831"]`)?.text).toBe(
        `${ELECTRICIAN} (niveau 3)`,
      );
      expect(
        root.querySelector('a[href="/api/v1/reports/provinces/noord-holland/coverage?format=csv"]'),
      ).not.toBeNull();
    });
  });

  describe('feeds', () => {
    it('NL-LOM: the taxon entry is the qualification’s name, valid against the schemas', async () => {
      const xml = await oai({
        verb: 'GetRecord',
        metadataPrefix: 'lom',
        identifier: identifierOf(ids.electrician),
      });
      const taxon = (id: string) =>
        xpathString(
          xml,
          `//*[local-name()='taxon'][*[local-name()='id']='${id}']/*[local-name()='entry']/*[local-name()='string']`,
        );
      expect(taxon('25831')).toBe(ELECTRICIAN);
      expect(taxon('K0771')).toBe(HEAT_PUMPS);
      const module = await oai({
        verb: 'GetRecord',
        metadataPrefix: 'lom',
        identifier: identifierOf(ids.heatPump),
      });
      expect(module).toContain(`<string language="nl">${HEAT_PUMPS}</string>`);
    });

    it('NL-LOM and Dublin Core lists carry the names, every page valid', async () => {
      const lom = await oai({ verb: 'ListRecords', metadataPrefix: 'lom' });
      expect(lom).toContain(`<string language="nl">${ELECTRICIAN}</string>`);
      const dc = await oai({
        verb: 'GetRecord',
        metadataPrefix: 'oai_dc',
        identifier: identifierOf(ids.electrician),
      });
      expect(texts(dc, 'dc:subject')).toEqual(expect.arrayContaining([ELECTRICIAN, HEAT_PUMPS]));
    });

    it('OOAPI: names in the x-bouwsteen consumer, codes where the spec has them, all valid', async () => {
      const program = (await t.http().get(`/ooapi/v5/programs/${ids.electrician}`).expect(200))
        .body;
      expectOoapiValid(program, '/programs/{programId}');
      expect(program.primaryCode).toEqual({ codeType: 'crohoCreboCode', code: '25831' });
      expect(program.consumers[0].qualifications).toEqual([{ code: '25831', name: ELECTRICIAN }]);
      const course = (await t.http().get(`/ooapi/v5/courses/${ids.heatPump}`).expect(200)).body;
      expectOoapiValid(course, '/courses/{courseId}');
      expect(course.consumers[0].electives).toEqual([{ code: 'K0771', name: HEAT_PUMPS }]);
      const programs = (await t.http().get('/ooapi/v5/programs?pageSize=100').expect(200)).body;
      expectOoapiValid(programs, '/programs');
      const listed = programs.items.find(
        (item: { programId: string }) => item.programId === ids.electrician,
      );
      expect(listed.consumers[0].qualifications[0].name).toBe(ELECTRICIAN);
      // The keuzedelen a curriculum offers, as a course carries its own.
      expect(program.otherCodes).toEqual(
        expect.arrayContaining([{ codeType: 'x-keuzedeel', code: 'K0771' }]),
      );
      expect(program.consumers[0].electives).toEqual(
        expect.arrayContaining([{ code: 'K0771', name: HEAT_PUMPS }]),
      );
      expect(listed.otherCodes).toEqual(program.otherCodes);
    });

    it('JSON-LD: educationalAlignment names and links the qualification and keuzedeel, on the API and the page alike', async () => {
      type Alignment = { targetName: string; targetCode: string; targetUrl?: string };
      const body = (
        await api(`/assets/${ids.electrician}`).set('Accept', 'application/ld+json').expect(200)
      ).body as { educationalAlignment: Alignment[] };
      const seen = (alignments: Alignment[]) =>
        alignments.map(({ targetCode, targetName, targetUrl }) => [
          targetCode,
          targetName,
          targetUrl && new URL(targetUrl).pathname,
        ]);
      expect(seen(body.educationalAlignment)).toEqual([
        ['25831', ELECTRICIAN, '/kwalificaties/25831'],
        ['K0771', HEAT_PUMPS, '/kwalificaties/keuzedelen/K0771'],
      ]);
      // The block page embeds the same JSON-LD, names included.
      const page = expectPage(await t.http().get(`/bouwstenen/${ids.electrician}`).expect(200));
      const node = page
        .querySelectorAll('script[type="application/ld+json"]')
        .map((script) => JSON.parse(script.text) as { educationalAlignment?: Alignment[] })
        .find((candidate) => candidate.educationalAlignment)!;
      expect(node).toBeDefined();
      expect(seen(node.educationalAlignment!)).toEqual(seen(body.educationalAlignment));
    });
  });
});
