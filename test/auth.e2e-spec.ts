import { DataSource } from 'typeorm';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

describe('accounts and tokens (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin');
  });
  afterAll(() => t.close());

  it('logs in and shows the account with its memberships', async () => {
    const ppsId = await t.ppsId('House of Aviation');
    const editor = await t.user('pps-editor', [ppsId]);
    const me = await t.http().get('/api/v1/me').set(bearer(editor)).expect(200);
    expect(me.body).toMatchObject({
      email: editor.email,
      role: 'pps-editor',
      ppsIds: [ppsId],
      active: true,
    });
    expect(me.body.passwordHash).toBeUndefined();
  });

  it('refuses a wrong password with 401 problem+json', async () => {
    const response = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: admin.email, password: 'wrong-password-123' })
      .expect(401);
    expect(response.body.code).toBe('unauthorized');
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  it('stores passwords as argon2id hashes', async () => {
    const rows: { password_hash: string }[] = await t.app
      .get(DataSource)
      .query('SELECT password_hash FROM app_user WHERE id = $1', [admin.id]);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('rate-limits login attempts per account and address', async () => {
    const email = 'brute-force-target@test.bouwsteen.nl';
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      statuses.push(
        (await t.http().post('/api/v1/auth/login').send({ email, password: 'guess-123456' }))
          .status,
      );
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email, password: 'guess-123456' })
      .expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.body).toMatchObject({
      code: 'too-many-attempts',
      title: 'Too many sign-in attempts',
    });
  });

  it('rejects a forged or garbage token', async () => {
    await t.http().get('/api/v1/me').set('Authorization', 'Bearer abc.def.ghi').expect(401);
    await t.http().get('/api/v1/me').set('Authorization', 'Basic dXNlcjpwYXNz').expect(401);
    await t
      .http()
      .get('/api/v1/me')
      .set('Authorization', 'Bearer bst_not-a-real-token')
      .expect(401);
    await t.http().get('/api/v1/me').expect(401);
  });

  it('issues, lists, uses and revokes personal API tokens', async () => {
    const teacher = await t.user('teacher');
    const created = await t
      .http()
      .post('/api/v1/me/tokens')
      .set(bearer(teacher))
      .send({ name: 'Roosterkoppeling', expiresInDays: 30 })
      .expect(201);
    expect(created.body.token).toMatch(/^bst_/);
    const viaToken = await t
      .http()
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${created.body.token}`)
      .expect(200);
    expect(viaToken.body.email).toBe(teacher.email);

    const list = await t.http().get('/api/v1/me/tokens').set(bearer(teacher)).expect(200);
    expect(list.body.totalItems).toBe(1);
    expect(list.body.items[0]).toMatchObject({
      id: created.body.id,
      name: 'Roosterkoppeling',
      revokedAt: null,
    });
    expect(list.body.items[0].token).toBeUndefined();
    expect(list.body.items[0].lastUsedAt).not.toBeNull();

    const stored: { token_hash: string }[] = await t.app
      .get(DataSource)
      .query('SELECT token_hash FROM api_token WHERE id = $1', [created.body.id]);
    expect(stored[0].token_hash).not.toContain(created.body.token);

    const other = await t.user('teacher');
    await t.http().delete(`/api/v1/me/tokens/${created.body.id}`).set(bearer(other)).expect(404);
    await t.http().delete(`/api/v1/me/tokens/${created.body.id}`).set(bearer(teacher)).expect(204);
    await t
      .http()
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${created.body.token}`)
      .expect(401);
  });

  it('locks out a deactivated account at once, tokens included', async () => {
    const teacher = await t.user('teacher');
    const token = await t
      .http()
      .post('/api/v1/me/tokens')
      .set(bearer(teacher))
      .send({ name: 'Integratie' })
      .expect(201);
    await t
      .http()
      .patch(`/api/v1/users/${teacher.id}`)
      .set(await t.userEtag(teacher.id))
      .set(bearer(admin))
      .send({ active: false })
      .expect(200);
    await t.http().get('/api/v1/me').set(bearer(teacher)).expect(401);
    await t.http().get('/api/v1/me').set('Authorization', `Bearer ${token.body.token}`).expect(401);
  });

  it('lets an admin manage accounts', async () => {
    const ppsId = await t.ppsId('House of Aviation');
    const created = await t
      .http()
      .post('/api/v1/users')
      .set(bearer(admin))
      .send({
        email: 'Nieuw.Lid@Example.nl',
        password: 'a-very-long-password',
        role: 'pps-editor',
        displayName: 'Nieuw lid',
        ppsIds: [ppsId],
      })
      .expect(201);
    expect(created.body).toMatchObject({ role: 'pps-editor', ppsIds: [ppsId] });
    const duplicate = await t
      .http()
      .post('/api/v1/users')
      .set(bearer(admin))
      .send({
        email: 'nieuw.lid@example.nl',
        password: 'a-very-long-password',
        role: 'teacher',
        displayName: 'Dubbel',
      })
      .expect(409);
    expect(duplicate.body.code).toBe('email-taken');
    const noPps = await t
      .http()
      .post('/api/v1/users')
      .set(bearer(admin))
      .send({
        email: 'editor-zonder-pps@example.nl',
        password: 'a-very-long-password',
        role: 'pps-editor',
        displayName: 'Zonder',
      })
      .expect(400);
    expect(noPps.body.errors[0].field).toBe('ppsIds');
    const list = await t
      .http()
      .get(`/api/v1/users?ppsId=${ppsId}&role=pps-editor`)
      .set(bearer(admin))
      .expect(200);
    expect(list.body.items.map((user: { id: string }) => user.id)).toContain(created.body.id);
    const weak = await t
      .http()
      .post('/api/v1/users')
      .set(bearer(admin))
      .send({ email: 'kort@example.nl', password: 'kort', role: 'teacher', displayName: 'Kort' })
      .expect(400);
    expect(weak.body.errors[0].field).toBe('password');
  });
});
