import { moduleBody, practiceBody } from './harness/fixtures';
import { html } from './harness/html';
import { PageBrowser } from './harness/page-browser';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

/** The list pages as forms post them: picker, errors beside fields, privacy, a course from a list. */
describe('lists pages (e2e)', () => {
  let t: TestApp;
  let llo: TestUser;
  let module: { id: string; title: string };
  let practice: { id: string; title: string };

  beforeAll(async () => {
    t = await createTestApp();
    const ppsId = await t.ppsId('GreenTechNHN');
    const editor = await t.user('pps-editor', [ppsId]);
    llo = await t.lloOffice('LLO-loket Lijstpagina');
    module = await t.publish(editor, moduleBody(ppsId));
    practice = await t.publish(editor, practiceBody(ppsId));
  });
  afterAll(() => t.close());

  async function signedIn(user: TestUser): Promise<PageBrowser> {
    const browser = new PageBrowser(t);
    expect((await browser.signIn(user)).status).toBe(303);
    await browser.get('/mijn-lijsten');
    return browser;
  }

  it('puts blocks on a list from their page, and makes a draft course of it naming what stayed out', async () => {
    const browser = await signedIn(llo);
    const nameless = await browser.post(`/bouwstenen/${module.id}/op-lijst`, {
      _formulier: browser.token,
      lijst: 'nieuw',
      naam: '   ',
    });
    expect(nameless.status).toBe(400);
    expect(nameless.text).toContain('Er is een probleem');
    const made = await browser.post(`/bouwstenen/${module.id}/op-lijst`, {
      _formulier: browser.token,
      lijst: 'nieuw',
      naam: 'Omscholing lassen',
    });
    expect([made.status, made.headers.location]).toEqual([
      303,
      `/bouwstenen/${module.id}?melding=op-lijst`,
    ]);
    const block = await browser.get(`/bouwstenen/${practice.id}`);
    const listId = /<option value="([0-9a-f-]{36})"[^>]*>Omscholing lassen<\/option>/.exec(
      block.text,
    )![1];
    await browser.post(`/bouwstenen/${practice.id}/op-lijst`, {
      _formulier: browser.token,
      lijst: listId,
    });
    const again = await browser.post(`/bouwstenen/${practice.id}/op-lijst`, {
      _formulier: browser.token,
      lijst: listId,
    });
    expect(again.headers.location).toContain('melding=al-op-lijst');

    const page = await browser.get(`/mijn-lijsten/${listId}`);
    expect(page.text).toContain('Maak een cursus van deze lijst');
    // The items are one form: a refused note comes back with every note as typed, nothing saved.
    const notes = (first: string, second: string) => ({
      [`notitie[${module.id}]`]: first,
      [`notitie[${practice.id}]`]: second,
    });
    const note = await browser.post(`/mijn-lijsten/${listId}/onderdelen`, {
      _formulier: browser.token,
      ...notes('x'.repeat(501), 'Voor de tweede periode'),
      actie: `notitie:${module.id}`,
    });
    expect(note.status).toBe(400);
    const refused = html(note);
    expect(refused.querySelector(`#notitie-${module.id}-fout`)).not.toBeNull();
    expect(refused.querySelector(`#notitie-${module.id}`)!.text).toBe('x'.repeat(501));
    expect(refused.querySelector(`#notitie-${practice.id}`)!.text).toBe('Voor de tweede periode');
    const stored = async () =>
      (await t.http().get(`/api/v1/me/lists/${listId}`).set(bearer(llo))).body.items.map(
        (item: { assetId: string; note: string }) => [item.assetId, item.note],
      );
    expect(await stored()).toEqual([
      [module.id, ''],
      [practice.id, ''],
    ]);
    // Any button keeps what was typed in every note: "Omlaag" on the first saves both notes.
    const moved = await browser.post(`/mijn-lijsten/${listId}/onderdelen`, {
      _formulier: browser.token,
      ...notes('Eerst de veiligheidsles', 'Voor de tweede periode'),
      actie: `omlaag:${module.id}`,
    });
    expect([moved.status, moved.headers.location]).toEqual([
      303,
      `/mijn-lijsten/${listId}?melding=verplaatst-en-notities`,
    ]);
    expect(await stored()).toEqual([
      [practice.id, 'Voor de tweede periode'],
      [module.id, 'Eerst de veiligheidsles'],
    ]);

    const noEmployer = await browser.post(`/mijn-lijsten/${listId}/cursus`, {
      _formulier: browser.token,
      audience: 'worker',
    });
    expect(noEmployer.status).toBe(400);
    expect(noEmployer.text).toContain('href="#veld-employer-name"');
    const course = await browser.post(`/mijn-lijsten/${listId}/cursus`, {
      _formulier: browser.token,
      'employer[name]': 'Lasbedrijf De Vonk',
      audience: 'worker',
    });
    // A page of its own after the POST: a reload reads it again and makes no second course.
    expect(course.status).toBe(303);
    const receipt = course.headers.location as string;
    expect(receipt).toMatch(new RegExp(`^/mijn-lijsten/${listId}/cursus/[0-9a-f-]{36}$`));
    const courseId = receipt.split('/').pop()!;
    for (const read of [await browser.get(receipt), await browser.get(receipt)]) {
      expect(read.status).toBe(200);
      expect(read.text).toContain('Cursus gemaakt');
      expect(read.text).toContain(`${practice.title}: een cursus kan deze soort niet bevatten`);
      expect(read.text).toContain(`href="/mijn-cursussen/${courseId}"`);
    }
    const courses = await t.http().get('/api/v1/courses').set(bearer(llo));
    expect(courses.body.items.filter((item: { id: string }) => item.id === courseId)).toHaveLength(
      1,
    );
    expect(courses.body.totalItems).toBe(1);

    const stranger = await signedIn(await t.user('teacher'));
    expect((await stranger.get(`/mijn-lijsten/${listId}`)).status).toBe(404);
    expect((await stranger.get(receipt)).status).toBe(404);
    const taken = await stranger.post(`/mijn-lijsten/${listId}/onderdelen`, {
      _formulier: stranger.token,
      actie: `weg:${module.id}`,
    });
    expect(taken.status).toBe(404);
    expect((await t.http().get('/mijn-lijsten').set('Accept', 'text/html')).status).toBe(303);
  });

  it('offers "public" only to an account with an organisation, and refuses it otherwise keeping what was typed', async () => {
    const teacher = await t.user('teacher');
    const made = await t
      .http()
      .post('/api/v1/me/lists')
      .set(bearer(teacher))
      .send({ name: 'Lassen' })
      .expect(201);
    const browser = await signedIn(teacher);
    const path = `/mijn-lijsten/${made.body.id}`;
    const page = html(await browser.get(path));
    const options = (root: typeof page) =>
      root
        .querySelectorAll('#veld-visibility option')
        .map((option) => option.getAttribute('value'));
    expect(options(page)).toEqual(['private']);
    expect(page.querySelector('#veld-visibility-hint')!.text).toContain(
      'Openbaar maken kan als uw account bij een organisatie hoort',
    );
    const refused = await browser.post(path, {
      _formulier: browser.token,
      versie: '1',
      name: 'Lassen voor iedereen',
      description: 'Mijn beschrijving',
      visibility: 'public',
    });
    expect(refused.status).toBe(400);
    const again = html(refused);
    expect(again.querySelector('#veld-visibility-fout')!.text).toContain(
      'uw account hoort (nog) niet bij een organisatie',
    );
    expect(again.querySelector('#veld-name')!.getAttribute('value')).toBe('Lassen voor iedereen');
    expect(again.querySelector('#veld-description')!.text).toBe('Mijn beschrijving');

    const office = await signedIn(llo);
    const own = await t
      .http()
      .post('/api/v1/me/lists')
      .set(bearer(llo))
      .send({ name: 'Voor werkgevers' })
      .expect(201);
    const offered = html(await office.get(`/mijn-lijsten/${own.body.id}`));
    expect(options(offered)).toEqual(['private', 'public']);
    const saved = await office.post(`/mijn-lijsten/${own.body.id}`, {
      _formulier: office.token,
      versie: '1',
      name: 'Voor werkgevers',
      visibility: 'public',
    });
    expect(saved.status).toBe(303);
  });
});
