import { curriculumWith, moduleBody, unique } from './harness/fixtures';
import { expectOoapiValid } from './harness/ooapi-spec';
import { TestApp, TestUser, createTestApp } from './harness/test-app';

type Body = Record<string, unknown> & { items?: Record<string, unknown>[] };

/**
 * Every query parameter the spec documents for the endpoints we serve: a valid value is
 * honoured (the answer shows it), an invalid one is the spec's 400 Problem. Every answer is
 * validated against the unmodified bundled spec.
 */
describe('OOAPI v5 query parameters (e2e)', () => {
  let t: TestApp;
  let editor: TestUser;
  let ppsId: string;
  let leadId: string;
  let programId: string;
  const ids: Record<'a' | 'b' | 'c' | 'd', string> = { a: '', b: '', c: '', d: '' };

  /** GET under /ooapi/v5, checked against the spec's schema for `path` and the status. */
  const get = async (path: string, url: string, status = 200): Promise<Body> => {
    const response = await t.http().get(`/ooapi/v5${url}`).expect(status);
    expectOoapiValid(response.body, path, String(status));
    return response.body as Body;
  };
  const courses = async (query: string) =>
    (await get('/courses', `/courses?pageSize=50&${query}`)).items!.map((item) => item.courseId);
  const refused = async (path: string, url: string, parameter: string) => {
    const problem = await get(path, url, 400);
    expect(problem).toMatchObject({ status: '400', title: 'Bad Request' });
    expect(problem.detail).toContain(parameter);
  };

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    ppsId = await t.ppsId('House of Digital');
    editor = await t.user('pps-editor', [ppsId]);
    const publish = async (title: string, overrides: Record<string, unknown>) => {
      const { module: changes, ...rest } = overrides;
      const base = moduleBody(ppsId, { title: unique(title), ...rest });
      const module = { ...(base.module as object), ...(changes as object) };
      return (await t.publish(editor, { ...base, module })).id;
    };
    ids.a = await publish('Alfa hydrauliek', {
      levels: ['mbo-3'],
      module: {
        deliveryModes: ['online'],
        offerings: [
          { period: { start: '2020-01-06', end: '2020-02-28' }, location: 'Zwolle' },
          { period: { start: '2090-09-01', end: '2090-12-20' }, location: 'Haarlem' },
          { period: { start: '2090-02-01', end: '2091-01-31' } },
        ],
      },
    });
    ids.b = await publish('Bravo lassen', {
      levels: ['mbo-2', 'mbo-3'],
      language: 'en',
      description: 'Over zuurstof_acetyleen en 100% veilig werken.',
      module: { deliveryModes: ['on-site'] },
    });
    ids.c = await publish('Charlie entree', {
      levels: ['entree'],
      module: { deliveryModes: ['workplace', 'hybrid'] },
    });
    ids.d = await publish('Delta associate degree', {
      levels: ['ad'],
      module: { deliveryModes: ['online'] },
    });
    programId = (await t.publish(editor, curriculumWith(ppsId, [ids.a]))).id;
    const organizations = await get('/organizations', '/organizations?organizationType=department');
    leadId = organizations.items!.find((item) => item.organizationId === ppsId)!.parent as string;
  }, 120_000);
  afterAll(() => t.close());

  it('courses: q matches name or description in part, case-insensitively, wildcards literally', async () => {
    expect(await courses('q=ALFA')).toEqual([ids.a]);
    expect(await courses('q=zuurstof_acetyleen')).toEqual([ids.b]);
    expect(await courses('q=100%25')).toEqual([ids.b]);
    expect(await courses('q=%25')).toEqual([ids.b]);
    expect(await courses('q=nergens')).toEqual([]);
    await refused('/courses', `/courses?q=${'x'.repeat(201)}`, 'q');
  });

  it('courses: level as shown (one mbo level, several, entree as 1, associate degree)', async () => {
    const level = (value: string) => courses(`level=${encodeURIComponent(value)}`);
    expect(await level('secondary vocational education 3')).toEqual([ids.a]);
    expect(await level('secondary vocational education')).toEqual([ids.b]);
    expect(await level('secondary vocational education 1')).toEqual([ids.c]);
    expect(await level('associate degree')).toEqual([ids.d]);
    expect(await level('bachelor')).toEqual([]);
    const shown = await get('/courses', `/courses?level=secondary%20vocational%20education%201`);
    expect(shown.items![0].level).toBe('secondary vocational education 1');
    await refused('/courses', '/courses?level=mbo%203', 'level');
  });

  it('courses: teachingLanguage, modeOfDelivery (repeated or comma-separated), primaryCode', async () => {
    expect(await courses('teachingLanguage=eng')).toEqual([ids.b]);
    expect((await courses('teachingLanguage=nld')).sort()).toEqual([ids.a, ids.c, ids.d].sort());
    expect(await courses('teachingLanguage=deu')).toEqual([]);
    await refused('/courses', '/courses?teachingLanguage=nl', 'teachingLanguage');
    expect(await courses('modeOfDelivery=on%20campus')).toEqual([ids.b]);
    expect((await courses('modeOfDelivery=situated&modeOfDelivery=online')).sort()).toEqual(
      [ids.a, ids.c, ids.d].sort(),
    );
    expect(await courses('modeOfDelivery=hybrid,distance-learning')).toEqual([ids.c]);
    await refused('/courses', '/courses?modeOfDelivery=classroom', 'modeOfDelivery');
    expect(await courses(`primaryCode=${ids.c}`)).toEqual([ids.c]);
    expect(await courses(`primaryCode=${ids.c.toUpperCase()}`)).toEqual([ids.c]);
    expect(await courses('primaryCode=unknown')).toEqual([]);
  });

  it('courses: sort by name or courseId, - for descending; bad sorts are refused', async () => {
    const all = [ids.a, ids.b, ids.c, ids.d];
    expect(await courses('')).toEqual(all);
    expect(await courses('sort=name')).toEqual(all);
    expect(await courses('sort=-name')).toEqual([...all].reverse());
    expect(await courses('sort=courseId')).toEqual([...all].sort());
    expect(await courses('sort=-courseId')).toEqual([...all].sort().reverse());
    expect(await courses('sort=name,-courseId')).toEqual(all);
    for (const sort of ['title', 'name,name', '--name', 'name,', ''])
      await refused('/courses', `/courses?sort=${sort}`, 'sort');
  });

  it('courses: consumer — ours gives all, a registered or x- key we publish nothing for gives none', async () => {
    expect(await courses('consumer=x-bouwsteen')).toHaveLength(4);
    expect(await courses('consumer=rio')).toEqual([]);
    expect(await courses('consumer=x-elders')).toEqual([]);
    await refused('/courses', '/courses?consumer=bouwsteen', 'consumer');
  });

  it('paging: the spec’s page sizes, pageNumber from 1, a page past the end is empty', async () => {
    const first = await get('/courses', '/courses?pageSize=10&pageNumber=1');
    expect(first).toMatchObject({ pageSize: 10, pageNumber: 1, hasNextPage: false });
    const past = await get('/courses', '/courses?pageSize=10&pageNumber=3');
    expect(past).toMatchObject({ items: [], hasPreviousPage: true, hasNextPage: false });
    for (const [query, name] of [
      ['pageSize=7', 'pageSize'],
      ['pageSize=10&pageSize=20', 'pageSize'],
      ['pageNumber=0', 'pageNumber'],
      ['pageNumber=-1', 'pageNumber'],
      ['pageNumber=1e3', 'pageNumber'],
    ])
      await refused('/courses', `/courses?${query}`, name);
  });

  it('offerings: future ones by default, past ones with since and until, filters and sorts', async () => {
    const path = '/courses/{courseId}/offerings';
    const starts = async (query = '') =>
      (await get(path, `/courses/${ids.a}/offerings?${query}`)).items!.map(
        (item) => item.startDate,
      );
    expect(await starts()).toEqual(['2090-02-01', '2090-09-01']);
    expect(await starts('since=2020-01-01')).toEqual(['2020-01-06', '2090-02-01', '2090-09-01']);
    expect(await starts('since=2020-01-01&until=2020-12-31')).toEqual(['2020-01-06']);
    expect(await starts('until=2090-12-31')).toEqual(['2090-09-01']);
    expect(await starts('sort=-startDate')).toEqual(['2090-09-01', '2090-02-01']);
    expect(await starts('sort=endDate')).toEqual(['2090-09-01', '2090-02-01']);
    expect(await starts('sort=-endDate')).toEqual(['2090-02-01', '2090-09-01']);
    expect(await starts('resultExpected=false')).toHaveLength(2);
    expect(await starts('resultExpected=true')).toEqual([]);
    expect(await starts('q=alfa&teachingLanguage=nld&modeOfDelivery=online')).toHaveLength(2);
    expect(await starts('q=bravo')).toEqual([]);
    expect(await starts('teachingLanguage=eng')).toEqual([]);
    expect(await starts('modeOfDelivery=situated')).toEqual([]);
    expect(await starts('consumer=eduxchange')).toEqual([]);
    const byId = (await get(path, `/courses/${ids.a}/offerings?sort=offeringId`)).items!;
    const offeringIds = byId.map((item) => item.offeringId as string);
    expect(offeringIds).toEqual([...offeringIds].sort());
    for (const [query, name] of [
      ['since=2020-13-01', 'since'],
      ['until=tomorrow', 'until'],
      ['resultExpected=yes', 'resultExpected'],
      ['sort=price', 'sort'],
      ['teachingLanguage=NLD', 'teachingLanguage'],
      ['pageSize=5', 'pageSize'],
    ])
      await refused(path, `/courses/${ids.a}/offerings?${query}`, name);
  });

  it('organizations: every type the spec lists, q, primaryCode, sort, consumer', async () => {
    const names = async (query: string) =>
      (await get('/organizations', `/organizations?pageSize=50&${query}`)).items!;
    const all = await names('');
    expect(all.map((item) => (item.name as { value: string }[])[0].value)).toEqual(
      all.map((item) => (item.name as { value: string }[])[0].value).sort(),
    );
    const reversed = await names('sort=-name');
    expect(reversed.map((item) => item.organizationId)).toEqual(
      all.map((item) => item.organizationId).reverse(),
    );
    const byId = (await names('sort=organizationId')).map((item) => item.organizationId);
    expect(byId).toEqual([...byId].sort());
    expect((await names('q=house of')).map((item) => item.organizationId)).toEqual([ppsId]);
    expect((await names(`primaryCode=${ppsId}`)).map((item) => item.organizationId)).toEqual([
      ppsId,
    ]);
    expect((await names('primaryCode=bouwsteen'))[0].organizationType).toBe('root');
    expect((await names('organizationType=institute')).map((item) => item.organizationId)).toEqual([
      leadId,
    ]);
    for (const type of ['faculty', 'branch', 'academy', 'school'])
      expect(await names(`organizationType=${type}`)).toEqual([]);
    expect(await names('consumer=nl-test-admin')).toEqual([]);
    await refused(
      '/organizations',
      '/organizations?organizationType=vestiging',
      'organizationType',
    );
    await refused('/organizations', '/organizations?sort=type', 'sort');
  });

  it('programs: q, primaryCode, teachingLanguage, programType, levelOfQualification, and what we never state', async () => {
    const programs = async (query: string) =>
      (await get('/programs', `/programs?${query}`)).items!.map((item) => item.programId);
    expect(await programs('primaryCode=25923')).toEqual([programId]);
    expect(await programs('primaryCode=99999')).toEqual([]);
    expect(await programs('q=servicetechnicus&teachingLanguage=nld')).toEqual([programId]);
    expect(await programs('programType=program&levelOfQualification=4')).toEqual([programId]);
    expect(await programs('levelOfQualification=3')).toEqual([]);
    expect(await programs('programType=minor')).toEqual([]);
    expect(await programs('sort=-programId')).toEqual([programId]);
    // We state no sector, qualificationAwarded or fieldsOfStudy: valid values match nothing.
    for (const query of [
      'sector=secondary%20vocational%20education',
      'qualificationAwarded=None',
      'fieldsOfStudy=0715',
    ])
      expect(await programs(query)).toEqual([]);
    for (const [query, name] of [
      ['levelOfQualification=9', 'levelOfQualification'],
      ['programType=opleiding', 'programType'],
      ['sector=mbo', 'sector'],
      ['qualificationAwarded=MBO', 'qualificationAwarded'],
      ['sort=crebo', 'sort'],
    ])
      await refused('/programs', `/programs?${query}`, name);
  });

  it('instances: expand as each path allows (parent and children of an organisation), others refused', async () => {
    const pps = await get(
      '/organizations/{organizationId}',
      `/organizations/${ppsId}?expand=parent`,
    );
    expect((pps.parent as Body).organizationId).toBe(leadId);
    const lead = await get(
      '/organizations/{organizationId}',
      `/organizations/${leadId}?expand=children`,
    );
    expect((lead.children as Body[]).map((child) => child.organizationId)).toEqual([ppsId]);
    await get(
      '/courses/{courseId}',
      `/courses/${ids.a}?expand=organization&returnTimelineOverrides=false`,
    );
    for (const [path, url] of [
      ['/courses/{courseId}', `/courses/${ids.a}?expand=teachers`],
      ['/courses/{courseId}', `/courses/${ids.a}?returnTimelineOverrides=ja`],
      ['/programs/{programId}', `/programs/${programId}?expand=course`],
      ['/organizations/{organizationId}', `/organizations/${ppsId}?expand=organization`],
      ['/offerings/{offeringId}', `/offerings/${ids.a}?expand=teachers`],
    ])
      await refused(
        path,
        url,
        url.includes('returnTimeline') ? 'returnTimelineOverrides' : 'expand',
      );
  });
});
