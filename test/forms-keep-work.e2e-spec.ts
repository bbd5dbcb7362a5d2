import { stringify } from 'qs';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import type { HTMLElement } from 'node-html-parser';
import { fieldId } from '../libs/web/src/forms/field-errors';
import { moduleBody, unique } from './harness/fixtures';
import { html } from './harness/html';
import { PageBrowser } from './harness/page-browser';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

/** What Word and PowerPoint put on the clipboard: a soft line break, NBSP, zero-width spaces. */
const PASTED = 'Lassen\u000Bvoor\u00A0beginners\u200B en\u202Fgevorderden\uFEFF';
const ONE_LINE = 'Lassen voor beginners en gevorderden';
const LINES = 'Lassen\nvoor beginners en gevorderden';
/** More than a form post may hold (BODY_LIMIT, 256 kB). */
const HUGE = 'Een heel lang voorstel. '.repeat(12_800);

type Answer = { status: number; text: string; headers: Record<string, unknown> };

/**
 * Issue 24, item 3: a form never loses work. Each form below is posted as a browser posts it,
 * with pasted text (saved, normalised), a NUL (the form again, named per field), a body over the
 * limit (the form again, what fit kept) and each refusal (409) the person can fix: the same
 * reuse twice, reuse of one's own block, an invitation to an e-mail that has an account.
 */
