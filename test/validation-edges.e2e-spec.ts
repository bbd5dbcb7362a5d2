import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateAssetDto, UpdateAssetDto } from '@bouwsteen/assets';
import { CreateUserDto, UpdateUserDto } from '@bouwsteen/auth';
import { CreateCourseDto, UpdateCourseDto } from '@bouwsteen/courses';
import {
  CreateOrganisationDto,
  CreatePpsDto,
  UpdateOrganisationDto,
  UpdatePpsDto,
} from '@bouwsteen/organisations';
import {
  nestedPaths,
  requiredProperties,
  validatedProperties,
  valueAt,
  withValueAt,
} from './harness/dto-walk';
import { FullBlockRefs, fullBody, minimalBody, moduleBody } from './harness/fixtures';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

const KINDS = ['module', 'curriculum', 'infrastructure', 'practice'] as const;
type Kind = (typeof KINDS)[number];
type Problem = { code: string; errors?: { field: string; message: string }[] };
type Answer = { status: number; headers: Record<string, string>; body: Problem };

/**
 * The edges of validation (issue 23): null in a PATCH, lists of lists where objects belong,
 * numbers sent as text, bytes that are not UTF-8 — each a 400 problem naming the field, with
 * nothing stored. The lists of fields come from the DTOs, so a field added later is covered.
 */
