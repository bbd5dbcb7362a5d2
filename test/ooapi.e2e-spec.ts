import { curriculumWith, moduleBody, practiceBody } from './harness/fixtures';
import { expectOoapiValid, ooapiAjv as ajv } from './harness/ooapi-spec';
import { TestApp, TestUser, createTestApp } from './harness/test-app';

describe('OOAPI v5 (e2e)', () => {
  let t: TestApp;
  let editor: TestUser;
  let ppsId: string;
  const courseIds: string[] = [];
  let programId: string;

  const get = async (url: string, status = 200) => {
    const response = await t.http().get(`/ooapi/v5${url}`).expect(status);
    return response.body as Record<string, unknown> & { items?: Record<string, unknown>[] };
  };
  const valid = expectOoapiValid;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    ppsId = await t.ppsId('House of Digital');
    editor = await t.user('pps-editor', [ppsId]);
    for (let n = 0; n < 23; n++) {
      const base = moduleBody(ppsId, { levels: [n % 2 ? 'mbo-3' : 'mbo-4'] });
      const module = base.module as Record<string, unknown>;
      courseIds.push(
        (
          await t.publish(editor, {
            ...base,
            module: {
              ...module,
              offerings: [
                {
                  period: { start: '2027-02-01', end: '2027-03-15' },
                  location: 'Haarlem',
                  seats: 12,
                },
                { period: { start: '2027-09-01', end: '2027-10-15' } },
              ],
            },
          })
        ).id,
      );
    }
    await t.publish(editor, practiceBody(ppsId));
    programId = (await t.publish(editor, curriculumWith(ppsId, [courseIds[0]]))).id;
  }, 120_000);
  afterAll(() => t.close());

  it('answers the service root', async () => {
    valid(await get('/'), '/');
  });

  it('lists one root organisation with the lead institution and the PPS below it', async () => {
    const body = await get('/organizations?pageSize=10');
    valid(body, '/organizations');
    const types = body.items!.map((item) => item.organizationType);
    expect(types.filter((type) => type === 'root')).toHaveLength(1);
    expect(types).toEqual(expect.arrayContaining(['root', 'institute', 'department']));
    const pps = body.items!.find((item) => item.organizationId === ppsId)!;
    const root = body.items!.find((item) => item.organizationType === 'root')!;
    const lead = body.items!.find((item) => item.organizationId === pps.parent)!;
    expect(lead.parent).toBe(root.organizationId);
    valid(await get(`/organizations/${ppsId}`), '/organizations/{organizationId}');
    // What eduXchange asks first: the root alone.
    const roots = await get('/organizations?organizationType=root');
    valid(roots, '/organizations');
    expect(roots.items!.map((item) => item.organizationId)).toEqual([root.organizationId]);
    const departments = await get('/organizations?organizationType=department&pageSize=50');
    expect(departments.items!.every((item) => item.organizationType === 'department')).toBe(true);
    // The spec's other types are valid questions; we have no organisation of those types.
    for (const type of ['faculty', 'branch', 'academy', 'school'])
      expect((await get(`/organizations?organizationType=${type}`)).items).toEqual([]);
    expect((await get('/organizations?organizationType=vestiging', 400)).status).toBe('400');
  });

  it('pages through every published module as a course, with the page sizes the spec allows', async () => {
    const seen: string[] = [];
    for (let pageNumber = 1; ; pageNumber++) {
      const body = await get(`/courses?pageSize=10&pageNumber=${pageNumber}`);
      valid(body, '/courses');
      seen.push(...body.items!.map((item) => item.courseId as string));
      expect(body.hasPreviousPage).toBe(pageNumber > 1);
      if (!body.hasNextPage) {
        expect(pageNumber).toBe(3);
        break;
      }
    }
    expect(seen.sort()).toEqual([...courseIds].sort());
    for (const pageSize of ['7', '0', 'ten']) {
      const problem = await get(`/courses?pageSize=${pageSize}`, 400);
      valid(problem, '/courses', '400');
      expect(problem.status).toBe('400');
    }
  });

  it('describes a course: language-typed strings, teachingLanguage, level, study load, our own data', async () => {
    const body = await get(`/courses/${courseIds[1]}?expand=organization`);
    valid(body, '/courses/{courseId}');
    expect(body).toMatchObject({
      courseId: courseIds[1],
      teachingLanguage: 'nld',
      level: 'secondary vocational education 3',
      studyLoad: { studyLoadUnit: 'hour' },
      modeOfDelivery: ['online'],
      consumers: [{ consumerKey: 'x-bouwsteen', license: 'CC-BY-SA-4.0' }],
      organization: { organizationId: ppsId, organizationType: 'department' },
    });
    expect((body.name as { language: string }[])[0].language).toBe('nl-NL');
    expect(JSON.stringify(body)).not.toContain('null');
  });

  it('lists a course’s offerings and serves each offering by its id', async () => {
    const body = await get(`/courses/${courseIds[0]}/offerings?pageSize=10`);
    valid(body, '/courses/{courseId}/offerings');
    expect(body.items!.map((item) => item.startDate)).toEqual(['2027-02-01', '2027-09-01']);
    const [first] = body.items!;
    expect(first).toMatchObject({
      offeringType: 'course',
      endDate: '2027-03-15',
      maxNumberStudents: 12,
      priceInformation: [{ costType: 'total costs', amount: '250.00', currency: 'EUR' }],
    });
    const offering = await get(`/offerings/${first.offeringId}?expand=course`);
    // The path's schema is a oneOf of Course-, Component- and ProgramOffering without a
    // discriminator, and a course offering also satisfies ProgramOffering, so no course offering
    // can pass it: the offering is held to the schema it claims (offeringType course).
    const claimed = ajv.getSchema('ooapi#/components/schemas/CourseOffering')!;
    expect(claimed(offering) ? [] : claimed.errors).toEqual([]);
    expect(offering.offeringType).toBe('course');
    expect((offering.course as { courseId: string }).courseId).toBe(courseIds[0]);
  });

  it('describes curricula as programs, the crebo code as their primary code', async () => {
    const list = await get('/programs?pageSize=10');
    valid(list, '/programs');
    expect(list.items!.map((item) => item.programId)).toEqual([programId]);
    const program = await get(`/programs/${programId}?expand=organization`);
    valid(program, '/programs/{programId}');
    expect(program).toMatchObject({
      programType: 'program',
      primaryCode: { codeType: 'crohoCreboCode', code: '25923' },
      levelOfQualification: '4',
      level: 'secondary vocational education 4',
      duration: 'P36M',
    });
  });

  it('answers unknown ids with the spec’s problem shape, and malformed ids with 400', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const path of [
      ['/courses/{courseId}', `/courses/${missing}`],
      ['/courses/{courseId}/offerings', `/courses/${missing}/offerings`],
      ['/offerings/{offeringId}', `/offerings/${missing}`],
      ['/organizations/{organizationId}', `/organizations/${missing}`],
      ['/programs/{programId}', `/programs/${missing}`],
    ]) {
      const problem = await get(path[1], 404);
      valid(problem, path[0], '404');
      expect(problem).toMatchObject({ status: '404', title: 'Not Found' });
    }
    const malformed = await get('/courses/not-a-uuid', 400);
    valid(malformed, '/courses/{courseId}', '400');
  });

  it('answers unknown paths, other methods and refused input under /ooapi with the spec’s problem, never a Bouwsteen problem or page', async () => {
    const problem = ajv.getSchema('ooapi#/components/schemas/Problem')!;
    const answers = [
      [await t.http().get('/ooapi/v5/nope'), '404'],
      [await t.http().get('/ooapi/v5/courses/x/y/z'), '404'],
      [await t.http().get('/ooapi/v4/courses'), '404'],
      [await t.http().get('/ooapi/v5/nope').set('Accept', 'text/html'), '404'],
      [await t.http().post('/ooapi/v5/courses').send({}), '404'],
      [await t.http().get('/ooapi/v5/courses?pageSize=%00'), '400'],
      [await t.http().get(`/ooapi/v5/courses/${courseIds[0]}?expand=%07`), '400'],
    ] as const;
    for (const [response, status] of answers) {
      expect(response.status).toBe(Number(status));
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const body = JSON.parse(response.text);
      expect(problem(body) ? [] : problem.errors).toEqual([]);
      expect(body.status).toBe(status);
      expect(body.title).toBe(status === '404' ? 'Not Found' : 'Bad Request');
      expect(typeof body.detail).toBe('string');
      expect(body).not.toHaveProperty('code');
    }
    // A refused value is named in the detail, but never echoed.
    const detail = JSON.parse(answers[5][0].text).detail;
    expect(detail).toMatch(/pageSize/);
    expect(detail).not.toContain('\u0000');
  });
});
