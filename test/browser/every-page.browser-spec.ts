import { Browser, BrowserContextOptions, Page } from 'playwright-core';
import {
  accessibilityViolations,
  openPage,
  problemsOf,
  screenshot,
  sidewaysOverflow,
  signIn,
} from '../harness/browser';
import { DemoSite, openDemoSite } from '../harness/demo-site';
import { moduleBody } from '../harness/fixtures';
import { runImport } from '../harness/imports';
import { TestUser, bearer } from '../harness/test-app';
import { columnNamed } from '../../libs/imports/src/columns';
import { SITE_PAGES } from '../../libs/web/src/pages/seo/sitemap.service';

const WIDTHS = [
  { name: '390', viewport: { width: 390, height: 844 } },
  { name: '1280', viewport: { width: 1280, height: 900 } },
];

/** Each page takes a few seconds (axe above all) at each width, on a shared machine. */
const PAGES_TIMEOUT = 360_000;

/** A page to visit: a short name for its screenshot, its address, and what else must hold there. */
type Visit = [name: string, path: string, also?: (page: Page) => Promise<string[]>];

/** Headings whose text is wider than their box (cut off, or spilling out): long words must wrap. */
const CLIPPED = `[...document.querySelectorAll('h1, h2, h3')]
  .filter((heading) => heading.clientWidth > 1 && heading.scrollWidth > heading.clientWidth + 1)
  .map((heading) => 'kop past niet: ' + heading.textContent.trim().slice(0, 40) + ' ' +
    heading.scrollWidth + '/' + heading.clientWidth)`;

/**
 * The composer on a phone (and a desktop): the search box as wide as its row allows (it was
 * squeezed to 44 px), the chosen items above the search, no button past the screen's edge.
 * Run in the page (a string: this project's types hold no DOM).
 */
const COMPOSER = `(() => {
  const found = [];
  const box = (selector) => document.querySelector(selector).getBoundingClientRect();
  const words = box('#cursus-zoek');
  if (words.width < Math.min(box('.course-search .site-search__row').width, 16 * 16) - 1)
    found.push('zoekvak ' + Math.round(words.width) + ' px breed');
  if (box('#onderdelen').bottom > box('#zoeken').top) found.push('onderdelen niet boven het zoeken');
  const width = document.documentElement.clientWidth;
  for (const button of document.querySelectorAll('main button'))
    if (button.getBoundingClientRect().right > width)
      found.push('knop buiten beeld: ' + button.textContent.trim());
  return found;
})()`;

/**
 * Every page type, for every role, at the phone's width and a desktop's: axe finds nothing, the
 * page does not scroll sideways, and the browser reports no error (script, CSP, failed file).
 * One browser context per role and width; each role signs in once (its cookies are reused for
 * the other width). Findings are gathered per page and compared at the end, so one run names
 * every page that fails, not only the first. Screenshots: test-results/screenshots/alle-*.png.
 */
