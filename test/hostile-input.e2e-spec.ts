import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { moduleBody, practiceBody } from './harness/fixtures';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

/** Input an attacker or a confused client sends: always a clear 4xx problem, never a 500. */
describe('hostile input (e2e)', () => {
  let t: TestApp;
  let editor: TestUser;
  let admin: TestUser;
  let llo: TestUser;
  let ppsId: string;
  let moduleId: string;
  const codes = new Set<string>();

  beforeAll(async () => {
    t = await createTestApp();
    ppsId = await t.ppsId('Topcentrum E-Commerce');
    editor = await t.user('pps-editor', [ppsId]);
    admin = await t.user('admin');
    llo = await t.user('llo-office');
    moduleId = (await t.publish(editor, moduleBody(ppsId))).id;
  });
  afterAll(() => t.close());

  /** A request exactly as given (supertest would re-serialise a Buffer body as JSON). */
  function raw(
    options: { method?: string; path: string; headers: Record<string, string> },
    body?: Buffer,
  ): Promise<{ status: number; type: string; body: string }> {
    const address = t.app.getHttpServer().address() as AddressInfo;
    return new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const request = httpRequest({ port: address.port, ...options }, (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          resolve({
            status: res.statusCode!,
            type: String(res.headers['content-type']),
            body: text,
          });
        });
      });
      request.on('error', reject);
      request.end(body);
    });
  }

  /** Every answer of this suite is a problem with a clean code; collected for the last test. */
  function problem(response: {
    status: number;
    headers: Record<string, string>;
    body: { code: string };
  }) {
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.headers['content-type']).toContain('application/problem+json');
    codes.add(response.body.code);
    return response.body as {
      code: string;
      detail: string;
      title: string;
      errors?: { field: string; message: string }[];
    };
  }

  describe('NUL and control characters', () => {
    it.each([
      '/api/v1/pps?q=%00',
      '/api/v1/organisations?q=abc%00def',
      '/api/v1/search?q=%00',
      '/api/v1/assets?source=%00',
      '/api/v1/taxonomy/%00',
      '/api/v1/shared/courses/abc%00def',
      '/api/v1/reports/provinces/%00',
    ])('refuses %s anonymously with 400', async (url) => {
      const response = await t.http().get(url);
      expect(response.status).toBe(400);
      expect(problem(response).code).toBe('validation-failed');
    });

    it('names the field of a NUL anywhere in a body, nested ones included', async () => {
      const body = moduleBody(ppsId, { title: 'Hydrauliek\u0000' });
      (body.module as { learningOutcomes: { text: string }[] }).learningOutcomes[0].text =
        'a\u0000b';
      const response = await t.http().post('/api/v1/assets').set(bearer(editor)).send(body);
      expect(response.status).toBe(400);
      const nul = { code: 'textControl', values: { chars: '␀', count: 1 } };
      expect(problem(response).errors).toEqual([
        { field: 'title', message: 'must not contain NUL characters (\\u0000)', ...nul },
        {
          field: 'module.learningOutcomes.0.text',
          message: 'must not contain NUL characters (\\u0000)',
          ...nul,
        },
      ]);
    });

    it('refuses terminal escapes and unpaired surrogates in text', async () => {
      const escape = await t
        .http()
        .post('/api/v1/similar')
        .send({ title: 'Lassen \u001b[31m rood' });
      expect(problem(escape).errors?.[0]).toMatchObject({ field: 'title' });
      const surrogate = await t
        .http()
        .post('/api/v1/similar')
        .set('Content-Type', 'application/json')
        .send('{"title":"half \\ud83d emoji"}');
      expect(problem(surrogate).errors?.[0].message).toMatch(/unpaired surrogate/);
    });
  });

  describe('bodies that cannot be read', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    it.each(['/api/v1/auth/login', '/api/v1/similar'])(
      'refuses JSON nested 10,000 deep on %s with 400',
      async (url) => {
        const response = await t
          .http()
          .post(url)
          .set('Content-Type', 'application/json')
          .send(`{"title":${deep}}`);
        expect(response.status).toBe(400);
        expect(problem(response)).toMatchObject({ code: 'too-deeply-nested' });
      },
    );

    it('refuses a body that is not JSON with 415, whatever else it is', async () => {
      for (const [type, body] of [
        ['text/plain', 'title=Lassen'],
        ['application/x-www-form-urlencoded', 'title=Lassen'],
        ['', '{"title":"Lassen"}'],
      ]) {
        const response = await t
          .http()
          .post('/api/v1/similar')
          .set('Content-Type', type)
          .send(body);
        expect(response.status).toBe(415);
        expect(problem(response).code).toBe('unsupported-media-type');
      }
    });

    it('refuses a charset other than UTF-8 with 415', async () => {
      const response = await t
        .http()
        .post('/api/v1/similar')
        .set('Content-Type', 'application/json; charset=latin1')
        .send('{"title":"Lassen"}');
      expect(response.status).toBe(415);
      expect(problem(response).code).toBe('unsupported-charset');
    });

    it('reads a gzip body, and refuses garbage that claims to be gzip with 400', async () => {
      const gzipped = (body: Buffer) =>
        raw(
          {
            method: 'POST',
            path: '/api/v1/auth/login',
            headers: {
              'Content-Type': 'application/json',
              'Content-Encoding': 'gzip',
              'Content-Length': String(body.length),
            },
          },
          body,
        );
      const good = await gzipped(
        gzipSync(JSON.stringify({ email: 'niemand@example.nl', password: 'wrong-but-readable' })),
      );
      expect(good.status).toBe(401);
      const garbage = await gzipped(Buffer.from('this is not gzip at all'));
      expect(garbage.status).toBe(400);
      expect(JSON.parse(garbage.body).code).toBe('malformed-content-encoding');
      const unknown = await t
        .http()
        .post('/api/v1/similar')
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'snappy')
        .send('{"title":"x"}');
      expect(unknown.status).toBe(415);
      expect(problem(unknown).code).toBe('unsupported-content-encoding');
    });

    it('answers oversized headers (431) with a problem body', async () => {
      const response = await raw({
        path: '/api/v1/assets',
        headers: { 'X-Filler': 'x'.repeat(20_000) },
      });
      expect(response.status).toBe(431);
      expect(response.type).toBe('application/problem+json');
      expect(JSON.parse(response.body)).toMatchObject({
        status: 431,
        code: 'headers-too-large',
        title: 'Request headers too large',
      });
    });
  });

  describe('values that cannot exist', () => {
    it('refuses an impossible date and an end before its start', async () => {
      const course = (schedule: Record<string, string>) =>
        t
          .http()
          .post('/api/v1/courses')
          .set(bearer(llo))
          .send({
            title: 'Omscholing',
            employer: { name: 'Bakkerij Test' },
            audience: 'worker',
            schedule,
            items: [{ assetId: moduleId }],
          });
      const impossible = await course({ start: '2027-02-30' });
      expect(problem(impossible).errors).toEqual([
        {
          field: 'schedule.start',
          message: 'must be an existing date written as YYYY-MM-DD (1900–2199)',
          code: 'isCalendarDate',
        },
      ]);
      const backwards = await course({ start: '2027-04-01', end: '2027-03-01' });
      expect(problem(backwards).errors).toEqual([
        {
          field: 'schedule.end',
          message: 'must not be before start',
          code: 'isNotBefore',
          values: { start: 'start' },
        },
      ]);
      const practice = await t
        .http()
        .post('/api/v1/assets')
        .set(bearer(editor))
        .send(
          practiceBody(ppsId, {
            practice: {
              problem: 'Te weinig docenten.',
              approach: 'Hybride docenten.',
              period: { start: '2024-09-01', end: '2023-09-01' },
            },
          }),
        );
      expect(problem(practice).errors?.[0].field).toBe('practice.period.end');
      const funding = await t
        .http()
        .patch(`/api/v1/pps/${ppsId}`)
        .set(bearer(admin))
        .set('If-Match', '"1"')
        .send({ funding: { start: '2024-01-01', end: '2023-12-31' } });
      expect(problem(funding).errors?.[0].field).toBe('funding.end');
      const reuse = await t
        .http()
        .post(`/api/v1/assets/${moduleId}/reuses`)
        .set(bearer(admin))
        .send({
          adopterPpsId: await t.ppsId('House of Aviation'),
          mode: 'as-is',
          context: 'x',
          startedOn: '2026-02-29',
        });
      expect(problem(reuse).errors?.[0].field).toBe('startedOn');
    });

    it('asks for a missing employer instead of failing', async () => {
      const response = await t
        .http()
        .post('/api/v1/courses')
        .set(bearer(llo))
        .send({ title: 'Omscholing', audience: 'worker', items: [{ assetId: moduleId }] });
      expect(problem(response).errors).toEqual([
        { field: 'employer', message: 'is required', code: 'isDefined' },
      ]);
    });

    it('says a string arrived where a list belongs', async () => {
      const response = await t
        .http()
        .post('/api/v1/assets')
        .set(bearer(editor))
        .send(moduleBody(ppsId, { keywords: 'hydrauliek, storingzoeken' }));
      expect(problem(response).errors).toEqual([
        { field: 'keywords', message: 'must be an array (got a string)', code: 'isArray' },
      ]);
    });

    it('lists at most 50 problems however many there are', async () => {
      const body = moduleBody(ppsId);
      (body.module as Record<string, unknown>).learningOutcomes = Array.from(
        { length: 5000 },
        () => ({ text: 7 }),
      );
      const response = await t.http().post('/api/v1/assets').set(bearer(editor)).send(body);
      const details = problem(response);
      expect(details.errors).toHaveLength(50);
      expect(details.detail).toMatch(/^\d+ problems; the first 50 are listed$/);
      expect(JSON.stringify(response.body).length).toBeLessThan(20_000);
    });
  });

  it('uses problem codes without spaces and human titles', async () => {
    const shared = await t
      .http()
      .get('/api/v1/shared/courses/abcdefghijklmnopqrstuvwxyz?format=json');
    expect(problem(shared)).toMatchObject({
      code: 'shared-course-not-found',
      title: 'Shared course not found',
    });
    const route = await t.http().get('/api/v1/no-such-route');
    expect(problem(route)).toMatchObject({ code: 'not-found', title: 'Not found' });
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
