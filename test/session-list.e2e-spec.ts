import { DataSource } from 'typeorm';
import { html } from './harness/html';
import { PageBrowser as Browser } from './harness/page-browser';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const PHONE =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';

/**
 * The list of one's signed-in browsers on /mijn-account: each with its own "Afmelden" (a form
 * with the page's token), this browser marked and first, at most ten with how many more there
 * are, and never a session that expired or was ended. The API lists and ends them the same way.
 */
describe('the list of signed-in browsers (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
  });
  afterAll(() => t.close());

  async function signedIn(user: TestUser, userAgent = FIREFOX): Promise<Browser> {
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

  /** Each listed browser: its text and the address of its "Afmelden" form. */
  async function listed(browser: Browser, path = '/mijn-account') {
    const page = await browser.get(path);
    expect(page.status).toBe(200);
    return {
      page,
      items: html(page)
        .querySelectorAll('.site-sessions li')
        .map((item) => ({
          text: item.text.replace(/\s+/g, ' ').trim(),
          action: item.querySelector('form')?.getAttribute('action') ?? '',
        })),
    };
  }

  it('ends one other browser by its own "Afmelden"; this one and the rest stay signed in', async () => {
    const lead = await t.user('pps-editor', [await t.ppsId('Techport mbo')]);
    const here = await signedIn(lead);
    const phone = await signedIn(lead, PHONE);
    const { items } = await listed(here);
    expect(items.map((item) => item.text)).toEqual([
      expect.stringMatching(
        /^Firefox op Windows \(deze browser\) Ingelogd op .*Afmelden in deze browser$/,
      ),
      expect.stringMatching(
        /^Chrome op Android Ingelogd op .*Afmelden \(Chrome op Android, ingelogd op /,
      ),
    ]);
    const phoneForm = items[1].action;
    expect(phoneForm).toMatch(/^\/mijn-account\/sessies\/[0-9a-f-]{36}\/afmelden$/);

    // Protected like every form: without this browser's token nothing ends.
    expect((await here.post(phoneForm, {})).status).toBe(403);
    expect((await phone.get('/mijn-account')).status).toBe(200);

    await here.get('/mijn-account');
    const ended = await here.post(phoneForm, { _formulier: here.token });
    expect(ended.status).toBe(303);
    expect(ended.headers.location).toBe('/mijn-account?melding=browser-afgemeld');
    const after = await listed(here, ended.headers.location);
    expect(after.page.text).toContain('Die browser is afgemeld.');
    expect(after.items).toHaveLength(1);
    expect((await phone.get('/mijn-account')).status).toBe(303);
    expect((await here.get('/mijn-pps')).status).toBe(200);
  });

  it('signs this browser out by its own "Afmelden", as "Uitloggen" does', async () => {
    const teacher = await t.user('teacher');
    const here = await signedIn(teacher);
    const other = await signedIn(teacher, PHONE);
    const { items } = await listed(here);
    const out = await here.post(items[0].action, { _formulier: here.token });
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/');
    expect((await here.get('/mijn-account')).status).toBe(303);
    expect((await other.get('/mijn-account')).status).toBe(200);
  });

  it('cannot end another account’s browser: 404, and it stays signed in', async () => {
    const owner = await t.user('teacher');
    const stranger = await t.user('teacher');
    const ownerBrowser = await signedIn(owner);
    const strangerBrowser = await signedIn(stranger);
    const { items } = await listed(ownerBrowser);
    await strangerBrowser.get('/mijn-account');
    const refused = await strangerBrowser.post(items[0].action, {
      _formulier: strangerBrowser.token,
    });
    expect(refused.status).toBe(404);
    expect((await ownerBrowser.get('/mijn-account')).status).toBe(200);
  });

  it('lists this browser first and at most ten, saying how many more there are', async () => {
    const teacher = await t.user('teacher');
    const others: Browser[] = [];
    for (let index = 0; index < 12; index++) others.push(await signedIn(teacher, PHONE));
    const here = await signedIn(teacher);
    // This browser signed in last but was last used longest ago: it still comes first.
    await t.app.get(DataSource).query(
      `UPDATE web_session SET last_seen_at = now() - interval '1 hour', created_at = now() - interval '2 hours'
         WHERE user_id = $1 AND browser = 'Firefox op Windows'`,
      [teacher.id],
    );
    const { page, items } = await listed(here);
    expect(items).toHaveLength(10);
    expect(items[0].text).toMatch(/^Firefox op Windows \(deze browser\)/);
    expect(items.slice(1).every((item) => item.text.startsWith('Chrome op Android '))).toBe(true);
    expect(page.text).toContain('En nog 3 andere browsers die langer niet zijn gebruikt.');
    const api = await t.http().get('/api/v1/me/sessions').set(bearer(teacher)).expect(200);
    expect(api.body).toHaveLength(13);
  });

  it('never lists a session that expired, was signed out or was ended with the old password', async () => {
    const teacher = await t.user('teacher');
    const here = await signedIn(teacher);
    const expired = await signedIn(teacher, PHONE);
    const signedOut = await signedIn(teacher, PHONE);
    const before = await signedIn(teacher, FIREFOX);
    // A session of the account's token version before a new password: it no longer signs in.
    await t.app.get(DataSource).query(
      `UPDATE web_session SET token_version = token_version - 1
         WHERE id = (SELECT id FROM web_session WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1)`,
      [teacher.id],
    );
    expect((await before.get('/mijn-account')).status).toBe(303);
    await t.app.get(DataSource).query(
      `UPDATE web_session SET expires_at = now() - interval '1 second'
         WHERE user_id = $1 AND id = (SELECT id FROM web_session WHERE user_id = $1 AND browser = 'Chrome op Android' ORDER BY created_at LIMIT 1)`,
      [teacher.id],
    );
    await signedOut.get('/');
    expect((await signedOut.post('/uitloggen', { _formulier: signedOut.token })).status).toBe(303);
    expect((await expired.get('/mijn-account')).status).toBe(303);
    const { items } = await listed(here);
    expect(items.map((item) => item.text)).toEqual([
      expect.stringMatching(/^Firefox op Windows \(deze browser\)/),
    ]);
    const api = await t.http().get('/api/v1/me/sessions').set(bearer(teacher)).expect(200);
    expect(api.body).toHaveLength(1);
  });

  it('lists and ends sessions through the API by their id', async () => {
    const teacher = await t.user('teacher');
    const phone = await signedIn(teacher, PHONE);
    const api = await t.http().get('/api/v1/me/sessions').set(bearer(teacher)).expect(200);
    expect(api.body).toEqual([
      expect.objectContaining({ id: expect.any(String), browser: 'Chrome op Android' }),
    ]);
    expect(JSON.stringify(api.body)).not.toMatch(/idHash|id_hash/);
    const other = await t.user('teacher');
    await t.http().delete(`/api/v1/me/sessions/${api.body[0].id}`).set(bearer(other)).expect(404);
    expect((await phone.get('/mijn-account')).status).toBe(200);
    await t.http().delete(`/api/v1/me/sessions/${api.body[0].id}`).set(bearer(teacher)).expect(204);
    expect((await phone.get('/mijn-account')).status).toBe(303);
    await t.http().delete(`/api/v1/me/sessions/${api.body[0].id}`).set(bearer(teacher)).expect(404);
  });
});
