import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TestApp, bearer, createTestApp } from './harness/test-app';

describe('platform: problem details, health, docs (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers errors as RFC 9457 problem+json with the request id', async () => {
    const response = await t
      .http()
      .get('/api/v1/assets/00000000-0000-4000-8000-000000000000')
      .set('X-Request-Id', 'trace-123')
      .expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['x-request-id']).toBe('trace-123');
    expect(response.body).toEqual({
      type: '/problems/asset-not-found',
      title: 'Asset not found',
      status: 404,
      detail: 'No asset with id 00000000-0000-4000-8000-000000000000',
      instance: '/api/v1/assets/00000000-0000-4000-8000-000000000000',
      code: 'asset-not-found',
      requestId: 'trace-123',
    });
  });

  it('explains every problem type at the address it names', async () => {
    const problem = await t.http().get('/api/v1/assets/00000000-0000-4000-8000-000000000000');
    const page = await t.http().get(problem.body.type).set('Accept', 'text/html').expect(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('<h1>Asset not found</h1>');
    const json = await t.http().get(problem.body.type).expect(200);
    expect(json.body).toMatchObject({ code: 'asset-not-found', status: 404, library: 'assets' });
    await t.http().get('/problems/no-such-code').expect(404);
    const all = (await t.http().get('/problems').expect(200)).body as { code: string }[];
    expect(all.length).toBeGreaterThan(40);
    for (const { code } of all) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const document = (await t.http().get('/docs-json').expect(200)).body;
    expect(document.components.schemas.ProblemDetailsDto.properties.code.enum).toEqual(
      all.map((problem) => problem.code),
    );
  });

  it('names every problem by a library error enum, never by a string written at the throw', () => {
    const literal: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
          for (const match of readFileSync(path, 'utf8').matchAll(
            /new (?:DomainException|NotFoundError)\(\s*'[^']*'/g,
          ))
            literal.push(`${path}: ${match[0]}`);
      }
    };
    walk(join(__dirname, '..', 'libs'));
    walk(join(__dirname, '..', 'apps'));
    expect(literal).toEqual([]);
  });

  it('generates a request id when none (or a malformed one) is sent', async () => {
    const response = await t
      .http()
      .get('/api/v1/nothing-here')
      .set('X-Request-Id', 'bad id with spaces')
      .expect(404);
    expect(response.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.body.code).toBe('not-found');
  });

  it('reports liveness and readiness of PostgreSQL and Meilisearch: status only to anonymous callers', async () => {
    await t.http().get('/health/live').expect(200);
    const anonymous = await t.http().get('/health/ready').expect(200);
    expect(anonymous.body).toEqual({ status: expect.stringMatching(/^(ok|degraded)$/) });
    const admin = await t.user('admin');
    const ready = await t.http().get('/health/ready').set(bearer(admin)).expect(200);
    expect(ready.body.checks).toMatchObject({
      postgres: { status: 'up' },
    });
  });

  it('sets security headers and no x-powered-by', async () => {
    const response = await t.http().get('/health/live');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('serves Swagger UI and the OpenAPI document', async () => {
    const ui = await t.http().get('/docs/').expect(200);
    expect(ui.text).toContain('swagger');
    const json = await t.http().get('/docs-json').expect(200);
    expect(json.body.paths['/api/v1/assets']).toBeDefined();
  });

  it('keeps the committed openapi.json in step with the code (run npm run openapi)', async () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '..', 'openapi.json'), 'utf8'));
    const served = (await t.http().get('/docs-json').expect(200)).body;
    expect(served).toEqual(committed);
  });

  it('documents every route with a security rule and every DTO with examples', async () => {
    const document = (await t.http().get('/docs-json').expect(200)).body;
    for (const [path, methods] of Object.entries(
      document.paths as Record<string, Record<string, { security?: unknown[] }>>,
    )) {
      for (const [method, operation] of Object.entries(methods)) {
        if (path.startsWith('/health')) continue;
        expect({ route: `${method} ${path}`, secured: Array.isArray(operation.security) }).toEqual({
          route: `${method} ${path}`,
          secured: true,
        });
      }
    }
  });

  it('lists the vocabularies', async () => {
    const response = await t.http().get('/api/v1/taxonomy/educationLevels').expect(200);
    expect(response.body.map((term: { code: string }) => term.code)).toEqual([
      'vo',
      'entree',
      'mbo-2',
      'mbo-3',
      'mbo-4',
      'ad',
      'hbo',
      'wo',
    ]);
    expect(
      response.body.find((term: { code: string }) => term.code === 'mbo-3').attributes.nlqf,
    ).toBe(3);
  });
});
