import { DataSource } from 'typeorm';
import { html } from './harness/html';
import { EDUID_LIKE, IssuerAccount, TestIssuers, startTestIssuers } from './harness/oidc-issuers';
import { PageBrowser as Browser } from './harness/page-browser';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

const BASE = 'http://bouwsteen.test';
const SESSION = '__Host-bouwsteen-sessie';

/**
 * Sign-in through OpenID Connect federations against real local OpenID providers: a
 * SURFconext-like issuer (home organisation, affiliation, logout endpoint) and an eduID-like one
 * (no institution, no logout endpoint).
 */
describe('signing in with an institution account (e2e)', () => {
  let issuers: TestIssuers;
  let t: TestApp;
  let admin: TestUser;
  let db: DataSource;
  let novaId: string;

  beforeAll(async () => {
    issuers = await startTestIssuers(BASE);
    t = await createTestApp({
      isolated: true,
      env: {
        PUBLIC_BASE_URL: BASE,
        ...issuers.env({ surfconext: 'SURFconext', eduid: 'eduID' }),
      },
    });
    db = t.app.get(DataSource);
    admin = await t.user('admin');
    const nova = await t
      .http()
      .post('/api/v1/organisations')
      .set(bearer(admin))
      .send({ name: 'Nova College Federatie', type: 'school', domains: ['novacollege.nl'] })
      .expect(201);
    expect(nova.body.domains).toEqual(['novacollege.nl']);
    novaId = nova.body.id;
  });
  afterAll(async () => {
    await t?.close();
    await issuers?.stop();
  });

  /** Follows the issuer's redirects (its own cookies kept) until it sends the browser back here. */
  async function atIssuer(url: string): Promise<string> {
    const jar = new Map<string, string>();
    let current = url;
    for (let hop = 0; hop < 12; hop++) {
      if (current.startsWith(BASE)) return current.slice(BASE.length);
      const response = await fetch(current, {
        redirect: 'manual',
        headers: { Cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') },
      });
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const at = pair.indexOf('=');
        jar.set(pair.slice(0, at), pair.slice(at + 1));
      }
      const location = response.headers.get('location');
      if (!location) throw new Error(`issuer stopped at ${current} (${response.status})`);
      current = new URL(location, current).href;
    }
    throw new Error('too many redirects at the issuer');
  }

  /** Presses "Inloggen met …" and goes through the issuer; the answer's path, not yet opened. */
  async function toIssuerAndBack(browser: Browser, key: string): Promise<string> {
    await browser.get('/inloggen');
    const start = await browser.post(`/inloggen/instelling/${key}`, { _formulier: browser.token });
    expect(start.status).toBe(303);
    const location = String(start.headers.location);
    const sent = new URL(location);
    expect(sent.searchParams.get('code_challenge_method')).toBe('S256');
    expect(sent.searchParams.get('state')).toBeTruthy();
    expect(sent.searchParams.get('nonce')).toBeTruthy();
    return atIssuer(location);
  }

  async function signIn(key: string, account: IssuerAccount, browser = new Browser(t)) {
    await issuers.next(key, { account });
    const answer = await browser.get(await toIssuerAndBack(browser, key));
    return { browser, answer };
  }

  const userByEmail = async (email: string) =>
    (
      await db.query(
        `SELECT id, role, organisation_id AS "organisationId", display_name AS "displayName",
                password_hash IS NULL AS "noPassword"
         FROM app_user WHERE email_key = lower($1)`,
        [email],
      )
    )[0] as
      | {
          id: string;
          role: string;
          organisationId: string | null;
          displayName: string;
          noPassword: boolean;
        }
      | undefined;

  it('offers one button per issuer beside the password form, each a form with the form token', async () => {
    const page = html(await new Browser(t).get('/inloggen'));
    const forms = page.querySelectorAll('form[action^="/inloggen/instelling/"]');
    expect(forms.map((form) => form.getAttribute('action'))).toEqual([
      '/inloggen/instelling/surfconext',
      '/inloggen/instelling/eduid',
    ]);
    expect(forms.every((form) => form.querySelector('input[name="_formulier"]'))).toBe(true);
    expect(page.querySelector('h2#instelling-kop')!.text).toBe(
      'Inloggen met je instellingsaccount',
    );
    expect(page.querySelector('button')!.text).toContain('Inloggen met SURFconext');
    expect(page.querySelector('form[action="/inloggen"]')).toBeTruthy();
  });

  it('creates a teacher of the home organisation at the first sign-in and re-uses it at the second', async () => {
    const docent: IssuerAccount = {
      sub: 'surf-docent-1',
      email: 'd.docent@novacollege.nl',
      name: 'Dana Docent',
      schac_home_organization: 'NovaCollege.nl',
      eduperson_affiliation: ['employee', 'member'],
    };
    const first = await signIn('surfconext', docent);
    expect(first.answer.status).toBe(303);
    expect(first.answer.headers.location).toBe('/');
    expect(first.browser.cookies.get(SESSION)).toBeTruthy();
    const account = await userByEmail(docent.email!);
    expect(account).toMatchObject({
      role: 'teacher',
      organisationId: novaId,
      displayName: 'Dana Docent',
      noPassword: true,
    });
    const me = await first.browser.get('/mijn-account');
    expect(me.status).toBe(200);
    expect(me.text).toContain('Dana Docent');
    expect(me.text).toContain('SURFconext: gekoppeld op');

    const second = await signIn('surfconext', { ...docent, name: 'Dana D.' });
    expect(second.answer.status).toBe(303);
    const accounts = await db.query(`SELECT id FROM app_user WHERE email_key = $1`, [docent.email]);
    expect(accounts).toEqual([{ id: account!.id }]);
    const identities = await db.query(
      `SELECT issuer, subject, user_id AS "userId" FROM federated_identity WHERE subject = $1`,
      [docent.sub],
    );
    expect(identities).toEqual([
      { issuer: 'surfconext', subject: docent.sub, userId: account!.id },
    ]);
  });

  it('gives a student the least privileged role, and trusts no home organisation from eduID', async () => {
    await signIn('surfconext', {
      sub: 'surf-student-1',
      email: 's.student@novacollege.nl',
      name: 'Sam Student',
      schac_home_organization: 'novacollege.nl',
      eduperson_affiliation: ['student'],
    });
    expect(await userByEmail('s.student@novacollege.nl')).toMatchObject({
      role: 'teacher',
      organisationId: novaId,
    });
    const { answer } = await signIn('eduid', {
      sub: 'eduid-werkgever-1',
      email: 'werkgever@bedrijf.example',
      name: 'Wim Werkgever',
    });
    expect(answer.status).toBe(303);
    expect(await userByEmail('werkgever@bedrijf.example')).toMatchObject({
      role: 'teacher',
      organisationId: null,
    });
  });

  it('never takes over a password account by e-mail; its owner links the institution account from Mijn account', async () => {
    const owner = await t.user('llo-office');
    const account: IssuerAccount = { sub: 'eduid-owner-1', email: owner.email, name: 'Iemand' };
    const refused = await signIn('eduid', account);
    expect(refused.answer.status).toBe(409);
    expect(refused.answer.text).toContain('Er is al een account met dit e-mailadres');
    expect(refused.browser.cookies.get(SESSION)).toBeUndefined();
    expect(
      await db.query(`SELECT 1 FROM federated_identity WHERE subject = $1`, [account.sub]),
    ).toEqual([]);

    const browser = new Browser(t);
    await browser.signIn(owner);
    const page = html(await browser.get('/mijn-account'));
    expect(page.querySelector('form[action="/mijn-account/instelling/eduid"]')).toBeTruthy();
    await issuers.next('eduid', { account });
    const start = await browser.post('/mijn-account/instelling/eduid', {
      _formulier: browser.token,
    });
    expect(start.status).toBe(303);
    const linked = await browser.get(await atIssuer(String(start.headers.location)));

    expect(linked.status).toBe(303);
    expect(linked.headers.location).toBe('/mijn-account?melding=instelling-gekoppeld');
    expect((await browser.get('/mijn-account')).text).toContain('eduID: gekoppeld op');

    // From now on the institution account signs in to the password account, with its role.
    const again = await signIn('eduid', account);
    expect(again.answer.status).toBe(303);
    expect(again.answer.headers.location).toBe('/mijn-cursussen');
    expect((await again.browser.get('/mijn-account')).text).toContain(owner.email);

    // Another account cannot link the same institution account.
    const other = await t.user('teacher');
    const otherBrowser = new Browser(t);
    await otherBrowser.signIn(other);
    await otherBrowser.get('/mijn-account');
    await issuers.next('eduid', { account });
    const taken = await otherBrowser.post('/mijn-account/instelling/eduid', {
      _formulier: otherBrowser.token,
    });
    const conflict = await otherBrowser.get(await atIssuer(String(taken.headers.location)));
    expect(conflict.status).toBe(409);
    expect(conflict.text).toContain('Dit instellingsaccount is al gekoppeld');
  });

  it('answers an unknown issuer with a Dutch 404 page', async () => {
    const browser = new Browser(t);
    await browser.get('/inloggen');
    const answer = await browser.post('/inloggen/instelling/onbekend', {
      _formulier: browser.token,
    });
    expect(answer.status).toBe(404);
    expect(answer.text).toContain('Deze instelling kent Bouwsteen niet');
    expect((await browser.get('/inloggen/instelling/onbekend/terug?state=x&code=y')).status).toBe(
      404,
    );
  });

  it('refuses a sign-in the person declined at the issuer, with a Dutch 400 page and no session', async () => {
    await issuers.next('surfconext', { refuse: true });
    const browser = new Browser(t);
    const answer = await browser.get(await toIssuerAndBack(browser, 'surfconext'));
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('Inloggen via uw instelling is niet gelukt');
    expect(browser.cookies.get(SESSION)).toBeUndefined();
  });

  it('refuses a replayed answer, and an answer opened in another browser', async () => {
    const account: IssuerAccount = { sub: 'eduid-replay-1', email: 'replay@example.org' };
    await issuers.next('eduid', { account });
    const browser = new Browser(t);
    const path = await toIssuerAndBack(browser, 'eduid');
    const elsewhere = new Browser(t);
    const stolen = await elsewhere.get(path);
    expect(stolen.status).toBe(400);
    expect(stolen.text).toContain('Deze inlogpoging is niet meer geldig');
    // The state was used up by that attempt: the rightful browser cannot use it either.
    expect((await browser.get(path)).status).toBe(400);

    await issuers.next('eduid', { account });
    const fresh = new Browser(t);
    const once = await toIssuerAndBack(fresh, 'eduid');
    const first = await fresh.get(once);

    expect(first.status).toBe(303);
    const cookies = new Map(fresh.cookies);
    const replay = await fresh.get(once);
    expect(replay.status).toBe(400);
    expect(replay.text).not.toContain(new URL(once, BASE).searchParams.get('code')!);
    expect(fresh.cookies.get(SESSION)).toBe(cookies.get(SESSION));
  });

  it('refuses an ID token made for another client (wrong audience) and creates nothing', async () => {
    const account: IssuerAccount = { sub: 'eduid-aud-1', email: 'audience@example.org' };
    await issuers.next('eduid', { account, foreignAudience: true });
    const browser = new Browser(t);
    const answer = await browser.get(await toIssuerAndBack(browser, 'eduid'));
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('Inloggen via uw instelling is niet gelukt');
    expect(await userByEmail('audience@example.org')).toBeUndefined();
    expect(browser.cookies.get(SESSION)).toBeUndefined();
  });

  it("signs out through the issuer's logout with the ID token as hint, or to our own page", async () => {
    const surf = await signIn('surfconext', {
      sub: 'surf-logout-1',
      email: 'logout@novacollege.nl',
      eduperson_affiliation: ['staff'],
    });
    await surf.browser.get('/mijn-account');
    const out = await surf.browser.post('/uitloggen', { _formulier: surf.browser.token });
    expect(out.status).toBe(303);
    const logout = new URL(String(out.headers.location));
    expect(logout.origin).toBe(issuers.urls.surfconext);
    expect(logout.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(logout.searchParams.get('post_logout_redirect_uri')).toBe(`${BASE}/uitgelogd`);
    expect((await surf.browser.get('/mijn-account')).status).toBe(303);

    const eduid = await signIn(EDUID_LIKE.key, { sub: 'eduid-logout-1', email: 'out@example.org' });
    await eduid.browser.get('/mijn-account');
    const ours = await eduid.browser.post('/uitloggen', { _formulier: eduid.browser.token });
    expect(ours.headers.location).toBe('/uitgelogd');
    const page = await eduid.browser.get('/uitgelogd');
    expect(page.status).toBe(200);
    expect(page.text).toContain('U bent uitgelogd');
    expect(
      await db.query(
        `SELECT 1 FROM web_session WHERE id_token IS NOT NULL AND user_id IN (SELECT id FROM app_user WHERE email_key = 'out@example.org')`,
      ),
    ).toEqual([]);
  });

  it('lets admins keep the domains in /beheer and the API, one organisation per domain', async () => {
    const other = await t
      .http()
      .post('/api/v1/organisations')
      .set(bearer(admin))
      .send({ name: 'Ander College', type: 'school', domains: ['novacollege.nl'] })
      .expect(409);
    expect(other.body.code).toBe('organisation-domain-taken');
    const browser = new Browser(t);
    await browser.signIn(admin);
    const form = html(await browser.get(`/beheer/organisaties/${novaId}`));
    expect(form.querySelector('textarea[name="domains"]')!.text).toBe('novacollege.nl');
    const revision = form.querySelector('input[name="revisie"]')!.getAttribute('value')!;
    const wrong = await browser.post(`/beheer/organisaties/${novaId}`, {
      _formulier: browser.token,
      revisie: revision,
      name: 'Nova College Federatie',
      aliases: '',
      domains: 'novacollege.nl\nhttps://www.nova.nl',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('Vul een domeinnaam in kleine letters in');
    const saved = await browser.post(`/beheer/organisaties/${novaId}`, {
      _formulier: browser.token,
      revisie: revision,
      name: 'Nova College Federatie',
      aliases: '',
      domains: 'novacollege.nl\nstudent.novacollege.nl',
    });
    expect(saved.status).toBe(303);
    const read = await t
      .http()
      .get(`/api/v1/organisations/${novaId}`)
      .set(bearer(admin))
      .expect(200);
    expect(read.body.domains).toEqual(['novacollege.nl', 'student.novacollege.nl']);
  });
});
