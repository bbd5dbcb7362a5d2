import { AuditTrail } from '@bouwsteen/database';
import { html } from './harness/html';
import { PageBrowser as Browser } from './harness/page-browser';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const PHONE =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';

/**
 * Issue 24, self-service accounts: changing one's own password (API and page), what it ends and
 * what it keeps, the new password an admin's choice forces, and "afmelden overal".
 */
describe('one’s own password and sessions (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let address = 0;
  /** Each test its own address, so the sign-in limiter's counts stay apart. */
  const nextAddress = () => `198.51.100.${++address}`;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true, env: { TRUST_PROXY: 'loopback' } });
    admin = await t.user('admin');
  });
  afterAll(() => t.close());

  const login = (email: string, password: string) =>
    t
      .http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', nextAddress())
      .send({ email, password });

  async function signedInBrowser(user: TestUser, userAgent = FIREFOX): Promise<Browser> {
    const browser = new Browser(t);
    await browser.get('/inloggen');
    const answer = await browser.post(
      '/inloggen',
      { _formulier: browser.token, email: user.email, password: user.password },
      { 'User-Agent': userAgent },
    );
    expect(answer.status).toBe(303);
    return browser;
  }

  async function apiToken(user: TestUser): Promise<Record<string, string>> {
    const made = await t
      .http()
      .post('/api/v1/me/tokens')
      .set(bearer(user))
      .send({ name: 'Rooster' });
    expect(made.status).toBe(201);
    return { Authorization: `Bearer ${made.body.token}` };
  }

  describe('through the API', () => {
    it('refuses a wrong current password as a field error, counted as a failed sign-in', async () => {
      const teacher = await t.user('teacher');
      const from = nextAddress();
      const change = (currentPassword: string) =>
        t
          .http()
          .post('/api/v1/me/password')
          .set(bearer(teacher))
          .set('X-Forwarded-For', from)
          .send({ currentPassword, newPassword: 'een-heel-nieuw-wachtwoord' });
      const wrong = await change('niet-mijn-wachtwoord');
      expect(wrong.status).toBe(400);
      expect(wrong.headers['content-type']).toContain('application/problem+json');
      expect(wrong.body).toMatchObject({
        code: 'validation-failed',
        errors: [{ field: 'currentPassword' }],
      });
      for (let i = 0; i < 4; i++) expect((await change(`gok-${i}-xxxxxxxx`)).status).toBe(400);
      // Past LOGIN_RATE_LIMIT (5) from this address, even the right one waits.
      const refused = await change(teacher.password);
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toMatch(/^\d+$/);
      await t.http().get('/api/v1/me').set(bearer(teacher)).expect(200);
      await login(teacher.email, teacher.password).expect(200);
    });

    it('refuses a new password like the current one, or too short, naming the field', async () => {
      const teacher = await t.user('teacher');
      const same = await t
        .http()
        .post('/api/v1/me/password')
        .set(bearer(teacher))
        .send({ currentPassword: teacher.password, newPassword: teacher.password })
        .expect(400);
      expect(same.body.errors).toEqual([expect.objectContaining({ field: 'newPassword' })]);
      const short = await t
        .http()
        .post('/api/v1/me/password')
        .set(bearer(teacher))
        .send({ currentPassword: teacher.password, newPassword: 'kort' })
        .expect(400);
      expect(short.body.errors[0].field).toBe('newPassword');
    });

    it('ends every session, access token and API token, and answers a new access token', async () => {
      const teacher = await t.user('teacher');
      const token = await apiToken(teacher);
      const browser = await signedInBrowser(teacher);
      expect((await browser.get('/mijn-account')).status).toBe(200);
      const changed = await t
        .http()
        .post('/api/v1/me/password')
        .set(bearer(teacher))
        .send({ currentPassword: teacher.password, newPassword: 'mijn-eigen-lange-wachtwoord' })
        .expect(200);
      expect(changed.body).toMatchObject({ tokenType: 'Bearer', accessToken: expect.any(String) });
      await t.http().get('/api/v1/me').set(bearer(teacher)).expect(401);
      await t.http().get('/api/v1/me').set(token).expect(401);
      const page = await browser.get('/mijn-account');
      expect(page.status).toBe(303);
      expect(page.headers.location).toMatch(/^\/inloggen/);
      const fresh = { Authorization: `Bearer ${changed.body.accessToken}` };
      const tokens = await t.http().get('/api/v1/me/tokens').set(fresh).expect(200);
      expect(tokens.body.items[0].revokedAt).toEqual(expect.any(String));
      await login(teacher.email, teacher.password).expect(401);
      await login(teacher.email, 'mijn-eigen-lange-wachtwoord').expect(200);
      const events = await t.app.get(AuditTrail).recent(20);
      const own = events.find((event) => event.subjectId === teacher.id);
      expect(own).toMatchObject({ actorId: teacher.id, action: 'updated' });
      expect(own?.summary).toBe(`${teacher.email}: password (chosen by its owner)`);
      expect(JSON.stringify(events)).not.toContain('mijn-eigen-lange-wachtwoord');
    });

    it('lists page sessions and signs out everywhere, the caller included', async () => {
      const teacher = await t.user('teacher');
      await signedInBrowser(teacher, PHONE);
      const listed = await t.http().get('/api/v1/me/sessions').set(bearer(teacher)).expect(200);
      expect(listed.body).toEqual([
        expect.objectContaining({ browser: 'Chrome op Android', startedAt: expect.any(String) }),
      ]);
      expect(JSON.stringify(listed.body)).not.toMatch(/idHash|127\.0\.0\.1|Pixel/);
      const token = await apiToken(teacher);
      await t.http().delete('/api/v1/me/sessions').set(bearer(teacher)).expect(204);
      await t.http().get('/api/v1/me').set(bearer(teacher)).expect(401);
      await t.http().get('/api/v1/me').set(token).expect(401);
      const fresh = await login(teacher.email, teacher.password).expect(200);
      const after = await t
        .http()
        .get('/api/v1/me/sessions')
        .set('Authorization', `Bearer ${fresh.body.accessToken}`)
        .expect(200);
      expect(after.body).toEqual([]);
    });
  });

  describe('on /mijn-account', () => {
    it('answers a failed form with the error summary and a "Fout: " title, never echoing a password', async () => {
      const lead = await t.user('pps-editor', [await t.ppsId('Techport mbo')]);
      const browser = await signedInBrowser(lead);
      const form = await browser.get('/mijn-account/wachtwoord');
      expect(form.status).toBe(200);
      expect(html(form).querySelector('h1')?.text).toBe('Wachtwoord wijzigen');
      const wrong = await browser.post('/mijn-account/wachtwoord', {
        _formulier: browser.token,
        currentPassword: 'fout-getypt-wachtwoord',
        newPassword: 'een-nieuw-geheim-wachtwoord',
        newPasswordRepeat: 'een-nieuw-geheim-wachtwoord',
      });
      expect(wrong.status).toBe(400);
      const page = html(wrong as never);
      expect(page.querySelector('title')?.text).toMatch(/^Fout: Wachtwoord wijzigen/);
      expect(page.querySelector('#foutmeldingen')?.text).toContain(
        'Huidig wachtwoord: Dit is niet uw huidige wachtwoord.',
      );
      expect(wrong.text).not.toContain('fout-getypt-wachtwoord');
      expect(wrong.text).not.toContain('een-nieuw-geheim-wachtwoord');
      const mismatch = await browser.post('/mijn-account/wachtwoord', {
        _formulier: browser.token,
        currentPassword: lead.password,
        newPassword: 'een-nieuw-geheim-wachtwoord',
        newPasswordRepeat: 'een-nieuw-geheim-wachtwoord!',
      });
      expect(mismatch.status).toBe(400);
      expect(html(mismatch as never).querySelector('#veld-newPasswordRepeat-fout')?.text).toContain(
        'Dit is niet hetzelfde als het nieuwe wachtwoord',
      );
      await login(lead.email, lead.password).expect(200);
    });

    it('changes the password: this browser stays signed in (a new session), every other credential ends', async () => {
      const lead = await t.user('pps-editor', [await t.ppsId('Techport mbo')]);
      const here = await signedInBrowser(lead);
      const elsewhere = await signedInBrowser(lead, PHONE);
      const token = await apiToken(lead);
      const before = [...here.cookies.values()].join();
      await here.get('/mijn-account/wachtwoord');
      const changed = await here.post('/mijn-account/wachtwoord', {
        _formulier: here.token,
        currentPassword: lead.password,
        newPassword: 'nieuw-wachtwoord-van-de-lead',
        newPasswordRepeat: 'nieuw-wachtwoord-van-de-lead',
      });
      expect(changed.status).toBe(303);
      expect(changed.headers.location).toBe('/mijn-account?melding=wachtwoord-gewijzigd');
      expect([...here.cookies.values()].join()).not.toBe(before);
      const account = await here.get(changed.headers.location);
      expect(account.status).toBe(200);
      expect(account.text).toContain('Uw wachtwoord is gewijzigd.');
      expect((await elsewhere.get('/mijn-pps')).status).toBe(303);
      await t.http().get('/api/v1/me').set(bearer(lead)).expect(401);
      await t.http().get('/api/v1/me').set(token).expect(401);
      await login(lead.email, 'nieuw-wachtwoord-van-de-lead').expect(200);
    });

    it('lists this account’s browsers and signs out everywhere except here', async () => {
      const lead = await t.user('pps-editor', [await t.ppsId('Techport mbo')]);
      const here = await signedInBrowser(lead);
      const phone = await signedInBrowser(lead, PHONE);
      const token = await apiToken(lead);
      const page = await here.get('/mijn-account');
      const sessions = html(page).querySelectorAll('.site-sessions li');
      expect(sessions.map((item) => item.text.replace(/\s+/g, ' ').trim())).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^Firefox op Windows \(deze browser\) Ingelogd op /),
          expect.stringMatching(/^Chrome op Android Ingelogd op /),
        ]),
      );
      expect(page.text).toContain('In deze browser blijft u ingelogd.');
      const ended = await here.post('/mijn-account/afmelden-overal', { _formulier: here.token });
      expect(ended.status).toBe(303);
      expect(ended.headers.location).toBe('/mijn-account?melding=overal-afgemeld');
      const after = await here.get(ended.headers.location);
      expect(after.status).toBe(200);
      expect(html(after).querySelectorAll('.site-sessions li')).toHaveLength(1);
      expect((await phone.get('/mijn-account')).status).toBe(303);
      await t.http().get('/api/v1/me').set(bearer(lead)).expect(401);
      await t.http().get('/api/v1/me').set(token).expect(401);
      // The form is protected like every other: without this browser's token nothing ends.
      const forged = await here.post('/mijn-account/afmelden-overal', {});
      expect(forged.status).toBe(403);
      expect((await here.get('/mijn-account')).status).toBe(200);
    });
  });

  describe('a password an admin chose', () => {
    async function createdByAdmin(password: string): Promise<TestUser> {
      const email = `nieuw-${++address}@test.bouwsteen.nl`;
      const created = await t
        .http()
        .post('/api/v1/users')
        .set(bearer(admin))
        .send({
          email,
          password,
          displayName: 'Nieuwe lead',
          role: 'pps-editor',
          ppsIds: [await t.ppsId('Techport mbo')],
        })
        .expect(201);
      expect(created.body.passwordChangeRequired).toBe(true);
      const signedIn = await login(email, password).expect(200);
      return {
        id: created.body.id,
        email,
        password,
        token: signedIn.body.accessToken,
        role: 'pps-editor',
      };
    }

    it('closes the API but for choosing one’s own, with 403 password-change-required', async () => {
      const lead = await createdByAdmin('eerste-wachtwoord-van-beheer');
      for (const request of [
        t.http().get('/api/v1/me/tokens').set(bearer(lead)),
        t.http().post('/api/v1/me/tokens').set(bearer(lead)).send({ name: 'x' }),
        t.http().get('/api/v1/assets').set(bearer(lead)),
      ]) {
        const refused = await request;
        expect(refused.status).toBe(403);
        expect(refused.headers['content-type']).toContain('application/problem+json');
        expect(refused.body).toMatchObject({
          code: 'password-change-required',
          type: expect.stringContaining('/problems/password-change-required'),
        });
      }
      const me = await t.http().get('/api/v1/me').set(bearer(lead)).expect(200);
      expect(me.body.passwordChangeRequired).toBe(true);
      const changed = await t
        .http()
        .post('/api/v1/me/password')
        .set(bearer(lead))
        .send({ currentPassword: lead.password, newPassword: 'zelf-gekozen-wachtwoord' })
        .expect(200);
      const fresh = { Authorization: `Bearer ${changed.body.accessToken}` };
      await t.http().get('/api/v1/me/tokens').set(fresh).expect(200);
      expect((await t.http().get('/api/v1/me').set(fresh)).body.passwordChangeRequired).toBe(false);
    });

    it('sends every page to "Kies een nieuw wachtwoord" until it is chosen', async () => {
      const lead = await createdByAdmin('nog-een-eerste-wachtwoord');
      const browser = new Browser(t);
      const signedIn = await browser.signIn(lead);
      expect(signedIn.headers.location).toBe('/mijn-account/wachtwoord');
      for (const path of ['/mijn-pps', '/', '/mijn-account', '/zoeken?q=cobots']) {
        const page = await browser.get(path);
        expect([path, page.status, page.headers.location]).toEqual([
          path,
          303,
          '/mijn-account/wachtwoord',
        ]);
      }
      const form = await browser.get('/mijn-account/wachtwoord');
      expect(html(form).querySelector('h1')?.text).toBe('Kies een nieuw wachtwoord');
      const post = await browser.post('/mijn-account/sleutels', {
        _formulier: browser.token,
        name: 'te vroeg',
      });
      expect([post.status, post.headers.location]).toEqual([303, '/mijn-account/wachtwoord']);
      const chosen = await browser.post('/mijn-account/wachtwoord', {
        _formulier: browser.token,
        currentPassword: lead.password,
        newPassword: 'mijn-eigen-wachtwoord-nu',
        newPasswordRepeat: 'mijn-eigen-wachtwoord-nu',
      });
      expect([chosen.status, chosen.headers.location]).toEqual([303, '/mijn-pps']);
      expect((await browser.get('/mijn-pps')).status).toBe(200);
      // Accounts seeded or made in code (the bootstrap admin, the tests' own) were never forced.
      expect((await t.http().get('/api/v1/me/tokens').set(bearer(admin))).status).toBe(200);
    });

    it('forces a new choice after an admin sets a password, not after an admin sets their own', async () => {
      const teacher = await t.user('teacher');
      await t
        .http()
        .patch(`/api/v1/users/${teacher.id}`)
        .set(bearer(admin))
        .set(await t.userEtag(teacher.id))
        .send({ password: 'door-beheer-gezet-wachtwoord' })
        .expect(200);
      const signedIn = await login(teacher.email, 'door-beheer-gezet-wachtwoord').expect(200);
      const refused = await t
        .http()
        .get('/api/v1/me/tokens')
        .set('Authorization', `Bearer ${signedIn.body.accessToken}`);
      expect(refused.body.code).toBe('password-change-required');
      const self = await t.user('admin');
      const own = await t
        .http()
        .patch(`/api/v1/users/${self.id}`)
        .set(bearer(self))
        .set(await t.userEtag(self.id))
        .send({ password: 'mijn-eigen-beheerderswachtwoord' })
        .expect(200);
      expect(own.body.passwordChangeRequired).toBe(false);
    });
  });
});
