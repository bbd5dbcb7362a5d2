import { DataSource } from 'typeorm';
import { html } from './harness/html';
import { federatedBrowsing } from './harness/federated-browser';
import { EDUID_LIKE, IssuerAccount, TestIssuers, startTestIssuers } from './harness/oidc-issuers';
import { PageBrowser as Browser } from './harness/page-browser';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

const BASE = 'http://bouwsteen.test';
const SESSION = '__Host-bouwsteen-sessie';

type Browsing = ReturnType<typeof federatedBrowsing>;

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
  let atIssuer: Browsing['atIssuer'];
  let toIssuerAndBack: Browsing['toIssuerAndBack'];
  let signIn: Browsing['signIn'];
  let link: Browsing['link'];

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
    ({ atIssuer, toIssuerAndBack, signIn, link } = federatedBrowsing(t, issuers, BASE));
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
      'Inloggen met uw instellingsaccount',
    );
    expect(page.text).toContain('Inloggen met uw e-mailadres en wachtwoord');
    expect(page.text).not.toMatch(/\bje\b/);
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
    // The page says to sign in with the password, and links to where that is done.
    const wayOn = html(refused.answer).querySelector('main a[href="/inloggen"]');
    expect(wayOn?.text.trim()).toBe('Naar de inlogpagina');
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
    expect(html(conflict).querySelector('main a[href="/mijn-account"]')).toBeTruthy();
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
    expect(html(answer).querySelector('main a[href="/inloggen"]')).toBeTruthy();
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
    expect(html(stolen).querySelector('main a[href="/inloggen"]')?.text.trim()).toBe(
      'Naar de inlogpagina',
    );
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

  it('refuses a deactivated account with a Dutch 403 page and starts no session', async () => {
    const account: IssuerAccount = { sub: 'surf-uit-1', email: 'uitgezet@novacollege.nl' };
    expect((await signIn('surfconext', account)).answer.status).toBe(303);
    const { id } = (await userByEmail(account.email!))!;
    await t
      .http()
      .patch(`/api/v1/users/${id}`)
      .set(await t.userEtag(id))
      .set(bearer(admin))
      .send({ active: false })
      .expect(200);
    const sessions = async () =>
      (await db.query(`SELECT count(*)::int AS n FROM web_session WHERE user_id = $1`, [id]))[0].n;
    const before = await sessions();
    const { answer, browser } = await signIn('surfconext', account);
    expect(answer.status).toBe(403);
    expect(answer.text).toContain('Dit account is uitgezet');
    expect(browser.cookies.get(SESSION)).toBeUndefined();
    expect(await sessions()).toBe(before);
  });

  it('unlinks an institution account from Mijn account, never the only way in', async () => {
    const account: IssuerAccount = { sub: 'surf-los-1', email: 'ontkoppel@novacollege.nl' };
    const eduid: IssuerAccount = { sub: 'eduid-los-1', email: 'ontkoppel@example.org' };
    const { browser } = await signIn('surfconext', account);
    const { id } = (await userByEmail(account.email!))!;
    const page = html(await browser.get('/mijn-account'));
    const unlink = '/mijn-account/instelling/surfconext/ontkoppelen';
    expect(page.querySelector(`form[action="${unlink}"] input[name="_formulier"]`)).toBeTruthy();

    // No password and no other institution account: refused, in Dutch, nothing changed.
    const refused = await browser.post(unlink, { _formulier: browser.token });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('het is de enige manier waarop u bij Bouwsteen inlogt');
    const identities = async () =>
      (
        await db.query(`SELECT issuer FROM federated_identity WHERE user_id = $1 ORDER BY 1`, [id])
      ).map((row: { issuer: string }) => row.issuer);
    expect(await identities()).toEqual(['surfconext']);

    // With a second institution account, the first may go; then the second is the only way in.
    expect((await link(browser, 'eduid', eduid)).status).toBe(303);
    expect(await identities()).toEqual(['eduid', 'surfconext']);
    const gone = await browser.post(unlink, { _formulier: browser.token });
    expect(gone.status).toBe(303);
    expect(gone.headers.location).toBe('/mijn-account?melding=instelling-ontkoppeld');
    expect((await browser.get(gone.headers.location as string)).text).toContain(
      'Uw instellingsaccount is ontkoppeld.',
    );
    expect(await identities()).toEqual(['eduid']);
    const again = await browser.post(unlink, { _formulier: browser.token });
    expect(again.status).toBe(404);
    expect(again.text).toContain('Dit instellingsaccount is niet gekoppeld');
    const last = await browser.post('/mijn-account/instelling/eduid/ontkoppelen', {
      _formulier: browser.token,
    });
    expect(last.status).toBe(409);
    expect(await identities()).toEqual(['eduid']);
    // Without the form token nothing happens.
    const bare = await browser.post('/mijn-account/instelling/eduid/ontkoppelen', {});
    expect(bare.status).toBe(403);
    expect(await identities()).toEqual(['eduid']);
  });

  it('offers an account without a password "Wachtwoord instellen" through a password link, never the form that asks for the current one', async () => {
    const account: IssuerAccount = { sub: 'surf-ww-1', email: 'wachtwoord@novacollege.nl' };
    const { browser } = await signIn('surfconext', account);
    const page = html(await browser.get('/mijn-account'));
    expect(page.querySelector('a[href="/mijn-account/wachtwoord"]')).toBeNull();
    expect(page.querySelector('form[action="/mijn-account/wachtwoord-instellen"]')).toBeTruthy();
    const direct = html(await browser.get('/mijn-account/wachtwoord'));
    expect(direct.querySelector('input[name="currentPassword"]')).toBeNull();
    expect(direct.querySelector('h1')!.text).toBe('Wachtwoord instellen');

    const start = await browser.post('/mijn-account/wachtwoord-instellen', {
      _formulier: browser.token,
    });
    expect(start.status).toBe(303);
    const linkPath = String(start.headers.location);
    expect(linkPath).toMatch(/^\/wachtwoord-instellen\/[A-Za-z0-9_-]{43}$/);
    const form = html(await browser.get(linkPath));
    expect(form.querySelector('input[name="currentPassword"]')).toBeNull();
    const password = 'een-lang-eigen-wachtwoord-2025';
    const set = await browser.post(linkPath, {
      _formulier: browser.token,
      newPassword: password,
      newPasswordRepeat: password,
    });
    expect(set.status).toBe(303);
    expect((await userByEmail(account.email!))!.noPassword).toBe(false);
    // Now the password signs in too, and the link is spent; a second link is refused.
    const other = new Browser(t);
    await other.get('/inloggen');
    const withPassword = await other.post('/inloggen', {
      _formulier: other.token,
      email: account.email!,
      password,
    });
    expect(withPassword.status).toBe(303);
    expect((await browser.get(linkPath)).status).toBe(410);
    await browser.get('/mijn-account');
    expect(
      html(await browser.get('/mijn-account')).querySelector('a[href="/mijn-account/wachtwoord"]'),
    ).toBeTruthy();
    const twice = await browser.post('/mijn-account/wachtwoord-instellen', {
      _formulier: browser.token,
    });
    expect(twice.status).toBe(409);
    expect(twice.text).toContain('U heeft al een wachtwoord');
  });
});
