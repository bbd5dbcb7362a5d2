import { ApiTokensService } from '@bouwsteen/auth';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

/** Password spraying, sessions that outlive a password change, and account edits at a revision. */
describe('sign-in hardening (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp({
      isolated: true,
      env: {
        LOGIN_ADDRESS_RATE_LIMIT: '20',
        LOGIN_SLOWDOWN_MS: '300',
        LOGIN_SLOWDOWN_MAX_MS: '1500',
        TRUST_PROXY: 'loopback',
      },
    });
    admin = await t.user('admin');
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, address = '203.0.113.7') =>
    t.http().post('/api/v1/auth/login').set('X-Forwarded-For', address).send({ email, password });

  it('throttles password spraying: 40 accounts from one address at once', async () => {
    const users: TestUser[] = [];
    for (let i = 0; i < 40; i++) users.push(await t.user('teacher'));
    const statuses = await Promise.all(
      users.map((user) =>
        login(user.email, 'Welkom01!spray', '198.51.100.20').then((r) => r.status),
      ),
    );
    const refused = statuses.filter((status) => status === 429).length;
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(20);
    expect(refused).toBeGreaterThanOrEqual(20);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    // The sprayed accounts still sign in from elsewhere.
    await login(users[0].email, users[0].password, '198.51.100.99').expect(200);
  });

  it('lets a teacher with the right password in, slowed, after a pupil failed 20 times from the school’s address', async () => {
    const school = '198.51.100.60';
    const pupilTargets: TestUser[] = [];
    for (let i = 0; i < 21; i++) pupilTargets.push(await t.user('teacher'));
    const statuses: number[] = [];
    for (const target of pupilTargets)
      statuses.push((await login(target.email, 'Welkom01!gok', school)).status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses[20]).toBe(429);

    // The address is over its limit: the right password still signs in, after a delay that
    // grows with the failures past the limit (here 300 ms each, 21 + this one = 2 past 20).
    const teacher = await t.user('teacher');
    const started = Date.now();
    const signedIn = await login(teacher.email, teacher.password, school).expect(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
    await t
      .http()
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${signedIn.body.accessToken}`)
      .expect(200);
    // A wrong one from there is refused, slowed, and told when to come back.
    const guessed = await login((await t.user('teacher')).email, 'Welkom01!gok', school).expect(
      429,
    );
    expect(Number(guessed.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(guessed.headers['retry-after'])).toBeLessThanOrEqual(60);

    // The limit per account and address still holds, for the right password too.
    const target = await t.user('teacher');
    for (let i = 0; i < 5; i++) await login(target.email, 'Welkom01!gok', school).expect(429);
    const refused = await login(target.email, target.password, school).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.code).toBe('too-many-attempts');
    // Elsewhere that account is not held back.
    await login(target.email, target.password, '198.51.100.61').expect(200);
  });

  it('counts an IPv6 connection by its /64: guesses from many of its addresses meet one limit', async () => {
    const target = await t.user('teacher');
    const limit = t.app.get<AppConfig>(APP_CONFIG).auth.loginLimit;
    for (let i = 1; i <= limit; i++)
      await login(target.email, 'Welkom01!gok', `2001:db8:5:5:${i.toString(16)}::${i}`).expect(401);
    await login(target.email, target.password, '2001:db8:5:5:ffff::1').expect(429);
    // Another network is not held back.
    await login(target.email, target.password, '2001:db8:5:6::1').expect(200);
  });

  it('does not count successful sign-ins: a school full of teachers on one address', async () => {
    const teachers: TestUser[] = [];
    for (let i = 0; i < 30; i++) teachers.push(await t.user('teacher'));
    for (const teacher of teachers)
      await login(teacher.email, teacher.password, '192.0.2.50').expect(200);
  });

  it('ends a session when the password changes', async () => {
    const teacher = await t.user('teacher');
    await t.http().get('/api/v1/me').set(bearer(teacher)).expect(200);
    await t
      .http()
      .patch(`/api/v1/users/${teacher.id}`)
      .set(bearer(admin))
      .set(await t.userEtag(teacher.id))
      .send({ password: 'a-brand-new-passphrase' })
      .expect(200);
    const stale = await t.http().get('/api/v1/me').set(bearer(teacher)).expect(401);
    expect(stale.body.detail).toMatch(/sign in again/);
    const fresh = await login(teacher.email, 'a-brand-new-passphrase').expect(200);
    await t
      .http()
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${fresh.body.accessToken}`)
      .expect(200);
  });

  it('ends personal API tokens when the password changes, as it ends sessions and access tokens', async () => {
    const teacher = await t.user('teacher');
    const made = await t
      .http()
      .post('/api/v1/me/tokens')
      .set(bearer(teacher))
      .send({ name: 'Roosterkoppeling' })
      .expect(201);
    const apiToken = { Authorization: `Bearer ${made.body.token}` };
    await t.http().get('/api/v1/me').set(apiToken).expect(200);
    await t
      .http()
      .patch(`/api/v1/users/${teacher.id}`)
      .set(bearer(admin))
      .set(await t.userEtag(teacher.id))
      .send({ password: 'another-brand-new-passphrase' })
      .expect(200);
    await t.http().get('/api/v1/me').set(apiToken).expect(401);
    const fresh = await login(teacher.email, 'another-brand-new-passphrase').expect(200);
    // A password the admin chose is replaced by the teacher's own before anything else.
    const own = await t
      .http()
      .post('/api/v1/me/password')
      .set('Authorization', `Bearer ${fresh.body.accessToken}`)
      .send({
        currentPassword: 'another-brand-new-passphrase',
        newPassword: 'the-teachers-own-one',
      })
      .expect(200);
    const listed = await t
      .http()
      .get('/api/v1/me/tokens')
      .set('Authorization', `Bearer ${own.body.accessToken}`)
      .expect(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: made.body.id, revokedAt: expect.any(String) }),
    ]);
    // A token made after the change works.
    const after = await t
      .http()
      .post('/api/v1/me/tokens')
      .set('Authorization', `Bearer ${own.body.accessToken}`)
      .send({ name: 'Nieuwe koppeling' })
      .expect(201);
    await t.http().get('/api/v1/me').set('Authorization', `Bearer ${after.body.token}`).expect(200);
  });

  it('keeps a token issued before a deactivation dead after reactivation', async () => {
    const teacher = await t.user('teacher');
    for (const active of [false, true]) {
      await t
        .http()
        .patch(`/api/v1/users/${teacher.id}`)
        .set(bearer(admin))
        .set(await t.userEtag(teacher.id))
        .send({ active })
        .expect(200);
    }
    await t.http().get('/api/v1/me').set(bearer(teacher)).expect(401);
    await login(teacher.email, teacher.password).expect(200);
  });

  it('keeps an API token made with a credential from before a password change dead', async () => {
    // The token is made by a request that was signed in before the change and committed after
    // it: it belongs to the old credential, so it ends with it.
    const teacher = await t.user('teacher');
    const principal = {
      userId: teacher.id,
      email: teacher.email,
      role: 'teacher' as const,
      ppsIds: [],
      organisationId: null,
      via: 'jwt' as const,
      tokenVersion: 1,
    };
    await t
      .http()
      .patch(`/api/v1/users/${teacher.id}`)
      .set(bearer(admin))
      .set(await t.userEtag(teacher.id))
      .send({ password: 'a-third-brand-new-passphrase' })
      .expect(200);
    const late = await t.app.get(ApiTokensService).create(principal, { name: 'Te laat' });
    await t.http().get('/api/v1/me').set('Authorization', `Bearer ${late.token}`).expect(401);
  });

  describe('PATCH /users/:id is a conditional write like every other', () => {
    let teacher: TestUser;
    beforeAll(async () => {
      teacher = await t.user('teacher');
    });
    const patch = () =>
      t.http().patch(`/api/v1/users/${teacher.id}`).set(bearer(admin)).send({ displayName: 'X' });

    it('answers the account with its ETag', async () => {
      const read = await t.http().get(`/api/v1/users/${teacher.id}`).set(bearer(admin)).expect(200);
      expect(read.headers.etag).toBe(`"${read.body.revision}"`);
    });

    it('requires If-Match (428)', async () => {
      expect((await patch()).status).toBe(428);
    });

    it('refuses a stale revision (412) and a weak validator (412)', async () => {
      const { 'If-Match': current } = await t.userEtag(teacher.id);
      const stale = await patch().set('If-Match', `"${Number(current.slice(1, -1)) + 5}"`);
      expect(stale.status).toBe(412);
      expect(stale.headers.etag).toBe(current);
      const weak = await patch().set('If-Match', `W/${current}`);
      expect(weak.status).toBe(412);
      expect(weak.body.detail).toMatch(/weak/i);
    });

    it.each(['3', '"abc"', '*', '"1", "2"'])(
      'refuses the malformed If-Match %s with 400',
      async (value) => {
        const response = await patch().set('If-Match', value);
        expect(response.status).toBe(400);
        expect(response.body.code).toBe('malformed-if-match');
        expect(response.headers.etag).toBeUndefined();
      },
    );

    it('lets exactly one of two edits at the same revision win', async () => {
      const etag = await t.userEtag(teacher.id);
      const results = await Promise.all(
        ['Docent A', 'Docent B'].map((displayName) =>
          t
            .http()
            .patch(`/api/v1/users/${teacher.id}`)
            .set(bearer(admin))
            .set(etag)
            .send({ displayName }),
        ),
      );
      expect(results.map((result) => result.status).sort()).toEqual([200, 412]);
    });
  });
});
