import { DataSource } from 'typeorm';
import { PageBrowser as Browser } from './harness/page-browser';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

const SESSION = '__Host-bouwsteen-sessie';
const FORM = '__Host-bouwsteen-formulier';

/** The pages' sessions and forms: cookies, CSRF, sign-out, deactivation, hostile form bodies. */
describe('signing in on the pages (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    admin = await t.user('admin');
  });
  afterAll(() => t.close());

  it('sets HttpOnly, Secure, SameSite=Lax __Host- cookies and stores only a fingerprint of the session', async () => {
    const lead = await t.user('pps-editor', [await t.ppsId('Techport mbo')]);
    const browser = new Browser(t);
    const page = await browser.get('/inloggen');
    const formCookie = ([] as string[])
      .concat(page.headers['set-cookie'])
      .find((c) => c.startsWith(FORM))!;
    expect(formCookie).toMatch(/HttpOnly/);
    expect(formCookie).toMatch(/Secure/);
    expect(formCookie).toMatch(/SameSite=Lax/);
    expect(page.headers['cache-control']).toBe('private, no-cache');

    const signedIn = await browser.signIn(lead);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.location).toBe('/mijn-pps');
    const sessionCookie = ([] as string[])
      .concat(signedIn.headers['set-cookie'])
      .find((c) => c.startsWith(SESSION))!;
    expect(sessionCookie).toMatch(/HttpOnly; Secure; SameSite=Lax|HttpOnly.*Secure.*SameSite=Lax/);
    const secret = browser.cookies.get(SESSION)!;
    const stored: { id_hash: string }[] = await t.app
      .get(DataSource)
      .query('SELECT id_hash FROM web_session');
    expect(stored.map((row) => row.id_hash)).not.toContain(secret);
    expect((await browser.get('/mijn-pps')).status).toBe(200);
  });

  it('offers only the password form when no institution is configured: no institution section, no issuer in form-action', async () => {
    const page = await new Browser(t).get('/inloggen');
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('instelling-kop');
    expect(page.text).not.toContain('instellingsaccount');
    expect(page.text).not.toContain('/inloggen/instelling/');
    expect(page.text.match(/<form /g)).toHaveLength(1); // only the password form
    expect(page.text).toContain('action="/inloggen"');
    // Teachers sign in too (reviews, lists): the page says so.
    expect(page.text).toContain('Voor docenten (reviews, lijsten en bewaarde zoekopdrachten)');
    expect(page.headers['content-security-policy']).toContain("form-action 'self';");
    const me = new Browser(t);
    await me.signIn(admin);
    const account = await me.get('/mijn-account');
    expect(account.text).not.toContain('instellingsaccount');
    expect(account.text).toContain('href="/mijn-account/wachtwoord"');
  });

  it('never lets the API be driven by the cookie: the API keeps its bearer tokens', async () => {
    const lead = await t.user('pps-editor', [await t.ppsId('Techport mbo')]);
    const browser = new Browser(t);
    await browser.signIn(lead);
    await t.http().get('/api/v1/me').set('Cookie', browser.cookieHeader).expect(401);
  });

  it('refuses a form without this browser’s token or from another origin, and changes nothing', async () => {
    const lead = await t.user('pps-editor', [await t.ppsId('Techport mbo')]);
    const browser = new Browser(t);
    await browser.signIn(lead);
    await browser.get('/mijn-account');
    const forged = await browser.post('/mijn-account/sleutels', { name: 'van een andere site' });
    expect(forged.status).toBe(403);
    expect(forged.text).toContain('Het formulier is verlopen');
    const crossSite = await browser.post(
      '/mijn-account/sleutels',
      { _formulier: browser.token, name: 'met token, andere site' },
      { Origin: 'https://aanvaller.example' },
    );
    expect(crossSite.status).toBe(403);
    const other = new Browser(t);
    await other.get('/inloggen');
    const stolen = await browser.post('/mijn-account/sleutels', {
      _formulier: other.token,
      name: 'token van een ander',
    });
    expect(stolen.status).toBe(403);
    const tokens = await t.http().get('/api/v1/me/tokens').set(bearer(lead)).expect(200);
    expect(tokens.body.items).toEqual([]);

    const made = await browser.post('/mijn-account/sleutels', {
      _formulier: browser.token,
      name: 'Koppeling rooster',
      expiresInDays: '30',
    });
    expect(made.status).toBe(200);
    expect(made.text).toMatch(/bst_[A-Za-z0-9_-]{20,}/);
    const after = await t.http().get('/api/v1/me/tokens').set(bearer(lead)).expect(200);
    expect(after.body.items.map((token: { name: string }) => token.name)).toEqual([
      'Koppeling rooster',
    ]);
  });

  it('ends the session on sign-out and when the account is deactivated', async () => {
    const lead = await t.user('pps-editor', [await t.ppsId('Techport mbo')]);
    const first = new Browser(t);
    await first.signIn(lead);
    const copied = first.cookieHeader;
    await first.get('/mijn-pps');
    const out = await first.post('/uitloggen', { _formulier: first.token });
    expect(out.status).toBe(303);
    // The old cookie, replayed, is worth nothing: the session is gone on the server.
    const replay = await t.http().get('/mijn-pps').set('Cookie', copied).set('Accept', 'text/html');
    expect(replay.status).toBe(303);
    expect(replay.headers.location).toBe('/inloggen?terug=%2Fmijn-pps');

    const second = new Browser(t);
    await second.signIn(lead);
    expect((await second.get('/mijn-pps')).status).toBe(200);
    await t
      .http()
      .patch(`/api/v1/users/${lead.id}`)
      .set(await t.userEtag(lead.id))
      .set(bearer(admin))
      .send({ active: false })
      .expect(200);
    expect((await second.get('/mijn-pps')).status).toBe(303);
  });

  it('keeps roles: an LLO office may not open a PPS lead’s pages', async () => {
    const office = await t.lloOffice('LLO-loket Zaanstreek');
    const browser = new Browser(t);
    const signedIn = await browser.signIn(office);
    expect(signedIn.headers.location).toBe('/mijn-cursussen');
    const page = await browser.get('/mijn-pps');
    expect(page.status).toBe(403);
    expect(page.text).toContain('Dit mag niet met uw account');
  });

  it('takes a form only from this site’s origin (PUBLIC_BASE_URL): scheme, host and port', async () => {
    const lead = await t.user('pps-editor', [await t.ppsId('Techport mbo')]);
    const browser = new Browser(t);
    await browser.signIn(lead);
    await browser.get('/mijn-account');
    const port = (t.app.getHttpServer().address() as { port: number }).port;
    // The tests' PUBLIC_BASE_URL is the default, http://localhost:3000.
    for (const origin of [
      'https://localhost:3000',
      'http://localhost:3001',
      'http://localhost',
      `https://127.0.0.1:${port}`,
      `http://127.0.0.1:${port}`,
      'null',
    ]) {
      const refused = await browser.post(
        '/mijn-account/sleutels',
        { _formulier: browser.token, name: `van ${origin}` },
        { Origin: origin },
      );
      expect([origin, refused.status]).toEqual([origin, 403]);
      // The cause said as it is: not an expired form, another address.
      expect(refused.text).toContain('Dit formulier komt van een ander adres');
    }
    const tokens = await t.http().get('/api/v1/me/tokens').set(bearer(lead)).expect(200);
    expect(tokens.body.items).toEqual([]);
    const same = await browser.post(
      '/mijn-account/sleutels',
      { _formulier: browser.token, name: 'van deze site' },
      { Origin: 'http://localhost:3000' },
    );
    expect(same.status).toBe(200);
    // A site on a loopback name is the same site under its other loopback names (a local start
    // opened at 127.0.0.1); the scheme and port must still match.
    for (const origin of ['http://127.0.0.1:3000', 'http://[::1]:3000']) {
      await browser.get('/mijn-account');
      const loopback = await browser.post(
        '/mijn-account/sleutels',
        { _formulier: browser.token, name: `van ${origin}` },
        { Origin: origin },
      );
      expect([origin, loopback.status]).toEqual([origin, 200]);
    }
  });

  it('answers wrong passwords, throttling, hostile bodies and open redirects with clear 4xx pages', async () => {
    const lead = await t.user('pps-editor', [await t.ppsId('Techport mbo')]);
    const browser = new Browser(t);
    await browser.get('/inloggen');
    const wrong = await browser.post('/inloggen', {
      _formulier: browser.token,
      email: lead.email,
      password: 'fout',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('Het e-mailadres of het wachtwoord klopt niet');
    expect(wrong.text).toContain(`value="${lead.email}"`);
    // As any failed form: "Fout: " in the title, the summary first and focused, at the field.
    expect(wrong.text).toMatch(/<title>Fout: Inloggen/);
    expect(wrong.text).toMatch(/id="foutmeldingen"[^>]*|autofocus[^>]*id="foutmeldingen"/);
    expect(wrong.text).toContain('href="#veld-password"');
    let last = wrong;
    for (let i = 0; i < 6; i++)
      last = await browser.post('/inloggen', {
        _formulier: browser.token,
        email: lead.email,
        password: 'fout',
      });
    expect(last.status).toBe(429);
    expect(last.text).toContain('Te veel mislukte pogingen');
    const retryAfter = Number(last.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(last.text).toContain(`over ${retryAfter} seconden`);

    const other = await t.user('pps-editor', [await t.ppsId('Techport mbo')]);
    const nul = await browser.post('/inloggen', {
      _formulier: browser.token,
      email: other.email,
      password: 'a\u0000b',
    });
    expect(nul.status).toBe(400);
    const deep = await t
      .http()
      .post('/inloggen')
      .set('Cookie', browser.cookieHeader)
      .type('form')
      .send(`_formulier=${browser.token}&a[b][c][d][e][f][g][h]=1`);
    expect(deep.status).toBe(400);
    const away = await browser.signIn(other, '//aanvaller.example/pad');
    expect(away.status).toBe(303);
    expect(away.headers.location).toBe('/mijn-pps');
    const fresh = new Browser(t);
    const back = await fresh.signIn(other, '/mijn-account');
    expect(back.headers.location).toBe('/mijn-account');
  });
});