describe('every page type at 390 and 1280 px (browser)', () => {
  let site: DemoSite;
  let browser: Browser;
  let baseURL: string;
  const visits: Record<string, Visit[]> = {};
  const users: Partial<Record<string, TestUser>> = {};

  beforeAll(async () => {
    site = await openDemoSite();
    ({ browser, baseURL } = site);
    const { t } = site;
    const ppsId = await t.ppsId('House of Digital');
    const otherPpsId = await t.ppsId('Techport mbo');
    const pps = (await t.http().get(`/api/v1/pps/${ppsId}`).expect(200)).body as {
      leadInstitution: { id: string };
      provinces: string[];
    };
    const firstOf = async (query: string) =>
      (
        (await t.http().get(`/api/v1/assets?${query}&pageSize=1`).expect(200)).body.items[0] as {
          id: string;
        }
      ).id;
    const [curriculum, infrastructure, practice, othersModule] = await Promise.all([
      firstOf('kind=curriculum'),
      firstOf('kind=infrastructure'),
      firstOf('kind=practice'),
      firstOf(`kind=module&ppsId=${otherPpsId}`),
    ]);

    // A PPS lead's block with two versions and a draft: the diff, check and discard pages.
    const lead = await t.user('pps-editor', [ppsId]);
    // Its title has a Dutch compound wider than a phone at any heading size: it must wrap.
    const own = await t.publish(
      lead,
      moduleBody(ppsId, {
        title: `Arbeidsmarktgerichtheidsontwikkelingsprogramma ${Date.now().toString(36)}`,
      }),
    );
    const second = await t.publishNewVersion(lead, own, {
      summary:
        'Een langere samenvatting met woorden als arbeidsmarktgerichtheid en praktijkgestuurd.',
    });
    await t
      .http()
      .patch(`/api/v1/assets/${own.id}`)
      .set(bearer(lead))
      .set('If-Match', second.etag)
      .send({ title: `${own.title} (herzien)` })
      .expect(200);
    // An import's report, with a row refused (a price that is not a number).
    const header =
      'sourceId;title;summary;module.studyLoad.value;module.studyLoad.unit;module.price'
        .split(';')
        .map((path) => `"${columnNamed(path)!.label}"`)
        .join(';');
    const summary = 'Praktijkgerichte module voor monteurs met opdrachten op de werkplek.';
    const job = await runImport(
      t,
      lead,
      ppsId,
      `${header}\nR1;Warmtepompen onderhouden;${summary};8;uur;120\nR2;Zonnepanelen leggen;${summary};8;uur;veel\n`,
      { dryRun: true },
    );

    // An LLO office's course with a module in it, shared with the employer.
    const office = await t.lloOffice('LLO-loket Zaanstreek');
    const hit = (await t.http().get('/api/v1/search?q=cobots&preset=llo').expect(200)).body
      .hits[0] as { id: string };
    const course = await t
      .http()
      .post('/api/v1/courses')
      .set(bearer(office))
      .send({
        title: 'Omscholing procesoperators naar onderhoudsmonteur',
        employer: { name: 'Koninklijke Nederlandse Hoogovens' },
        audience: 'worker',
        goals: 'Operators onderhouden zelfstandig de installaties.',
        schedule: { start: '2027-02-01', end: '2027-04-30' },
        items: [{ assetId: hit.id }],
      })
      .expect(201);
    const share = await t
      .http()
      .post(`/api/v1/courses/${course.body.id}/share`)
      .set(bearer(office))
      .expect(201);

    // A list of the office's with a module and a good practice, made into a course.
    const list = await t
      .http()
      .post('/api/v1/me/lists')
      .set(bearer(office))
      .send({ name: 'Onderhoud en veiligheid' })
      .expect(201);
    for (const assetId of [hit.id, practice])
      await t
        .http()
        .post(`/api/v1/me/lists/${list.body.id}/items`)
        .set(bearer(office))
        .send({ assetId })
        .expect(201);
    const fromList = await t
      .http()
      .post(`/api/v1/me/lists/${list.body.id}/course`)
      .set(bearer(office))
      .send({ employer: { name: 'Tata Steel IJmuiden' }, audience: 'worker' })
      .expect(201);

    users.teacher = await t.user('teacher');
    users.lead = lead;
    users.office = office;
    users.admin = await t.user('admin');
    visits.publiek = [
      ['home', '/'],
      ['zoeken', '/zoeken'],
      ['zoeken-woord', '/zoeken?q=lassen'],
      ['module', `/bouwstenen/${othersModule}`],
      ['opleiding', `/bouwstenen/${curriculum}`],
      ['praktijkomgeving', `/bouwstenen/${infrastructure}`],
      ['goede-praktijk', `/bouwstenen/${practice}`],
      ['versie', `/bouwstenen/${own.id}/versies/1`],
      ['verschillen', `/bouwstenen/${own.id}/verschillen?van=1&naar=2`],
      ['pps-lijst', '/pps'],
      ['pps', `/pps/${ppsId}`],
      ['kaart', '/kaart'],
      ['gedeelde-cursus', `/cursus/${share.body.token}`],
      ['kwalificaties', '/kwalificaties'],
      ['privacy', '/privacy'],
      ['inloggen', '/inloggen'],
      ['niet-gevonden', '/bouwstenen/00000000-0000-4000-8000-000000000000'],
    ];
    visits.financier = [
      ['rapportages', '/rapportages'],
      ['rapportages-pps-lijst', '/rapportages/pps'],
      ['rapportage-pps', `/rapportages/pps/${ppsId}`],
      ['rapportage-instelling', `/rapportages/instellingen/${pps.leadInstitution.id}`],
      ['rapportage-provincie', `/rapportages/provincies/${pps.provinces[0]}`],
      ['voorstel', '/rapportages/voorstel'],
    ];
    visits.docent = [
      ['home', '/'],
      ['module', `/bouwstenen/${othersModule}`],
      ['account', '/mijn-account'],
      ['wachtwoord', '/mijn-account/wachtwoord'],
      ['meldingen', '/mijn-meldingen'],
    ];
    visits.penvoerder = [
      ['mijn-pps', '/mijn-pps'],
      ['nieuw', '/mijn-pps/nieuw?soort=module'],
      ['bewerken', `/mijn-pps/bouwstenen/${own.id}`],
      ['publiceren', `/mijn-pps/bouwstenen/${own.id}/publiceren`],
      ['archiveren', `/mijn-pps/bouwstenen/${own.id}/archiveren`],
      ['concept-weggooien', `/mijn-pps/bouwstenen/${own.id}/concept-weggooien`],
      ['hergebruiken', `/bouwstenen/${othersModule}/hergebruiken`],
      ['afleiden', `/bouwstenen/${othersModule}/afleiden`],
      ['importeren', '/mijn-pps/importeren'],
      ['importverslag', `/mijn-pps/importeren/${job.id}`],
    ];
    visits.loket = [
      ['mijn-cursussen', '/mijn-cursussen'],
      ['nieuwe-cursus', '/mijn-cursussen/nieuw'],
      [
        'cursus',
        `/mijn-cursussen/${course.body.id}?q=cybersecurity`,
        (page) => page.evaluate<string[]>(COMPOSER),
      ],
      ['afdrukken', `/mijn-cursussen/${course.body.id}/afdrukken`],
      ['lijst', `/mijn-lijsten/${list.body.id}`],
      ['cursus-van-lijst', `/mijn-lijsten/${list.body.id}/cursus/${fromList.body.courseId}`],
    ];
    visits.beheerder = [
      ['beheer', '/beheer'],
      ['gebruikers', '/beheer/gebruikers'],
      ['gebruiker', `/beheer/gebruikers/${lead.id}`],
      ['pps-lijst', '/beheer/pps'],
      ['pps', `/beheer/pps/${ppsId}`],
      ['organisatie', `/beheer/organisaties/${office.organisationId}`],
      ['zoekindex', '/beheer/zoekindex'],
      ['taken', '/beheer/taken'],
      ['wijzigingen', '/beheer/wijzigingen'],
    ];
  }, 240_000);

  afterAll(() => site?.close());

  /** What is wrong with the page now: sideways scroll, axe's findings, the browser's errors. */
  async function findings(page: Page, name: string): Promise<string[]> {
    await screenshot(page, name);
    return [
      ...(await sidewaysOverflow(page)).map((wide) => `breed: ${wide}`),
      ...(await page.evaluate<string[]>(CLIPPED)),
      ...(await accessibilityViolations(page)),
      ...problemsOf(page).splice(0),
    ];
  }

  /** Visits the role's pages at both widths; signed in once, when the role has an account. */
  async function visitAll(role: string, user?: TestUser): Promise<Record<string, string[]>> {
    const result: Record<string, string[]> = {};
    let signedIn: BrowserContextOptions['storageState'];
    for (const { name: width, viewport } of WIDTHS) {
      const page = await openPage(browser, baseURL, { viewport, storageState: signedIn });
      if (user && !signedIn) {
        await signIn(page, user);
        await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
        signedIn = await page.context().storageState();
        problemsOf(page).splice(0);
      }
      for (const [name, path, also] of visits[role]) {
        await page.goto(path);
        const found = await findings(page, `alle-${role}-${name}-${width}`);
        if (also) found.push(...(await also(page)));
        if (found.length) result[`${width} ${path}`] = found;
      }
      await page.context().close();
    }
    return result;
  }

  it('visits every page of its own the site lists in its sitemap', () => {
    const visited = visits.publiek.map(([, path]) => path);
    expect(SITE_PAGES.filter((path) => !visited.includes(path))).toEqual([]);
  });

  it(
    'public pages',
    async () => {
      expect(await visitAll('publiek')).toEqual({});
    },
    PAGES_TIMEOUT,
  );

  it(
    "a funder's pages (reports, without an account)",
    async () => {
      expect(await visitAll('financier')).toEqual({});
    },
    PAGES_TIMEOUT,
  );

  it(
    "a teacher's pages",
    async () => {
      expect(await visitAll('docent', users.teacher)).toEqual({});
    },
    PAGES_TIMEOUT,
  );

  it(
    "a PPS lead's pages",
    async () => {
      expect(await visitAll('penvoerder', users.lead)).toEqual({});
    },
    PAGES_TIMEOUT,
  );

  it(
    "an LLO office's pages",
    async () => {
      expect(await visitAll('loket', users.office)).toEqual({});
    },
    PAGES_TIMEOUT,
  );

  it(
    "an admin's pages",
    async () => {
      expect(await visitAll('beheerder', users.admin)).toEqual({});
    },
    PAGES_TIMEOUT,
  );
});