describe('forms keep the work (e2e)', () => {
  let t: TestApp;
  let lead: TestUser;
  let admin: TestUser;
  let ownPps: string;
  let otherPps: string;
  let otherAsset: string;
  let ownAsset: string;
  let browser: PageBrowser;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    ownPps = await t.ppsId('Techport mbo');
    otherPps = await t.ppsId('House of Digital');
    lead = await t.user('pps-editor', [ownPps]);
    admin = await t.user('admin');
    const otherLead = await t.user('pps-editor', [otherPps]);
    otherAsset = (await t.publish(otherLead, moduleBody(otherPps))).id;
    ownAsset = (await t.publish(lead, moduleBody(ownPps))).id;
    browser = new PageBrowser(t);
    expect((await browser.signIn(lead)).status).toBe(303);
  });
  afterAll(() => t.close());

  /** The form again: Dutch, "Fout: " title, the summary first after the heading, links that land. */
  function failedForm(response: Answer, status = 400): HTMLElement {
    expect({ status: response.status, type: String(response.headers['content-type']) }).toEqual({
      status,
      type: expect.stringContaining('text/html'),
    });
    const page = html({ text: response.text } as never);
    expect(page.querySelector('title')?.text).toMatch(/^Fout: /);
    const summary = page.querySelector('#foutmeldingen');
    expect(summary?.getAttribute('tabindex')).toBe('-1');
    expect(summary?.hasAttribute('autofocus')).toBe(true);
    expect(summary?.querySelector('h2')?.text).toBe('Er is een probleem');
    const links = summary?.querySelectorAll('a') ?? [];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      // Each line names its field in Dutch, and a question is not followed by a colon.
      expect(link.text).not.toMatch(/\?:|^Formulier:|^\w+(\.\w+)+:/);
      const target = link.getAttribute('href')!.slice(1);
      expect({ link: link.text, exists: !!page.getElementById(target) }).toEqual({
        link: link.text,
        exists: true,
      });
    }
    expect(response.text).not.toMatch(/"type":|problem\+json|must not|is required/);
    return page;
  }

  function firstAfterHeading(page: HTMLElement): void {
    expect(page.querySelector('h1')?.nextElementSibling?.id).toBe('foutmeldingen');
  }

  function message(page: HTMLElement, path: string): string {
    return page.querySelector(`#${fieldId(path)}-fout`)?.text.trim() ?? '';
  }

  function inputValue(page: HTMLElement, path: string): string | undefined {
    const field = page.querySelector(`#${fieldId(path)}`);
    return field?.tagName === 'TEXTAREA' ? field.text : field?.getAttribute('value');
  }

  const post = (browserOf: PageBrowser, path: string, form: Record<string, unknown>) =>
    browserOf.postBytes(
      path,
      Buffer.from(stringify(form, { arrayFormat: 'brackets', encodeValuesOnly: true })),
    );

  describe('recording reuse (/bouwstenen/:id/hergebruiken)', () => {
    const reuse = async (context: string, extra: Record<string, unknown> = {}) => {
      await browser.get(`/bouwstenen/${otherAsset}/hergebruiken`);
      return post(browser, `/bouwstenen/${otherAsset}/hergebruiken`, {
        _formulier: browser.token,
        adopterPpsId: ownPps,
        mode: 'adapted',
        context,
        reachStudents: '40',
        ...extra,
      });
    };
    const recorded = async () =>
      (await t.http().get(`/api/v1/assets/${otherAsset}/reuses`).set(bearer(lead)).expect(200)).body
        .items as { context: string }[];

    it('names a NUL beside the field, shows it as ␀ and keeps the rest; stores nothing', async () => {
      const page = failedForm(await reuse('BOL Software\u0000Developer'));
      firstAfterHeading(page);
      expect(message(page, 'context')).toMatch(/niet kan worden opgeslagen.*␀.*Haal het weg/);
      expect(inputValue(page, 'context')).toBe('BOL Software␀Developer');
      expect(inputValue(page, 'reachStudents')).toBe('40');
      expect(await recorded()).toEqual([]);
    });

    it("names the service's own mistakes with the shape's, in one round", async () => {
      const page = failedForm(
        await reuse('BOL\u0000', { startedOn: '2199-01-01', reachWorkers: 'veel' }),
      );
      expect(message(page, 'context')).toMatch(/␀/);
      expect(message(page, 'reachWorkers')).not.toBe('');
      expect(message(page, 'startedOn')).toContain('niet in de toekomst');
      // The summary names each field as the form labels it.
      const named = page
        .querySelectorAll('#foutmeldingen a')
        .map((link) => link.text.split(':')[0]);
      for (const label of named)
        expect(
          page
            .querySelectorAll('label, legend')
            .map((node) => node.text.replace('(niet verplicht)', '').trim()),
        ).toContain(label);
      expect(await recorded()).toEqual([]);
    });

    it('keeps the form over a body too large to post, with the limit in Dutch', async () => {
      const page = failedForm(await reuse(HUGE));
      expect(message(page, 'context')).toContain('hoogstens 256 kB');
      expect(inputValue(page, 'reachStudents')).toBe('40');
      // What fit of the long text is there still: all but its end.
      const kept = inputValue(page, 'context') ?? '';
      expect(HUGE.startsWith(kept)).toBe(true);
      expect(kept.length).toBeGreaterThan(150_000);
      expect(await recorded()).toEqual([]);
    });

    it('saves pasted text as one plain line; the same reuse again is a field error, and then no longer offered', async () => {
      expect((await reuse(PASTED)).status).toBe(303);
      expect((await recorded()).map((entry) => entry.context)).toEqual([ONE_LINE]);

      // The same form sent again (another tab, the back button): the form, the input kept.
      const again = failedForm(await reuse(PASTED));
      expect(message(again, 'context')).toContain('al vastgelegd');
      expect(inputValue(again, 'context')).toBe(ONE_LINE);
      expect((await recorded()).length).toBe(1);

      // No longer offered: the block's page says it is recorded, the form page says so too.
      const asset = html(await browser.get(`/bouwstenen/${otherAsset}`));
      expect(asset.querySelector(`a[href="/bouwstenen/${otherAsset}/hergebruiken"]`)).toBeNull();
      expect(asset.text).toContain('Uw PPS heeft hergebruik van deze versie vastgelegd.');
      const form = html(await browser.get(`/bouwstenen/${otherAsset}/hergebruiken`));
      expect(form.querySelector('form.site-form')).toBeNull();
      expect(form.text).toContain('U heeft hergebruik van deze versie al vastgelegd.');
    });

    it("offers no reuse of the own PPS's block, and a forced post is a field error", async () => {
      const form = html(await browser.get(`/bouwstenen/${ownAsset}/hergebruiken`));
      expect(form.querySelector('form.site-form')).toBeNull();
      expect(form.text).toContain('Deze bouwsteen is van uw eigen PPS.');
      const forced = await post(browser, `/bouwstenen/${ownAsset}/hergebruiken`, {
        _formulier: browser.token,
        adopterPpsId: ownPps,
        mode: 'as-is',
        context: 'BBL Eerste monteur',
      });
      const page = failedForm(forced);
      expect(message(page, 'adopterPpsId')).toContain('van deze PPS zelf');
      expect(inputValue(page, 'context')).toBe('BBL Eerste monteur');
    });

    it('offers only the PPS that may still record, with maxlength from RecordReuseDto', async () => {
      const lead2 = await t.user('pps-editor', [ownPps, otherPps]);
      const b = new PageBrowser(t);
      await b.signIn(lead2);
      const form = html(await b.get(`/bouwstenen/${otherAsset}/hergebruiken`));
      // This lead's other PPS is the block's own: only Techport may record, and it did.
      expect(form.querySelector('form.site-form')).toBeNull();
      const fresh = (await t.publish(admin, moduleBody(otherPps))).id;
      const open = html(await b.get(`/bouwstenen/${fresh}/hergebruiken`));
      expect(open.querySelector(`#${fieldId('context')}`)?.getAttribute('maxlength')).toBe('300');
      expect(
        open.querySelectorAll(`#${fieldId('adopterPpsId')} option`).map((o) => o.text),
      ).toEqual(['Techport mbo']);
    });
  });

  describe('a new course (/mijn-cursussen/nieuw)', () => {
    let office: TestUser;
    let llo: PageBrowser;

    beforeAll(async () => {
      office = await t.lloOffice(unique('LLO-loket'));
      llo = new PageBrowser(t);
      expect((await llo.signIn(office)).status).toBe(303);
    });

    const create = async (fields: Record<string, unknown>) => {
      await llo.get('/mijn-cursussen/nieuw');
      return post(llo, '/mijn-cursussen/nieuw', {
        _formulier: llo.token,
        title: 'Omscholing warmtepompen',
        employerName: 'Installatiebedrijf De Vonk',
        audience: 'worker',
        goals: 'Zes monteurs onderhouden warmtepompen.',
        ...fields,
      });
    };

    it('saves pasted text: one line in the title, lines in the goals', async () => {
      const saved = await create({ title: PASTED, goals: PASTED });
      expect(saved.status).toBe(303);
      const id = String(saved.headers.location).split('/').pop();
      const course = (await t.http().get(`/api/v1/courses/${id}`).set(bearer(office)).expect(200))
        .body;
      expect({ title: course.title, goals: course.goals }).toEqual({
        title: ONE_LINE,
        goals: LINES,
      });
    });

    it('names a NUL per field and keeps everything; a body too large keeps the rest', async () => {
      const page = failedForm(await create({ goals: 'Doel\u0000 één' }));
      firstAfterHeading(page);
      expect(message(page, 'goals')).toMatch(/␀/);
      expect(inputValue(page, 'goals')).toBe('Doel␀ één');
      expect(inputValue(page, 'title')).toBe('Omscholing warmtepompen');
      expect(inputValue(page, 'employerName')).toBe('Installatiebedrijf De Vonk');

      const large = failedForm(await create({ goals: HUGE }));
      expect(message(large, 'goals')).toContain('hoogstens 256 kB');
      expect(inputValue(large, 'title')).toBe('Omscholing warmtepompen');
    });

    it('reads extras in euros as an import does, and asks about "1.250" instead of guessing', async () => {
      const page = failedForm(await create({ extras: '1.250' }));
      expect(message(page, 'extras')).toContain('Dit bedrag is niet eenduidig');
      expect(message(page, 'extras')).toContain('€ 1.250,00');
      expect(inputValue(page, 'extras')).toBe('1.250');
      expect(inputValue(page, 'title')).toBe('Omscholing warmtepompen');
      const saved = await create({ extras: '€ 1.250,-' });
      expect(saved.status).toBe(303);
      const id = String(saved.headers.location).split('/').pop();
      const course = (await t.http().get(`/api/v1/courses/${id}`).set(bearer(office)).expect(200))
        .body;
      expect(course.extrasCents).toBe(125000);
    });

    it('sets maxlength from CreateCourseDto', async () => {
      const page = html(await llo.get('/mijn-cursussen/nieuw'));
      expect(page.querySelector(`#${fieldId('title')}`)?.getAttribute('maxlength')).toBe('200');
      expect(page.querySelector(`#${fieldId('goals')}`)?.getAttribute('maxlength')).toBe('4000');
      expect(page.querySelector(`#${fieldId('title')}`)?.hasAttribute('required')).toBe(false);
      expect(page.querySelector(`#${fieldId('title')}`)?.getAttribute('aria-required')).toBe(
        'true',
      );
    });
  });

  describe('inviting an account (/beheer/gebruikers)', () => {
    let boss: PageBrowser;

    beforeAll(async () => {
      boss = new PageBrowser(t);
      expect((await boss.signIn(admin)).status).toBe(303);
    });

    const invite = async (fields: Record<string, unknown>) => {
      await boss.get('/beheer/gebruikers');
      return post(boss, '/beheer/gebruikers', {
        _formulier: boss.token,
        role: 'teacher',
        ...fields,
      });
    };

    it('saves a pasted name as one plain line', async () => {
      const email = `${unique('docent').replace(' ', '.')}@school.nl`;
      expect((await invite({ email, displayName: `Anne${PASTED}` })).status).toBe(200);
      const users = (
        await t.http().get(`/api/v1/users?pageSize=100`).set(bearer(admin)).expect(200)
      ).body.items as { email: string; displayName: string }[];
      expect(users.find((user) => user.email === email)?.displayName).toBe(`Anne${ONE_LINE}`);
    });

    it('names an e-mail that has an account (any capitals) at the e-mail field, input kept', async () => {
      const page = failedForm(
        await invite({ email: lead.email.toUpperCase(), displayName: 'Dubbel Account' }),
      );
      firstAfterHeading(page);
      expect(message(page, 'email')).toContain('Er is al een account met dit e-mailadres');
      expect(inputValue(page, 'email')).toBe(lead.email.toUpperCase());
      expect(inputValue(page, 'displayName')).toBe('Dubbel Account');
    });

    it('names a NUL per field, and keeps the form over a body too large', async () => {
      const page = failedForm(
        await invite({ email: 'nul@school.nl', displayName: 'Piet\u0000 Jansen' }),
      );
      expect(message(page, 'displayName')).toMatch(/␀/);
      expect(inputValue(page, 'email')).toBe('nul@school.nl');
      const large = failedForm(await invite({ email: 'groot@school.nl', displayName: HUGE }));
      expect(message(large, 'displayName')).toContain('hoogstens 256 kB');
      expect(inputValue(large, 'email')).toBe('groot@school.nl');
    });
  });

  describe('signing in (/inloggen)', () => {
    it('signs in with an address pasted with NBSP and zero-width spaces', async () => {
      const someone = new PageBrowser(t);
      await someone.get('/inloggen');
      const signedIn = await post(someone, '/inloggen', {
        _formulier: someone.token,
        email: `\u200B${lead.email}\uFEFF`,
        password: lead.password,
      });
      expect(signedIn.status).toBe(303);
    });

    it('names a NUL at the field and never shows the password again; a body too large keeps the form', async () => {
      const someone = new PageBrowser(t);
      await someone.get('/inloggen');
      const page = failedForm(
        await post(someone, '/inloggen', {
          _formulier: someone.token,
          email: `${lead.email}\u0000`,
          password: lead.password,
        }),
      );
      expect(message(page, 'email')).toMatch(/␀/);
      expect(page.toString()).not.toContain(lead.password);
      const large = failedForm(
        await post(someone, '/inloggen', {
          _formulier: someone.token,
          email: lead.email,
          password: HUGE,
        }),
      );
      expect(message(large, 'password')).toContain('hoogstens 256 kB');
      expect(inputValue(large, 'email')).toBe(lead.email);
    });
  });

  describe('a new building block (/mijn-pps/nieuw), through the shared input layer', () => {
    const create = async (fields: Record<string, unknown>) => {
      await browser.get(`/mijn-pps/nieuw?soort=practice&pps=${ownPps}`);
      return post(browser, '/mijn-pps/nieuw', {
        _formulier: browser.token,
        soort: 'practice',
        pps: ownPps,
        title: unique('Stageplekken delen'),
        summary: 'Een goede praktijk over stageplekken.',
        license: 'CC-BY-4.0',
        practice: { problem: 'Te weinig stageplekken.', approach: 'Samen met de branche.' },
        ...fields,
      });
    };

    it('saves pasted text normalised', async () => {
      const saved = await create({ summary: PASTED });
      expect(saved.status).toBe(303);
      const id = /bouwstenen\/([0-9a-f-]{36})/.exec(String(saved.headers.location))![1];
      const asset = (await t.http().get(`/api/v1/assets/${id}`).set(bearer(lead)).expect(200)).body;
      expect(asset.summary).toBe(LINES);
    });

    it('reads a price in euros as an import does: a sub-cent amount is named, "12,-" saved', async () => {
      const module = async (price: string) => {
        await browser.get(`/mijn-pps/nieuw?soort=module&pps=${ownPps}`);
        return post(browser, '/mijn-pps/nieuw', {
          _formulier: browser.token,
          soort: 'module',
          pps: ownPps,
          title: unique('Lassen voor beginners'),
          module: { price },
        });
      };
      const page = failedForm(await module('12,5051'));
      expect(message(page, 'module.price')).toContain('hele centen');
      expect(inputValue(page, 'module.price')).toBe('12,5051');
      const saved = await module('€ 12,-');
      expect(saved.status).toBe(303);
      const id = /bouwstenen\/([0-9a-f-]{36})/.exec(String(saved.headers.location))![1];
      const asset = (await t.http().get(`/api/v1/assets/${id}`).set(bearer(lead)).expect(200)).body;
      expect(asset.module.price).toEqual({ amountCents: 1200, currency: 'EUR' });
    });

    it('names a NUL per field and keeps a body too large as a form', async () => {
      const page = failedForm(await create({ summary: 'Stage\u0000plek' }));
      expect(message(page, 'summary')).toMatch(/␀/);
      const large = failedForm(await create({ description: HUGE }));
      expect(message(large, 'description')).toContain('hoogstens 256 kB');
    });
  });

  describe('lengths as the database counts them', () => {
    /** 200 characters to class-validator (it leaves the variation selector out), 400 to PostgreSQL. */
    const HEARTS = '\u2764\uFE0F'.repeat(200);

    it('names a title too long for its column at the field, the form kept; what fits is saved', async () => {
      await browser.get(`/mijn-pps/nieuw?soort=practice&pps=${ownPps}`);
      const form = (title: string) =>
        post(browser, '/mijn-pps/nieuw', {
          _formulier: browser.token,
          soort: 'practice',
          pps: ownPps,
          title,
          summary: 'Een goede praktijk over stageplekken.',
        });
      const page = failedForm(await form(HEARTS));
      expect(message(page, 'title')).toBe('Gebruik hoogstens 200 tekens.');
      expect(inputValue(page, 'title')).toBe(HEARTS);
      expect(inputValue(page, 'summary')).toBe('Een goede praktijk over stageplekken.');
      // Emoji and letters with combining accents fit as the database counts them.
      for (const title of [
        '\u{1F527}'.repeat(200),
        'e\u0301'.repeat(100),
        '\u2764\uFE0F'.repeat(100),
      ])
        expect((await form(title)).status).toBe(303);
    });

    it("answers the API 400 at the field, never the column's check", async () => {
      const refused = await t
        .http()
        .post('/api/v1/assets')
        .set(bearer(lead))
        .send(moduleBody(ownPps, { title: HEARTS }))
        .expect(400);
      expect(refused.body.errors).toEqual([
        expect.objectContaining({ field: 'title', code: 'maxLength', values: { max: 200 } }),
      ]);
    });

    it("names an e-mail address longer than its column in lower case ('İ'), the request form kept", async () => {
      const requester = new PageBrowser(t);
      const path = `/bouwstenen/${otherAsset}/aanvragen`;
      await requester.get(path);
      const label = '\u0130'.repeat(60);
      const email = `${'\u0130'.repeat(32)}@${label}.${label}.nl`;
      const page = failedForm(
        await post(requester, path, {
          _formulier: requester.token,
          name: 'Sanne de Vries',
          email,
          organisation: 'ROC Voorbeeld',
          purpose: 'Voor leerjaar 2.',
        }),
      );
      expect(message(page, 'email')).toContain('Dit e-mailadres is te lang');
      expect(page.querySelectorAll('#foutmeldingen a').map((link) => link.text)).toEqual([
        expect.stringMatching(/^Uw e-mailadres: Dit e-mailadres is te lang/),
      ]);
      // A question as a label is not followed by a colon in the summary.
      await requester.get(path);
      const empty = failedForm(
        await post(requester, path, {
          _formulier: requester.token,
          name: 'Sanne de Vries',
          email: 's.devries@roc-voorbeeld.nl',
          organisation: 'ROC Voorbeeld',
          purpose: '',
        }),
      );
      expect(empty.querySelectorAll('#foutmeldingen a').map((link) => link.text)).toEqual([
        'Waarvoor wilt u het gebruiken? Vul dit veld in.',
      ]);
      expect(inputValue(page, 'email')).toBe(email);
      expect(inputValue(page, 'purpose')).toBe('Voor leerjaar 2.');
    });
  });

  describe('invisible characters that turn a text around', () => {
    const TURNED = 'Lassen \u202Esregnigeb\u202C voor iedereen';

    it('names them at the field on the form, shown by their number, everything kept; nothing stored', async () => {
      await browser.get(`/mijn-pps/nieuw?soort=practice&pps=${ownPps}`);
      const before = (
        await t
          .http()
          .get(`/api/v1/assets?ppsId=${ownPps}&pageSize=1`)
          .set(bearer(lead))
          .expect(200)
      ).body.totalItems;
      const page = failedForm(
        await post(browser, '/mijn-pps/nieuw', {
          _formulier: browser.token,
          soort: 'practice',
          pps: ownPps,
          title: TURNED,
          summary: 'Een samenvatting met \u2066een isolaat\u2069 erin.',
        }),
      );
      expect(message(page, 'title')).toContain('onzichtbare tekens die de leesrichting omdraaien');
      expect(message(page, 'title')).toContain('[U+202E] [U+202C]');
      expect(inputValue(page, 'title')).toBe('Lassen [U+202E]sregnigeb[U+202C] voor iedereen');
      expect(message(page, 'summary')).toContain('[U+2066] [U+2069]');
      const after = (
        await t
          .http()
          .get(`/api/v1/assets?ppsId=${ownPps}&pageSize=1`)
          .set(bearer(lead))
          .expect(200)
      ).body.totalItems;
      expect(after).toBe(before);
    });

    it('answers the API 400 problem+json naming the field; right-to-left marks stay welcome', async () => {
      const refused = await t
        .http()
        .post('/api/v1/assets')
        .set(bearer(lead))
        .send(moduleBody(ownPps, { title: TURNED }))
        .expect(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.errors).toEqual([
        expect.objectContaining({
          field: 'title',
          code: 'textHiddenFormat',
          values: { chars: 'U+202E U+202C', count: 2 },
        }),
      ]);
      await t
        .http()
        .post('/api/v1/assets')
        .set(bearer(lead))
        .send(moduleBody(ownPps, { title: unique('Lassen \u200Fمرحبا\u200E') }))
        .expect(201);
    });
  });

  describe('the API keeps its problem+json', () => {
    it('stores pasted text normalised and refuses a NUL naming the field', async () => {
      const created = await t
        .http()
        .post('/api/v1/assets')
        .set(bearer(lead))
        .send(moduleBody(ownPps, { summary: PASTED }))
        .expect(201);
      expect(created.body.summary).toBe(LINES);
      const refused = await t
        .http()
        .post('/api/v1/assets')
        .set(bearer(lead))
        .send(moduleBody(ownPps, { summary: 'a\u0000b' }))
        .expect(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.errors).toEqual([
        {
          field: 'summary',
          message: 'must not contain NUL characters (\\u0000)',
          code: 'textControl',
          values: { chars: '␀', count: 1 },
        },
      ]);
    });
  });

  describe('a form body that cannot be read at all', () => {
    it.each([
      ['field names nested too deep', 'titel=a&a[b][c][d][e][f][g][h][i][j]=1', {}],
      [
        'more fields than a form has',
        Array.from({ length: 2100 }, (_, n) => `f${n}=1`).join('&'),
        {},
      ],
      [
        'another charset',
        'titel=a',
        { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-16' },
      ],
      ['a compression that is not', 'titel=a', { 'Content-Encoding': 'gzip' }],
    ])(
      'answers %s from a browser with a Dutch page, never problem+json',
      async (_case, body, headers) => {
        const response = await browser.postBytes(
          '/rapportages/voorstel',
          Buffer.from(`_formulier=${browser.token}&${body}`),
          'application/x-www-form-urlencoded',
          headers as Record<string, string>,
        );
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(String(response.headers['content-type'])).toContain('text/html');
        expect(response.text).not.toMatch(/problem\+json|"type":/);
      },
    );
  });

  describe('a page path asked without text/html', () => {
    it('answers a form post of 2,000+ fields with a Dutch page and a way back to the form, whatever Accept says', async () => {
      await browser.get(`/mijn-pps/nieuw?soort=module&pps=${ownPps}`);
      const many = Array.from({ length: 2100 }, (_, n) => `f${n}=1`).join('&');
      const { port } = t.app.getHttpServer().address() as AddressInfo;
      for (const accept of ['*/*', 'application/json, text/plain, */*']) {
        const response = await browser.postBytes(
          '/mijn-pps/nieuw',
          Buffer.from(`_formulier=${browser.token}&title=Lassen&${many}`),
          'application/x-www-form-urlencoded',
          {
            Accept: accept,
            Referer: `${'http://'}localhost:${port}/mijn-pps/nieuw?soort=module&pps=${ownPps}`,
          },
        );
        expect(response.status).toBe(413);
        expect(String(response.headers['content-type'])).toContain('text/html');
        const page = html({ text: response.text } as never);
        expect(page.querySelector('h1')?.text).toBe('Dit formulier kon niet worden verwerkt');
        const back = page
          .querySelectorAll('a')
          .find((link) => link.text.trim() === 'Terug naar het formulier');
        expect(back?.getAttribute('href')).toBe(`/mijn-pps/nieuw?soort=module&pps=${ownPps}`);
        // The fields before the limit are read, so what was typed comes back to copy.
        expect(page.querySelector('#ingevuld-titel')?.text).toBe('Wat u had ingevuld');
        expect(page.querySelector('main')?.text).toContain('Lassen');
      }
    });

    it('answers a search with a NUL in Dutch HTML to a browser or curl, problem+json to who asks for JSON', async () => {
      for (const accept of [undefined, '*/*', 'text/html']) {
        const request = t.http().get('/zoeken?q=%00');
        if (accept) request.set('Accept', accept);
        const response = await request;
        expect({ accept, status: response.status, type: response.headers['content-type'] }).toEqual(
          {
            accept,
            status: 400,
            type: expect.stringContaining('text/html'),
          },
        );
        expect(html(response).querySelector('main')?.text).toContain('niet kan lezen');
      }
      const api = await t.http().get('/zoeken?q=%00').set('Accept', 'application/json').expect(400);
      expect(api.headers['content-type']).toContain('application/problem+json');
    });
  });

  describe('a form whose session ended meanwhile', () => {
    it('cannot be taken, but gives back what was typed to copy (never a password)', async () => {
      const writer = await t.user('pps-editor', [ownPps]);
      const tab = new PageBrowser(t);
      expect((await tab.signIn(writer)).status).toBe(303);
      await tab.get(`/mijn-pps/nieuw?soort=practice&pps=${ownPps}`);
      // Signed out everywhere (or eight hours passed) while the form was being written.
      await t.app
        .get(DataSource)
        .query(
          `UPDATE web_session SET expires_at = now() - interval '1 minute' WHERE user_id = $1`,
          [writer.id],
        );
      const response = await post(tab, '/mijn-pps/nieuw', {
        _formulier: tab.token,
        soort: 'practice',
        pps: ownPps,
        title: 'Een titel die niet verloren mag gaan',
        summary: 'Drie alinea’s\ndie iemand net heeft geschreven.',
        language: 'nl',
        password: 'geheim-wachtwoord',
      });
      expect(response.status).toBe(403);
      expect(String(response.headers['content-type'])).toContain('text/html');
      const page = html({ text: response.text } as never);
      const texts = page.querySelectorAll('#ingevuld-titel ~ div textarea').map((box) => box.text);
      expect(texts).toEqual([
        'Een titel die niet verloren mag gaan',
        'Drie alinea’s\ndie iemand net heeft geschreven.',
      ]);
      expect(response.text).not.toContain('geheim-wachtwoord');
      // Each under its field's name; a choice from a list (the language) is no text typed.
      expect(
        page.querySelectorAll('#ingevuld-titel ~ div label').map((label) => label.text),
      ).toEqual(['Titel', 'Samenvatting']);
      expect(page.querySelector('main')?.text).toContain('afgemeld');
    });
  });
});
