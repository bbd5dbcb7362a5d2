import { randomBytes } from 'node:crypto';
import { SavedSearchAlerts } from '@bouwsteen/lists';
import { moduleBody } from './harness/fixtures';
import { expectPage, html } from './harness/html';
import { PageBrowser } from './harness/page-browser';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

interface Note {
  id: string;
  type: string;
  message: string;
  readAt: string | null;
}

/**
 * "Meldingen" for every signed-in person: a teacher (who cannot open /mijn-pps) reads a
 * saved-search alert and a new version of a block they follow, marks them read with plain
 * forms, and nobody else sees or touches them.
 */
describe('the notifications page (e2e)', () => {
  let t: TestApp;
  let editor: TestUser;
  let anna: TestUser;
  let bram: TestUser;
  let followed: { id: string; etag: string; title: string };
  let savedId: string;
  let needle: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.startWorker();
    const ppsId = await t.ppsId('GreenTechNHN');
    editor = await t.user('pps-editor', [ppsId]);
    anna = await t.user('teacher');
    bram = await t.user('teacher');
    needle = `meldwoord${randomBytes(4).toString('hex').replace(/\d/g, 'q')}`;
    followed = await t.publish(editor, moduleBody(ppsId, { title: 'Veilig werken met cobots' }));
    await t.http().put(`/api/v1/me/follows/assets/${followed.id}`).set(bearer(anna)).expect(204);
    const saved = await t
      .http()
      .post('/api/v1/me/saved-searches')
      .set(bearer(anna))
      .send({ name: 'Mijn meldwoord', query: `q=${needle}`, alerts: true })
      .expect(201);
    savedId = saved.body.id;
    await t.worker().get(SavedSearchAlerts).runOnce();

    await t.publish(editor, moduleBody(ppsId, { title: `Robotarm programmeren ${needle}` }));
    followed = {
      ...followed,
      ...(await t.publishNewVersion(editor, followed, { summary: 'Nu met een cobot-checklist.' })),
    };
    await t.indexed();
    await t.worker().get(SavedSearchAlerts).runOnce();
  });
  afterAll(() => t.close());

  const notes = async (user: TestUser): Promise<Note[]> =>
    (await t.http().get('/api/v1/me/notifications?pageSize=100').set(bearer(user)).expect(200)).body
      .items;

  async function signedIn(user: TestUser): Promise<PageBrowser> {
    const browser = new PageBrowser(t);
    expect((await browser.signIn(user)).status).toBe(303);
    return browser;
  }

  it("shows a teacher's saved-search alert and new version, newest first, unread marked, with links and the count in the header", async () => {
    const browser = await signedIn(anna);
    expect((await browser.get('/mijn-pps')).status).toBe(403);
    const answer = await browser.get('/mijn-meldingen');
    expect(answer.status).toBe(200);
    const page = expectPage(answer);
    expect(page.querySelector('h1')!.text).toBe('Meldingen');
    const entries = page.querySelectorAll('li.notification-entry');
    // The alert run came after the new version: it is the newest.
    expect(entries.map((entry) => entry.querySelector('a')!.text.trim())).toEqual([
      '1 nieuwe bouwsteen voor uw zoekopdracht "Mijn meldwoord"',
      'Nieuwe versie (2) van "Veilig werken met cobots"',
    ]);
    expect(entries.map((entry) => entry.querySelector('a')!.getAttribute('href'))).toEqual([
      `/mijn-zoekopdrachten/${savedId}/openen`,
      `/bouwstenen/${followed.id}`,
    ]);
    expect(entries.every((entry) => entry.classList.contains('is-unread'))).toBe(true);
    expect(entries.every((entry) => entry.text.includes('Nieuw:'))).toBe(true);
    expect(entries[1].text).toContain('u volgt deze bouwsteen');
    expect(page.text).not.toMatch(/new-version|saved-search/);
    const header = page.querySelector('a[href="/mijn-meldingen"]')!;
    expect(header.getAttribute('aria-current')).toBe('page');
    expect(header.text.replace(/\s+/g, ' ').trim()).toBe('Meldingen 2 ongelezen');
    expect(page.text).toContain('Ongelezen (2)');

    // Linked from where a person looks: the account page and the saved searches.
    for (const path of ['/mijn-account', '/mijn-zoekopdrachten']) {
      const from = html(await browser.get(path));
      expect(from.querySelector('main a[href="/mijn-meldingen"]')).toBeTruthy();
    }
  });

  it('marks one read by a plain form, back where it was pressed; others neither see nor mark it', async () => {
    const [version] = (await notes(anna)).filter((note) => note.type === 'new-version');
    const browser = await signedIn(anna);
    await browser.get('/mijn-meldingen?alleen=ongelezen');
    const bare = await browser.post(`/mijn-meldingen/${version.id}/gelezen`, {});
    expect(bare.status).toBe(403);

    const stranger = await signedIn(bram);
    const theirs = html(await stranger.get('/mijn-meldingen'));
    expect(theirs.querySelectorAll('li.notification-entry')).toHaveLength(0);
    expect(theirs.text).toContain('U heeft nog geen meldingen');
    expect(theirs.text).not.toContain('cobots');
    const taken = await stranger.post(`/mijn-meldingen/${version.id}/gelezen`, {
      _formulier: stranger.token,
    });
    expect(taken.status).toBe(404);
    expect(taken.text).toContain('Melding niet gevonden');
    expect((await notes(anna)).find((note) => note.id === version.id)!.readAt).toBeNull();

    const marked = await browser.post(`/mijn-meldingen/${version.id}/gelezen`, {
      _formulier: browser.token,
      terug: '/mijn-meldingen?alleen=ongelezen#meldingen-lijst',
    });
    expect([marked.status, marked.headers.location]).toEqual([
      303,
      '/mijn-meldingen?alleen=ongelezen#meldingen-lijst',
    ]);
    expect((await notes(anna)).find((note) => note.id === version.id)!.readAt).not.toBeNull();
    const unread = html(await browser.get('/mijn-meldingen?alleen=ongelezen'));
    expect(unread.querySelectorAll('li.notification-entry')).toHaveLength(1);
    expect(unread.querySelector('a[href="/mijn-meldingen"] .site-account__count')!.text).toBe('1');
    const all = html(await browser.get('/mijn-meldingen'));
    expect(all.querySelectorAll('li.is-read')).toHaveLength(1);
    expect(all.querySelector('li.is-read form')).toBeNull();

    // Another site as the way back is refused: it goes to the page itself.
    const [alert] = (await notes(anna)).filter((note) => note.type === 'saved-search');
    const away = await browser.post(`/mijn-meldingen/${alert.id}/gelezen`, {
      _formulier: browser.token,
      terug: '//elders.example/pagina',
    });
    expect(away.headers.location).toBe('/mijn-meldingen#meldingen-lijst');
  });

  it('marks everything read up to what the page showed; what came later stays unread', async () => {
    const carla = await t.user('teacher');
    await t.http().put(`/api/v1/me/follows/assets/${followed.id}`).set(bearer(carla)).expect(204);
    followed = {
      ...followed,
      ...(await t.publishNewVersion(editor, followed, {
        summary: 'Nu ook met een oefening voor het derde leerjaar.',
      })),
    };
    const browser = await signedIn(carla);
    const page = html(await browser.get('/mijn-meldingen'));
    const form = page.querySelector('form[action="/mijn-meldingen/alles-gelezen"]')!;
    const upTo = form.querySelector('input[name="tot"]')!.getAttribute('value')!;
    expect(form.querySelector('button')!.text.trim()).toBe('Markeer alles als gelezen');

    // A new version arrives after the page was shown, before the button is pressed.
    followed = {
      ...followed,
      ...(await t.publishNewVersion(editor, followed, {
        summary: 'Nu ook met een oefening voor het vierde leerjaar.',
      })),
    };
    const done = await browser.post('/mijn-meldingen/alles-gelezen', {
      _formulier: browser.token,
      tot: upTo,
    });
    expect([done.status, done.headers.location]).toEqual([
      303,
      '/mijn-meldingen?melding=alles-gelezen',
    ]);
    const after = html(await browser.get(String(done.headers.location)));
    expect(after.text).toContain('Al uw meldingen staan nu op gelezen.');
    const left = after.querySelectorAll('li.is-unread');
    expect(left.map((entry) => entry.querySelector('a')!.text.trim())).toEqual([
      'Nieuwe versie (4) van "Veilig werken met cobots"',
    ]);

    // Through the API: the rest, then nothing unread; a date that is none is a 400.
    await t
      .http()
      .post('/api/v1/me/notifications/read')
      .set(bearer(carla))
      .send({ upTo: 'gisteren' })
      .expect(400);
    const api = await t
      .http()
      .post('/api/v1/me/notifications/read')
      .set(bearer(carla))
      .send({})
      .expect(200);
    expect(api.body).toEqual({ marked: 1 });
    const empty = html(await browser.get('/mijn-meldingen?alleen=ongelezen'));
    expect(empty.text).toContain('U heeft geen ongelezen meldingen.');
    expect(empty.querySelector('form[action="/mijn-meldingen/alles-gelezen"]')).toBeNull();
    expect(empty.querySelector('.site-account__count')).toBeNull();
  });

  it("shows a PPS lead's latest on /mijn-pps with the same forms, which come back there", async () => {
    const otherPps = await t.ppsId('Techport mbo');
    const lead = await t.user('pps-editor', [otherPps]);
    await t.http().put(`/api/v1/me/follows/assets/${followed.id}`).set(bearer(lead)).expect(204);
    followed = {
      ...followed,
      ...(await t.publishNewVersion(editor, followed, {
        summary: 'Nu ook met een oefening voor de praktijkles.',
      })),
    };
    const browser = await signedIn(lead);
    const dashboard = html(await browser.get(`/mijn-pps?pps=${otherPps}`));
    const form = dashboard.querySelector('.notification-list form')!;
    const back = form.querySelector('input[name="terug"]')!.getAttribute('value');
    expect(back).toBe(`/mijn-pps?pps=${otherPps}#meldingen-titel`);
    expect(dashboard.querySelector('a[href="/mijn-meldingen"]')).toBeTruthy();
    const marked = await browser.post(form.getAttribute('action')!, {
      _formulier: browser.token,
      terug: back!,
    });
    expect([marked.status, marked.headers.location]).toEqual([303, back]);
    expect((await notes(lead)).every((note) => note.readAt !== null)).toBe(true);
  });

  it('keeps paging bounded and asks to sign in first', async () => {
    const browser = await signedIn(anna);
    const far = await browser.get('/mijn-meldingen?pagina=99999');
    expect(far.status).toBe(200);
    expect(far.text).toContain('Op deze pagina staan geen meldingen meer.');
    expect((await browser.get('/mijn-meldingen?pagina=twee')).status).toBe(200);
    const anonymous = await t.http().get('/mijn-meldingen').set('Accept', 'text/html');
    expect([anonymous.status, anonymous.headers.location]).toEqual([
      303,
      '/inloggen?terug=%2Fmijn-meldingen',
    ]);
  });
});