describe('validation edges (e2e)', () => {
  let t: TestApp;
  let editor: TestUser;
  let admin: TestUser;
  let llo: TestUser;
  let ppsId: string;
  let refs: FullBlockRefs;
  let publishedModule: string;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    ppsId = await t.ppsId('Techport mbo');
    editor = await t.user('pps-editor', [ppsId]);
    admin = await t.user('admin');
    llo = await t.lloOffice('LLO-loket validatie');
    const organisationId = (await t.http().get(`/api/v1/pps/${ppsId}`).expect(200)).body
      .leadInstitution.id;
    publishedModule = (await t.publish(editor, minimalBody('module', ppsId))).id;
    const curriculum = await t.publish(editor, minimalBody('curriculum', ppsId, publishedModule));
    refs = { organisationId, moduleId: publishedModule, curriculumId: curriculum.id };
  });
  afterAll(() => t.close());

  function expectProblem(response: Answer, field: string, message?: string | RegExp): void {
    expect({ status: response.status, type: response.headers['content-type'] }).toEqual({
      status: 400,
      type: expect.stringContaining('application/problem+json'),
    });
    expect(response.body.code).toBe('validation-failed');
    // Each error names its rule by a code, which the pages word in Dutch.
    expect(response.body.errors).toContainEqual(
      expect.objectContaining({
        field,
        message:
          message === undefined
            ? expect.any(String)
            : typeof message === 'string'
              ? message
              : expect.stringMatching(message),
        code: expect.any(String),
      }),
    );
  }

  /** How many blocks the PPS has, drafts included: what "nothing stored" is checked against. */
  async function blockCount(): Promise<number> {
    const response = await t
      .http()
      .get(`/api/v1/assets?ppsId=${ppsId}&pageSize=1`)
      .set(bearer(editor))
      .expect(200);
    return response.body.totalItems;
  }

  interface Target {
    url: string;
    user: TestUser;
    etag(): Promise<string>;
    read(): Promise<Record<string, unknown>>;
  }

  async function readable(url: string, user: TestUser): Promise<Target> {
    const read = async () => (await t.http().get(url).set(bearer(user)).expect(200)).body;
    return {
      url,
      user,
      read,
      etag: async () => `"${(await read()).revision}"`,
    };
  }

  const TARGETS = {
    async asset(kind: Kind) {
      const created = await t
        .http()
        .post('/api/v1/assets')
        .set(bearer(editor))
        .send(fullBody(kind, ppsId, refs))
        .expect(201);
      return readable(`/api/v1/assets/${created.body.id}`, editor);
    },
    pps: () => readable(`/api/v1/pps/${ppsId}`, admin),
    async organisation() {
      const created = await t
        .http()
        .post('/api/v1/organisations')
        .set(bearer(admin))
        .send({ name: `Validatie BV ${Math.random()}`, type: 'company' })
        .expect(201);
      return readable(`/api/v1/organisations/${created.body.id}`, admin);
    },
    async user() {
      return readable(`/api/v1/users/${(await t.user('teacher')).id}`, admin);
    },
    async course() {
      const created = await t
        .http()
        .post('/api/v1/courses')
        .set(bearer(llo))
        .send({
          title: 'Cursus voor de validatie',
          employer: { name: 'Werkgever Validatie' },
          audience: 'worker',
          schedule: { start: '2027-02-01' },
          items: [{ assetId: publishedModule }],
        })
        .expect(201);
      return readable(`/api/v1/courses/${created.body.id}`, llo);
    },
  };

  async function patchNull(target: Target, field: string): Promise<Answer> {
    return t
      .http()
      .patch(target.url)
      .set(bearer(target.user))
      .set('If-Match', await target.etag())
      .send({ [field]: null });
  }

  describe('null in a PATCH', () => {
    // The 28 the issue lists (500 before), then the ones found beyond it; a draft's summary and
    // licence, 8 of the 28, are now cleared by null (test/clearing-fields.e2e-spec.ts).
    const named: [string, () => Promise<Target>, string][] = [
      ...KINDS.flatMap((kind) =>
        ['title', kind].map(
          (field) =>
            [`${kind} ${field}`, () => TARGETS.asset(kind), field] as [
              string,
              () => Promise<Target>,
              string,
            ],
        ),
      ),
      ...[
        'status',
        'configurations',
        'buildingBlocks',
        'provincialThemes',
        'societalChallenges',
        'funding',
      ].map(
        (field) => [`PPS ${field}`, TARGETS.pps, field] as [string, () => Promise<Target>, string],
      ),
      ['organisation name', TARGETS.organisation, 'name'],
      ['organisation type', TARGETS.organisation, 'type'],
      ...['displayName', 'role', 'active', 'password'].map(
        (field) =>
          [`user ${field}`, TARGETS.user, field] as [string, () => Promise<Target>, string],
      ),
      ['PPS name (found beyond the issue)', TARGETS.pps, 'name'],
      ['PPS leadOrganisationId (found beyond the issue)', TARGETS.pps, 'leadOrganisationId'],
      ['PPS provinces (found beyond the issue)', TARGETS.pps, 'provinces'],
      ['organisation addresses (found beyond the issue)', TARGETS.organisation, 'addresses'],
      ['user email (found beyond the issue)', TARGETS.user, 'email'],
    ];

    it('lists the 20 of the issue still refused and 5 more', () => expect(named).toHaveLength(25));

    it.each(named)(
      'refuses %s: null with 400 naming the field, and stores nothing',
      async (_name, make, field) => {
        const target = await make();
        const before = await target.read();
        const response = await patchNull(target, field);
        expectProblem(response, field);
        const after = await target.read();
        expect(after.revision).toBe(before.revision);
        expect(after[field]).toEqual(before[field]);
      },
    );

    it('answers null in any field of any PATCH with 400 naming it or 200, never a 500', async () => {
      const bodies: [string, string[], () => Promise<Target>][] = [
        ...KINDS.map(
          (kind) =>
            [`asset ${kind}`, validatedProperties(UpdateAssetDto), () => TARGETS.asset(kind)] as [
              string,
              string[],
              () => Promise<Target>,
            ],
        ),
        ['PPS', validatedProperties(UpdatePpsDto), TARGETS.pps],
        ['organisation', validatedProperties(UpdateOrganisationDto), TARGETS.organisation],
        ['user', validatedProperties(UpdateUserDto), TARGETS.user],
        ['course', validatedProperties(UpdateCourseDto), TARGETS.course],
      ];
      const answers: string[] = [];
      for (const [name, fields, make] of bodies) {
        const target = await make();
        for (const field of fields) {
          const response = await patchNull(target, field);
          const named = response.body.errors?.some((error) => error.field === field);
          answers.push(
            `${name}.${field}: ${response.status === 400 && named ? 400 : response.status}`,
          );
        }
      }
      expect(answers.filter((answer) => !/: (200|400)$/.test(answer))).toEqual([]);
    });

    it('answers null in any field of any create with 400 or 201, never a 500', async () => {
      const lead = refs.organisationId;
      type Body = (field: string) => Record<string, unknown>;
      const creates: [string, string, Body, string[], TestUser][] = [
        ...KINDS.map(
          (kind) =>
            [
              `asset ${kind}`,
              '/api/v1/assets',
              () => fullBody(kind, ppsId, refs),
              [
                ...validatedProperties(CreateAssetDto),
                ...Object.keys(fullBody(kind, ppsId, refs)[kind] as object).map(
                  (field) => `${kind}.${field}`,
                ),
              ],
              editor,
            ] as [string, string, Body, string[], TestUser],
        ),
        [
          'PPS',
          '/api/v1/pps',
          (field) => ({
            name: `PPS ${field} null`,
            leadOrganisationId: lead,
            provinces: ['flevoland'],
          }),
          validatedProperties(CreatePpsDto),
          admin,
        ],
        [
          'organisation',
          '/api/v1/organisations',
          (field) => ({ name: `Organisatie ${field} null`, type: 'school' }),
          validatedProperties(CreateOrganisationDto),
          admin,
        ],
        [
          'user',
          '/api/v1/users',
          (field) => ({
            email: `null-${field.toLowerCase()}@test.bouwsteen.nl`,
            displayName: 'Null',
            password: 'x'.repeat(12),
            role: 'teacher',
          }),
          validatedProperties(CreateUserDto),
          admin,
        ],
        [
          'course',
          '/api/v1/courses',
          () => ({
            title: 'Cursus',
            employer: { name: 'Werkgever' },
            audience: 'worker',
            items: [],
          }),
          validatedProperties(CreateCourseDto),
          llo,
        ],
      ];
      const failures: string[] = [];
      for (const [name, url, body, fields, user] of creates)
        for (const field of fields) {
          const response = await t
            .http()
            .post(url)
            .set(bearer(user))
            .send(withValueAt(body(field), field, null));
          if (response.status >= 500) failures.push(`${name}.${field}: ${response.status}`);
        }
      expect(failures).toEqual([]);
    });
  });

  describe('objects where objects are expected', () => {
    const assetPaths = nestedPaths(CreateAssetDto);

    /** The first full block that holds the place of `path` (its parent object). */
    function bodyFor(path: string): Record<string, unknown> | undefined {
      const parent = path.split('.').slice(0, -1).join('.');
      return KINDS.map((kind) => fullBody(kind, ppsId, refs)).find(
        (body) => !parent || valueAt(body, parent) !== undefined,
      );
    }

    it('finds every nested object and list in the asset DTOs, the ones the issue names too', () => {
      const paths = assetPaths.map((found) => found.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          'contacts',
          'links',
          'module.learningOutcomes',
          'module.offerings',
          'module.offerings.0.period',
          'curriculum.coreTasks',
          'infrastructure.locations',
          'infrastructure.locations.0.address',
          'infrastructure.equipment',
          'infrastructure.software',
          'infrastructure.contributions',
        ]),
      );
      // The full blocks hold every one of them, so each is tried below.
      expect(paths.filter((path) => !bodyFor(path))).toEqual([]);
    });

    it('refuses a list of lists, [{}] and a list for an object, naming the element; nothing stored', async () => {
      const before = await blockCount();
      for (const { path, list, element } of assetPaths) {
        const body = bodyFor(path)!;
        const post = (value: unknown) =>
          t
            .http()
            .post('/api/v1/assets')
            .set(bearer(editor))
            .send(withValueAt(body, path, value));
        if (list) {
          const sample = (valueAt(body, path) as unknown[])[0];
          for (const value of [[[]], [[sample]], ['tekst'], [null]])
            expectProblem(await post(value), `${path}.0`, /^must be an object \(got /);
          const required = requiredProperties(element);
          if (required.length > 0) {
            const empty = await post([{}]);
            expectProblem(empty, `${path}.0.${required[0]}`, 'is required');
          }
        } else {
          expectProblem(await post([]), path, 'must be an object (got an array)');
          expectProblem(await post('tekst'), path, 'must be an object (got a string)');
        }
      }
      expect(await blockCount()).toBe(before);
    });

    it('does the same for the lists of a PPS, an organisation and a course', async () => {
      const pps = await t
        .http()
        .post('/api/v1/pps')
        .set(bearer(admin))
        .send({
          name: 'PPS met geneste lijsten',
          leadOrganisationId: refs.organisationId,
          provinces: ['flevoland'],
          partners: [[]],
          funding: [],
        });
      expectProblem(pps, 'partners.0', 'must be an object (got an array)');
      expectProblem(pps, 'funding', 'must be an object (got an array)');
      const organisation = await t
        .http()
        .post('/api/v1/organisations')
        .set(bearer(admin))
        .send({ name: 'Organisatie met geneste lijsten', type: 'school', addresses: [[], {}] });
      expectProblem(organisation, 'addresses.0', 'must be an object (got an array)');
      expectProblem(organisation, 'addresses.1.city', 'is required');
      const course = await t
        .http()
        .post('/api/v1/courses')
        .set(bearer(llo))
        .send({ title: 'Cursus', employer: [], audience: 'worker', items: [[]] });
      expectProblem(course, 'employer', 'must be an object (got an array)');
      expectProblem(course, 'items.0', 'must be an object (got an array)');
      for (const found of [
        ...nestedPaths(CreatePpsDto),
        ...nestedPaths(CreateOrganisationDto),
        ...nestedPaths(CreateCourseDto),
      ])
        expect([
          'partners',
          'funding',
          'impact',
          'addresses',
          'employer',
          'schedule',
          'items',
        ]).toContain(found.path);
    });

    it('refuses a module whose offering has no period (a 500 before)', async () => {
      const body = fullBody('module', ppsId, refs);
      const response = await t
        .http()
        .post('/api/v1/assets')
        .set(bearer(editor))
        .send(withValueAt(body, 'module.offerings', [{ location: 'Almere' }]));
      expectProblem(response, 'module.offerings.0.period', 'is required');
    });
  });

  describe('coordinates', () => {
    it('refuses a latitude or longitude sent as text, and stores nothing', async () => {
      const before = await blockCount();
      const body = fullBody('infrastructure', ppsId, refs);
      for (const part of ['lat', 'lng']) {
        const response = await t
          .http()
          .post('/api/v1/assets')
          .set(bearer(editor))
          .send(withValueAt(body, `infrastructure.locations.0.${part}`, '52.3'));
        expectProblem(
          response,
          `infrastructure.locations.0.${part}`,
          /^must be a number conforming to the specified constraints|^must be a number \(got a string\)/,
        );
      }
      expect(await blockCount()).toBe(before);
    });

    it('takes any number in range, one printed in exponent form too', async () => {
      const body = withValueAt(
        fullBody('infrastructure', ppsId, refs),
        'infrastructure.locations',
        [
          {
            name: 'Greenwich',
            address: { city: 'Londen', country: 'GB' },
            lat: 51.4779,
            lng: -0.0000001,
          },
        ],
      );
      const created = await t
        .http()
        .post('/api/v1/assets')
        .set(bearer(editor))
        .send(body)
        .expect(201);
      expect(created.body.infrastructure.locations[0]).toMatchObject({ lat: 51.4779, lng: -1e-7 });
    });
  });

  describe('bytes that are not UTF-8 in a JSON body', () => {
    function postBytes(path: string, user: TestUser, body: Buffer): Promise<Answer> {
      const { port } = t.app.getHttpServer().address() as AddressInfo;
      return new Promise((resolve, reject) => {
        const request = httpRequest(
          {
            port,
            path,
            method: 'POST',
            headers: {
              ...bearer(user),
              'Content-Type': 'application/json',
              'Content-Length': String(body.length),
            },
          },
          (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (text += chunk));
            response.on('end', () =>
              resolve({
                status: response.statusCode!,
                headers: response.headers as Record<string, string>,
                body: JSON.parse(text) as Problem,
              }),
            );
          },
        );
        request.on('error', reject);
        request.end(body);
      });
    }

    /** A JSON text with each placeholder (`@1`) replaced by raw bytes. */
    function withBytes(json: string, bytes: Record<string, number[]>): Buffer {
      return Buffer.concat(
        json
          .split(/(@\d)/)
          .map((part) => (bytes[part] ? Buffer.from(bytes[part]) : Buffer.from(part))),
      );
    }

    it('refuses them with 400 naming each field, nested ones and names included; nothing stored', async () => {
      const before = await blockCount();
      const body: Record<string, unknown> = {
        ...moduleBody(ppsId, { title: 'Caf@1 en thee' }),
        '@3': 1,
      };
      (body.module as { learningOutcomes: { text: string }[] }).learningOutcomes[0].text =
        'Schenkt koffie @2';
      // A Latin-1 é, a broken two-byte sequence, and a byte no UTF-8 text has, in a name.
      const sent = withBytes(JSON.stringify(body), {
        '@1': [0xe9],
        '@2': [0xc3, 0x28],
        '@3': [0xff],
      });
      const response = await postBytes('/api/v1/assets', editor, sent);
      expectProblem(response, 'title', /^is not valid UTF-8/);
      expectProblem(response, 'module.learningOutcomes.0.text', /^is not valid UTF-8/);
      expectProblem(response, '\uFFFD', /^name is not valid UTF-8/);
      expect(await blockCount()).toBe(before);
    });

    it('refuses U+FFFD sent as such: it only ever stands for text that was lost', async () => {
      const response = await t.http().post('/api/v1/similar').send({ title: 'Caf\uFFFD' });
      expectProblem(response, 'title', /^is not valid UTF-8/);
    });
  });
});
