import { stringify } from 'qs';
import { DataSource } from 'typeorm';
import type { HTMLElement } from 'node-html-parser';
import { fieldId } from '../libs/web/src/forms/field-errors';
import { REQUEST_LIMIT } from '../libs/requests/src/request-rules';
import { moduleBody } from './harness/fixtures';
import { expectPage, html, mainText } from './harness/html';
import { PageBrowser } from './harness/page-browser';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

type Answer = { status: number; text: string; headers: Record<string, unknown> };

/**
 * Issue 25, "zo krijgt u het materiaal": every block page says how to get the material; a
 * request to the owner (no JavaScript needed) keeps what was typed on every refusal, is rate
 * limited, and lands in the owning PPS's inbox, which nobody else may read.
 */
describe('requests for material (e2e)', () => {
  let t: TestApp;
  let lead: TestUser;
  let otherLead: TestUser;
  let teacher: TestUser;
  let ownerPps: string;
  let otherPps: string;
  let closedAsset: string;
  let openAsset: string;
  let leadBrowser: PageBrowser;

  beforeAll(async () => {
    // Behind a proxy, so a test can say which address a request came from (X-Forwarded-For).
    t = await createTestApp({ isolated: true, env: { TRUST_PROXY: 'loopback' } });
    ownerPps = await t.ppsId('Techport mbo');
    otherPps = await t.ppsId('House of Digital');
    lead = await t.user('pps-editor', [ownerPps]);
    otherLead = await t.user('pps-editor', [otherPps]);
    teacher = await t.user('teacher');
    closedAsset = (
      await t.publish(lead, moduleBody(ownerPps, { license: 'all-rights-reserved', links: [] }))
    ).id;
    openAsset = (
      await t.publish(
        lead,
        moduleBody(ownerPps, {
          links: [
            {
              title: 'Docentenhandleiding',
              url: 'https://example.org/handleiding.pdf',
              type: 'document',
            },
            { title: 'De e-learning', url: 'https://example.org/leren', type: 'elearning' },
            { title: 'Projectsite', url: 'https://example.org/', type: 'website' },
          ],
        }),
      )
    ).id;
    leadBrowser = new PageBrowser(t);
    expect((await leadBrowser.signIn(lead)).status).toBe(303);
  });
  afterAll(() => t.close());

  const form = (values: Record<string, string>) => ({
    name: 'Sanne de Vries',
    email: 's.devries@roc-voorbeeld.nl',
    organisation: 'ROC Voorbeeld, Mechatronica',
    purpose: 'Voor leerjaar 2 BOL,\nvanaf september.',
    ...values,
  });

  async function send(
    browser: PageBrowser,
    path: string,
    values: Record<string, string> = {},
    from?: string,
  ): Promise<Answer> {
    await browser.get(path);
    return browser.postBytes(
      path,
      Buffer.from(stringify({ _formulier: browser.token, ...form(values) })),
      undefined,
      from ? { 'X-Forwarded-For': from } : {},
    );
  }

  async function stored(ppsId: string): Promise<number> {
    const [row] = (await t.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM material_request WHERE pps_id = $1', [ppsId])) as {
      n: number;
    }[];
    return row.n;
  }

  function value(page: HTMLElement, path: string): string | undefined {
    const field = page.querySelector(`#${fieldId(path)}`);
    return field?.tagName === 'TEXTAREA' ? field.text : field?.getAttribute('value');
  }

  it('says how to get the material on every block page: by route, the licence in one line, a request when it is not open', async () => {
    const open = expectPage(await t.http().get(`/bouwstenen/${openAsset}`).expect(200));
    const section = open.querySelector('section[aria-labelledby="materiaal-titel"]')!;
    expect(section.querySelector('h2')!.text.trim()).toBe('Zo krijgt u het materiaal');
    expect(section.querySelectorAll('h3').map((h) => h.text.trim())).toEqual([
      'Downloaden',
      'Online leren (e-learning en video)',
      'Op een website',
    ]);
    expect(section.text).toMatch(
      /Licentie: CC BY-SA 4\.0\.\s*U mag dit gebruiken, delen en aanpassen, ook in betaald aanbod, met naamsvermelding/,
    );
    expect(section.querySelector(`a[href="/bouwstenen/${openAsset}/aanvragen"]`)?.text).toMatch(
      /projectleider van Techport/,
    );
    const closed = expectPage(await t.http().get(`/bouwstenen/${closedAsset}`).expect(200));
    const closedSection = closed.querySelector('section[aria-labelledby="materiaal-titel"]')!;
    expect(closedSection.text).toMatch(/Bij deze bouwsteen staan geen links/);
    expect(closedSection.text).toMatch(/Alle rechten voorbehouden/);
    expect(closedSection.text).toMatch(/vraagt u Techport[^.]* om toestemming/);
    expect(
      closedSection.querySelector(`a[href="/bouwstenen/${closedAsset}/aanvragen"]`)?.text.trim(),
    ).toBe('Vraag het materiaal aan');
  });

  it("sends a request without JavaScript, confirms it in Dutch and shows it in the owner's inbox", async () => {
    const visitor = new PageBrowser(t);
    const formPage = expectPage(await visitor.get(`/bouwstenen/${closedAsset}/aanvragen`));
    expect(formPage.querySelector('form[method="post"]')?.getAttribute('action')).toBe(
      `/bouwstenen/${closedAsset}/aanvragen`,
    );
    const sent = await send(visitor, `/bouwstenen/${closedAsset}/aanvragen`);
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe(`/bouwstenen/${closedAsset}/aanvragen/verstuurd`);
    const confirmation = expectPage(await visitor.get(String(sent.headers.location)));
    expect(mainText(confirmation)).toMatch(
      /Uw verzoek is verstuurd naar de projectleider van Techport mbo, over ".*"\..*U hoort van de projectleider van Techport mbo op het e-mailadres dat u opgaf/,
    );
    expect(mainText(confirmation)).not.toContain('s.devries');

    const inbox = expectPage(await leadBrowser.get(`/mijn-pps/verzoeken?pps=${ownerPps}`));
    const entry = inbox.querySelector('.request-list li')!;
    expect(entry.querySelector('h2')!.text).toBe(
      'Nieuw: Sanne de Vries, ROC Voorbeeld, Mechatronica',
    );
    expect(entry.text).toContain('Voor leerjaar 2 BOL,\nvanaf september.');
    expect(entry.querySelector('a[href="mailto:s.devries@roc-voorbeeld.nl"]')).not.toBeNull();
    expect(entry.text).toContain('Wacht op antwoord');
    const dashboard = await leadBrowser.get(`/mijn-pps?pps=${ownerPps}`);
    expect(mainText(html(dashboard))).toContain('Verzoeken (1 nieuw)');
    expect(entry.querySelector('.request-entry__new')?.text).toBe('Nieuw:');
    expect(mainText(inbox)).toMatch(/1 nieuw verzoek wacht op antwoord/);
  });

  it('keeps what was typed when validation fails, naming each field (a NUL included)', async () => {
    const visitor = new PageBrowser(t);
    const answer = await send(visitor, `/bouwstenen/${closedAsset}/aanvragen`, {
      name: '',
      email: 'geen-adres',
      purpose: 'Voor de klas\u0000',
    });
    expect(answer.status).toBe(400);
    const page = html(answer as never);
    expect(page.querySelector('title')?.text).toMatch(/^Fout: /);
    const summary = page.querySelectorAll('#foutmeldingen a').map((a) => a.getAttribute('href'));
    expect(summary.sort()).toEqual(['#veld-email', '#veld-name', '#veld-purpose']);
    expect(value(page, 'email')).toBe('geen-adres');
    expect(value(page, 'organisation')).toBe('ROC Voorbeeld, Mechatronica');
    expect(value(page, 'purpose')).toBe('Voor de klas␀');
    expect(page.querySelector(`#${fieldId('email')}-fout`)?.text).toMatch(/geldig e-mailadres/);
    expect(page.querySelector(`#${fieldId('name')}-fout`)?.text.trim()).toBe('Vul dit veld in.');
  });

  it('refuses the next request from one address after the limit, with Retry-After, keeping the input', async () => {
    const visitor = new PageBrowser(t);
    // One was sent in the test above from this address (127.0.0.1).
    for (let n = 1; n < REQUEST_LIMIT; n++) {
      const ok = await send(visitor, `/pps/${ownerPps}/vraag`, {
        email: `docent${n}@school.nl`,
      });
      expect(ok.status).toBe(303);
    }
    const refused = await send(visitor, `/pps/${ownerPps}/vraag`, {
      email: 'nog-een@school.nl',
      purpose: 'Nog een vraag',
    });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3000);
    const page = html(refused as never);
    expect(page.querySelector(`#${fieldId('email')}-fout`)?.text).toMatch(/afgelopen uur/);
    expect(value(page, 'email')).toBe('nog-een@school.nl');
    expect(value(page, 'purpose')).toBe('Nog een vraag');
  });

  it("lets only the owning PPS read its inbox: a teacher and another PPS's lead are refused", async () => {
    const teacherBrowser = new PageBrowser(t);
    expect((await teacherBrowser.signIn(teacher)).status).toBe(303);
    expect((await teacherBrowser.get(`/mijn-pps/verzoeken?pps=${ownerPps}`)).status).toBe(403);
    const other = new PageBrowser(t);
    expect((await other.signIn(otherLead)).status).toBe(303);
    const refused = await other.get(`/mijn-pps/verzoeken?pps=${ownerPps}`);
    expect(refused.status).toBe(403);
    expect(refused.text).not.toContain('s.devries');
    const own = await other.get(`/mijn-pps/verzoeken?pps=${otherPps}`);
    expect(own.status).toBe(200);
    expect(own.text).not.toContain('s.devries');
    expect((await t.http().get(`/mijn-pps/verzoeken?pps=${ownerPps}`)).status).not.toBe(200);

    const inbox = html(await leadBrowser.get(`/mijn-pps/verzoeken?pps=${ownerPps}`));
    const action = inbox.querySelector('.request-list li form')!.getAttribute('action')!;
    const stranger = await other.post(action, { _formulier: other.token, afgehandeld: 'ja' });
    expect(stranger.status).toBe(404);
    const done = await leadBrowser.post(action, {
      _formulier: leadBrowser.token,
      afgehandeld: 'ja',
      terug: `/mijn-pps/verzoeken?pps=${ownerPps}`,
    });
    expect(done.status).toBe(303);
    const after = html(await leadBrowser.get(String(done.headers.location)));
    expect(mainText(after)).toContain('Het verzoek staat nu bij de afgehandelde verzoeken.');
    expect(mainText(after)).toMatch(/Afgehandeld op/);
  });

  it('names a contact role with a way to reach it on the PPS page', async () => {
    const page = expectPage(await t.http().get(`/pps/${ownerPps}`).expect(200));
    const contact = page.querySelector('section[aria-labelledby="contact-titel"]')!;
    expect(contact.text).toMatch(/Contact: de projectleider van Techport mbo\./);
    expect(contact.querySelector(`a[href="/pps/${ownerPps}/vraag"]`)).not.toBeNull();
    await t.http().get('/bouwstenen/00000000-0000-4000-8000-000000000000/aanvragen').expect(404);
    await t.http().get('/pps/niet-een-id/vraag').expect(404);
  });

  it('asks a PPS a question in words of its own, not those of a material request', async () => {
    const visitor = new PageBrowser(t);
    const page = expectPage(await visitor.get(`/pps/${ownerPps}/vraag`));
    expect(page.querySelector('h1')!.text.trim()).toBe('Een vraag aan Techport mbo');
    expect(page.querySelector(`label[for="${fieldId('purpose')}"]`)!.text).toMatch(/Uw vraag/);
    expect(page.querySelector('button[type="submit"]')!.text.trim()).toBe('Vraag versturen');
    expect(mainText(page)).not.toMatch(/materiaal aanvragen|Verzoek versturen|Waarvoor wilt u/i);
    const sent = await send(
      visitor,
      `/pps/${ownerPps}/vraag`,
      { email: 'vraag@school.nl' },
      '198.51.100.40',
    );
    expect(sent.status).toBe(303);
    const confirmation = expectPage(await visitor.get(String(sent.headers.location)));
    expect(confirmation.querySelector('h1')!.text.trim()).toBe('Uw vraag is verstuurd');
    expect(mainText(confirmation)).toContain(
      'Uw vraag is verstuurd naar de projectleider van Techport mbo.',
    );
    const asset = expectPage(await visitor.get(`/bouwstenen/${closedAsset}/aanvragen`));
    expect(asset.querySelector('button[type="submit"]')!.text.trim()).toBe('Verzoek versturen');
  });

  it('counts an IPv6 sender per /64 and an e-mail address without case or +tag', async () => {
    const visitor = new PageBrowser(t);
    const path = `/pps/${ownerPps}/vraag`;
    for (let n = 1; n <= REQUEST_LIMIT; n++) {
      const ok = await send(visitor, path, { email: `zes${n}@school.nl` }, `2001:db8:64:1::${n}`);
      expect(ok.status).toBe(303);
    }
    const sameNetwork = await send(
      visitor,
      path,
      { email: 'zeven@school.nl' },
      '2001:db8:64:1:ffff:eeee:dddd:cccc',
    );
    expect(sameNetwork.status).toBe(429);
    expect(value(html(sameNetwork as never), 'email')).toBe('zeven@school.nl');
    const otherNetwork = await send(visitor, path, { email: 'acht@school.nl' }, '2001:db8:64:2::1');
    expect(otherNetwork.status).toBe(303);

    for (let n = 1; n <= REQUEST_LIMIT; n++) {
      const ok = await send(visitor, path, { email: `Jan+${n}@School.nl` }, `203.0.113.${n}`);
      expect(ok.status).toBe(303);
    }
    const sameMailbox = await send(visitor, path, { email: 'jan@school.nl' }, '203.0.113.99');
    expect(sameMailbox.status).toBe(429);
  });

  it('counts the address the trusted proxy saw, not one the client wrote before it', async () => {
    const visitor = new PageBrowser(t);
    const path = `/pps/${ownerPps}/vraag`;
    // TRUST_PROXY=loopback: only the loopback hop is believed, so the right-most entry (what
    // the proxy saw) is the sender, whatever the client put before it.
    for (let n = 1; n <= REQUEST_LIMIT; n++) {
      const ok = await send(
        visitor,
        path,
        { email: `vals${n}@school.nl` },
        `198.51.100.${n}, 192.0.2.77`,
      );
      expect(ok.status).toBe(303);
    }
    const rotated = await send(
      visitor,
      path,
      { email: 'vals9@school.nl' },
      '198.51.100.200, 192.0.2.77',
    );
    expect(rotated.status).toBe(429);
  });

  it('refuses a look-alike e-mail address (non-ASCII letters), keeping what was typed', async () => {
    const visitor = new PageBrowser(t);
    const answer = await send(
      visitor,
      `/pps/${ownerPps}/vraag`,
      { email: 's\u0430nne@school.nl' },
      '192.0.2.88',
    );
    expect(answer.status).toBe(400);
    expect(value(html(answer as never), 'email')).toBe('s\u0430nne@school.nl');
  });

  it('offers no request form for a PPS nobody of which reads requests, and stores nothing posted anyway', async () => {
    const admin = await t.user('admin');
    const quietPps = await t.ppsId('GO2');
    const member = await t.user('pps-editor', [quietPps]);
    const asset = (
      await t.publish(admin, moduleBody(quietPps, { license: 'all-rights-reserved', links: [] }))
    ).id;
    await t
      .http()
      .patch(`/api/v1/pps/${quietPps}`)
      .set(bearer(admin))
      .set('If-Match', `"${(await t.http().get(`/api/v1/pps/${quietPps}`)).body.revision}"`)
      .send({ website: 'https://go2.example.org/contact' })
      .expect(200);
    const setActive = async (active: boolean) =>
      t
        .http()
        .patch(`/api/v1/users/${member.id}`)
        .set(bearer(admin))
        .set(await t.userEtag(member.id))
        .send({ active })
        .expect(200);

    // Its only member account is deactivated: nobody would read a request.
    await setActive(false);
    const block = expectPage(await t.http().get(`/bouwstenen/${asset}`).expect(200));
    expect(block.querySelector(`a[href="/bouwstenen/${asset}/aanvragen"]`)).toBeNull();
    const material = block.querySelector('section[aria-labelledby="materiaal-titel"]')!;
    expect(material.text).toMatch(/GO2 ontvangt nog geen verzoeken via Bouwsteen/);
    expect(material.querySelector('a[href="https://go2.example.org/contact"]')).not.toBeNull();
    const ppsPage = expectPage(await t.http().get(`/pps/${quietPps}`).expect(200));
    expect(ppsPage.querySelector(`a[href="/pps/${quietPps}/vraag"]`)).toBeNull();
    expect(mainText(ppsPage)).toMatch(/ontvangt nog geen verzoeken via Bouwsteen/);
    for (const path of [`/pps/${quietPps}/vraag`, `/bouwstenen/${asset}/aanvragen`]) {
      const page = expectPage(await t.http().get(path).expect(200));
      expect(page.querySelector('form[method="post"]')).toBeNull();
      expect(page.querySelector('a[href="https://go2.example.org/contact"]')).not.toBeNull();

      const visitor = new PageBrowser(t);
      await visitor.get(`/pps/${ownerPps}/vraag`); // a form token from a page that has a form
      const answer = await visitor.postBytes(
        path,
        Buffer.from(
          stringify({ _formulier: visitor.token, ...form({ purpose: 'Mijn vraag hier' }) }),
        ),
        undefined,
        { 'X-Forwarded-For': '192.0.2.10' },
      );
      expect(answer.status).toBe(409);
      const refused = html(answer as never);
      expect(refused.querySelector('[role="alert"]')!.text).toMatch(
        /kan via Bouwsteen nog geen verzoeken ontvangen.*niet verstuurd en niet bewaard/s,
      );
      expect(value(refused, 'purpose')).toBe('Mijn vraag hier');
      expect(refused.querySelector('a[href="https://go2.example.org/contact"]')).not.toBeNull();
    }
    expect(await stored(quietPps)).toBe(0);

    // Active again: the form is offered.
    await setActive(true);
    const again = expectPage(await t.http().get(`/bouwstenen/${asset}`).expect(200));
    expect(again.querySelector(`a[href="/bouwstenen/${asset}/aanvragen"]`)).not.toBeNull();
    const formPage = expectPage(await t.http().get(`/pps/${quietPps}/vraag`).expect(200));
    expect(formPage.querySelector('form[method="post"]')).not.toBeNull();
  });

  it('refuses a request for an archived block in Dutch, keeps what was typed and stores nothing', async () => {
    const asset = await t.publish(
      lead,
      moduleBody(ownerPps, { license: 'all-rights-reserved', links: [] }),
    );
    const visitor = new PageBrowser(t);
    const path = `/bouwstenen/${asset.id}/aanvragen`;
    await visitor.get(path);
    const token = visitor.token;
    await t
      .http()
      .post(`/api/v1/assets/${asset.id}/archive`)
      .set(bearer(lead))
      .set('If-Match', asset.etag)
      .send({})
      .expect(200);
    const before = await stored(ownerPps);
    const answer = await visitor.postBytes(
      path,
      Buffer.from(stringify({ _formulier: token, ...form({ purpose: 'Voor mijn klas' }) })),
      undefined,
      { 'X-Forwarded-For': '192.0.2.20' },
    );
    expect(answer.status).toBe(409);
    const refused = html(answer as never);
    expect(refused.querySelector('title')!.text).toMatch(/^Fout: /);
    expect(refused.querySelector('[role="alert"]')!.text).toMatch(/Deze bouwsteen is gearchiveerd/);
    expect(value(refused, 'purpose')).toBe('Voor mijn klas');
    expect(value(refused, 'email')).toBe('s.devries@roc-voorbeeld.nl');
    expect(await stored(ownerPps)).toBe(before);

    const block = expectPage(await t.http().get(`/bouwstenen/${asset.id}`).expect(200));
    expect(block.querySelector(`a[href="${path}"]`)).toBeNull();
    expect(mainText(block)).toMatch(/het materiaal aanvragen kan niet meer/);
    const formPage = expectPage(await t.http().get(path).expect(200));
    expect(formPage.querySelector('form[method="post"]')).toBeNull();
  });
});
