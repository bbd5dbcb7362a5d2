import { DataSource } from 'typeorm';
import { Clock } from '@bouwsteen/common';
import { html } from './harness/html';
import { PageBrowser as Browser } from './harness/page-browser';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

const HOUR = 3_600_000;

/**
 * Issue 24: invitation and reset links. An admin makes one (without SMTP_URL: only shown); it
 * holds a random secret stored only as a hash, works once, expires, and a newer link ends the
 * older; using it sets the password, signs in and ends every other credential. A link that does
 * not work is a Dutch page, 404 or 410, never a 500.
 */
describe('invitation and reset links (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    admin = await t.user('admin');
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  const pathOf = (url: string) => new URL(url).pathname;

  async function invited(email: string): Promise<{ id: string; url: string; expiresAt: string }> {
    const created = await t
      .http()
      .post('/api/v1/users')
      .set(bearer(admin))
      .send({
        email,
        displayName: 'Sanne de Vries',
        role: 'pps-editor',
        ppsIds: [await t.ppsId('Techport mbo')],
      })
      .expect(201);
    const link = await t
      .http()
      .post(`/api/v1/users/${created.body.id}/invitation`)
      .set(bearer(admin))
      .expect(201);
    return { id: created.body.id, ...link.body };
  }

  const reset = async (id: string) =>
    (await t.http().post(`/api/v1/users/${id}/password-reset`).set(bearer(admin)).expect(201))
      .body as { purpose: string; url: string; expiresAt: string };

  async function choose(browser: Browser, path: string, password: string, repeat = password) {
    // A form token for this browser even when the link's page has no form (it did not work).
    if (!browser.token) await browser.get('/inloggen');
    await browser.get(path);
    return browser.post(path, {
      _formulier: browser.token,
      newPassword: password,
      newPasswordRepeat: repeat,
    });
  }

  it('invites by a link that works once, signs the new account in and stores only a hash', async () => {
    const before = Date.now();
    const link = await invited('sanne@techport.example');
    expect(link).toMatchObject({
      purpose: 'invitation',
      url: expect.stringMatching(/\/wachtwoord-instellen\/[\w-]{43}$/),
      mailed: false, // no SMTP_URL here
    });
    const expires = new Date(link.expiresAt).getTime();
    expect(expires).toBeGreaterThanOrEqual(before + 72 * HOUR - 1000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 72 * HOUR);
    const secret = link.url.split('/').pop()!;
    const stored = JSON.stringify(
      await t.app
        .get(DataSource)
        .query('SELECT * FROM password_link WHERE user_id = $1', [link.id]),
    );
    expect(stored).not.toContain(secret);
    // Without a password the account cannot sign in until the link is used.
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'sanne@techport.example', password: 'x'.repeat(12) })
      .expect(401);

    const browser = new Browser(t);
    const page = await browser.get(pathOf(link.url));
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    const root = html(page);
    expect(root.querySelector('h1')?.text).toBe('Welkom bij Bouwsteen');
    expect(root.querySelector('link[rel="canonical"]')?.getAttribute('href')).not.toContain(secret);
    const mismatch = await choose(
      browser,
      pathOf(link.url),
      'sannes-eigen-wachtwoord',
      'iets anders dan dat',
    );
    expect(mismatch.status).toBe(400);
    expect(html(mismatch as never).querySelector('title')?.text).toMatch(
      /^Fout: Welkom bij Bouwsteen/,
    );
    expect(mismatch.text).not.toContain('sannes-eigen-wachtwoord');
    const short = await choose(browser, pathOf(link.url), 'kort');
    expect(short.status).toBe(400);
    expect(short.text).toContain('Gebruik minstens 12 tekens.');

    const done = await choose(browser, pathOf(link.url), 'sannes-eigen-wachtwoord');
    expect([done.status, done.headers.location]).toEqual([303, '/mijn-pps']);
    expect((await browser.get('/mijn-pps')).status).toBe(200);
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'sanne@techport.example', password: 'sannes-eigen-wachtwoord' })
      .expect(200);
    const me = await t
      .http()
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${login.body.accessToken}`);
    expect(me.body.passwordChangeRequired).toBe(false);

    // Once only.
    const again = await new Browser(t).get(pathOf(link.url));
    expect(again.status).toBe(410);
    expect(html(again).querySelector('h1')?.text).toBe('Deze link is al gebruikt');
    const replay = await choose(new Browser(t), pathOf(link.url), 'een-ander-wachtwoord-nog');
    expect(replay.status).toBe(410);
  });

  it('lets a newer link end the older one', async () => {
    const first = await invited('tweede@techport.example');
    const second = await reset(first.id);
    expect(second.purpose).toBe('reset');
    const old = await new Browser(t).get(pathOf(first.url));
    expect(old.status).toBe(410);
    expect(html(old).querySelector('h1')?.text).toBe('Deze link werkt niet meer');
    expect((await new Browser(t).get(pathOf(second.url))).status).toBe(200);
  });

  it('expires: a reset link works for 2 hours by default, then says so', async () => {
    const teacher = await t.user('teacher');
    const link = await reset(teacher.id);
    const clock = t.app.get(Clock);
    const madeAt = new Date(link.expiresAt).getTime() - 2 * HOUR;
    jest.spyOn(clock, 'now').mockReturnValue(new Date(madeAt + 2 * HOUR - 60_000));
    expect((await new Browser(t).get(pathOf(link.url))).status).toBe(200);
    jest.spyOn(clock, 'now').mockReturnValue(new Date(madeAt + 2 * HOUR));
    const late = await new Browser(t).get(pathOf(link.url));
    expect(late.status).toBe(410);
    expect(html(late).querySelector('h1')?.text).toBe('Deze link is verlopen');
    const posted = await choose(new Browser(t), pathOf(link.url), 'te-laat-gekozen-wachtwoord');
    expect(posted.status).toBe(410);
    jest.restoreAllMocks();
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: teacher.email, password: teacher.password })
      .expect(200);
  });

  it('answers unknown, mistyped and hostile links with a Dutch 404, never a 500', async () => {
    for (const secret of ['a'.repeat(43), 'kort', '..%2F..%2Fetc', 'x'.repeat(2000), '%00']) {
      const page = await new Browser(t).get(`/wachtwoord-instellen/${secret}`);
      expect([secret.slice(0, 10), page.status]).toEqual([secret.slice(0, 10), expect.any(Number)]);
      expect(page.status).toBeGreaterThanOrEqual(400);
      expect(page.status).toBeLessThan(500);
    }
    const unknown = await new Browser(t).get(`/wachtwoord-instellen/${'a'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(html(unknown).querySelector('h1')?.text).toBe('Deze link werkt niet');
  });

  it('ends every other session, access token and API token of the account when a reset link is used', async () => {
    const teacher = await t.user('teacher');
    const token = await t
      .http()
      .post('/api/v1/me/tokens')
      .set(bearer(teacher))
      .send({ name: 'Rooster' })
      .expect(201);
    const other = new Browser(t);
    await other.signIn(teacher);
    expect((await other.get('/mijn-account')).status).toBe(200);
    const link = await reset(teacher.id);
    // The old password works until the link is used.
    await t.http().get('/api/v1/me').set(bearer(teacher)).expect(200);
    const browser = new Browser(t);
    const done = await choose(browser, pathOf(link.url), 'nieuw-na-vergeten');
    expect([done.status, done.headers.location]).toEqual([303, '/']);
    expect((await browser.get('/mijn-account')).status).toBe(200);
    expect((await other.get('/mijn-account')).status).toBe(303);
    await t.http().get('/api/v1/me').set(bearer(teacher)).expect(401);
    await t.http().get('/api/v1/me').set('Authorization', `Bearer ${token.body.token}`).expect(401);
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: teacher.email, password: teacher.password })
      .expect(401);
  });

  it('uses a link once when two requests race with it', async () => {
    const teacher = await t.user('teacher');
    const link = await reset(teacher.id);
    const browsers = [new Browser(t), new Browser(t), new Browser(t)];
    for (const browser of browsers) await browser.get(pathOf(link.url));
    const answers = await Promise.all(
      browsers.map((browser, i) =>
        browser.post(pathOf(link.url), {
          _formulier: browser.token,
          newPassword: `gelijktijdig-wachtwoord-${i}`,
          newPasswordRepeat: `gelijktijdig-wachtwoord-${i}`,
        }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([303, 410, 410]);
  });

  it('is for admins, for active accounts, and a deactivation ends an open link', async () => {
    const teacher = await t.user('teacher');
    await t.http().post(`/api/v1/users/${teacher.id}/invitation`).set(bearer(teacher)).expect(403);
    await t.http().post(`/api/v1/users/${teacher.id}/invitation`).expect(401);
    await t
      .http()
      .post('/api/v1/users/7d0b6f3c-0000-4000-8000-000000000000/password-reset')
      .set(bearer(admin))
      .expect(404);
    const link = await reset(teacher.id);
    await t
      .http()
      .patch(`/api/v1/users/${teacher.id}`)
      .set(bearer(admin))
      .set(await t.userEtag(teacher.id))
      .send({ active: false })
      .expect(200);
    expect((await new Browser(t).get(pathOf(link.url))).status).toBe(410);
    const refused = await t
      .http()
      .post(`/api/v1/users/${teacher.id}/password-reset`)
      .set(bearer(admin))
      .expect(409);
    expect(refused.body.code).toBe('account-deactivated');
  });

  it('lets an admin invite on the pages and make a new link from the account’s page', async () => {
    const browser = new Browser(t);
    await browser.signIn(admin);
    await browser.get('/beheer/gebruikers');
    const made = await browser.post('/beheer/gebruikers', {
      _formulier: browser.token,
      email: 'via-pagina@techport.example',
      displayName: 'Via de pagina',
      role: 'teacher',
    });
    expect(made.status).toBe(200);
    const first = html(made as never)
      .querySelector('#wachtwoordlink')
      ?.text.trim();
    expect(first).toMatch(/\/wachtwoord-instellen\/[\w-]{43}$/);
    const { body } = await t.http().get('/api/v1/users?pageSize=100').set(bearer(admin));
    const user = body.items.find(
      (u: { email: string }) => u.email === 'via-pagina@techport.example',
    );
    await browser.get(`/beheer/gebruikers/${user.id}`);
    const again = await browser.post(`/beheer/gebruikers/${user.id}/wachtwoordlink`, {
      _formulier: browser.token,
    });
    expect(again.status).toBe(200);
    const second = html(again as never)
      .querySelector('#wachtwoordlink')
      ?.text.trim();
    expect(second).toMatch(/\/wachtwoord-instellen\/[\w-]{43}$/);
    expect(second).not.toBe(first);
    // Without e-mail set up the admin passes it on, and is told so (not that it was mailed).
    expect(again.text).toContain('Stuur deze link via een veilig kanaal door');
    expect(again.text).not.toContain('per e-mail');
    expect((await new Browser(t).get(pathOf(first!))).status).toBe(410);
    expect((await new Browser(t).get(pathOf(second!))).status).toBe(200);
  });
});
