import type { HTMLElement } from 'node-html-parser';
import { DataSource } from 'typeorm';
import { UsersService } from '@bouwsteen/auth';
import { DemoService } from '@bouwsteen/seed';
import { DEMO_PUBLISHER } from '../apps/cli/src/commands';
import { expectPage, html, mainText } from './harness/html';
import { PageBrowser } from './harness/page-browser';
import { TestApp, TestUser, createTestApp } from './harness/test-app';

/**
 * The qualification pages over the demo data and its illustrative reference set: the overview
 * with coverage and gaps, a qualification and a keuzedeel, codes named on block pages, and the
 * admin's upload of SBB's file (good, refused, too large, not XML, none) with its guard.
 *
 * The demo: curriculum "Eerste monteur …" names crebo 25831 and keuzedeel K0771 and says it
 * covers B1-K1 and B1-K2; module "Installeren en onderhouden van warmtepompen" carries K0771;
 * 25831 combines with K0725, K0730 and K0771; 25830 (same dossier) is served by nothing.
 */
describe('qualification pages (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let editor: TestUser;
  let adminBrowser: PageBrowser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    const publisher = await t.app
      .get(UsersService)
      .serviceAccount(DEMO_PUBLISHER, 'Bouwsteen demo');
    await t.app.get(DemoService).load(publisher);
    const db = t.app.get(DataSource);
    for (const [key, title] of [
      ['curriculum', 'Eerste monteur elektrotechnische installaties%'],
      ['module', 'Installeren en onderhouden van warmtepompen'],
    ])
      ids[key] = (
        await db.query(`SELECT id FROM asset_published WHERE title LIKE $1`, [title])
      )[0].id;
    admin = await t.user('admin');
    editor = await t.user('pps-editor', [await t.ppsId('Techport mbo')]);
    adminBrowser = new PageBrowser(t);
    expect((await adminBrowser.signIn(admin)).status).toBe(303);
  }, 180_000);
  afterAll(() => t.close());

  const page = async (path: string, status = 200): Promise<HTMLElement> => {
    const response = await t.http().get(path).set('Accept', 'text/html');
    expect({ path, status: response.status }).toEqual({ path, status });
    return expectPage(response);
  };
  const cards = (root: HTMLElement) =>
    root.querySelectorAll('.qualification-card').map((card) => card.getAttribute('data-crebo'));
  /** A card's lines (title, facts, material, keuzedelen). */
  const card = (root: HTMLElement, crebo: string) =>
    root
      .querySelectorAll(
        `.qualification-card[data-crebo="${crebo}"] h3, .qualification-card[data-crebo="${crebo}"] p`,
      )
      .map((line) => line.text.trim())
      .join(' | ');
  /** A definition list as "term: value" lines. */
  const facts = (root: HTMLElement) =>
    root
      .querySelectorAll('dl.facts dt')
      .map((dt) => `${dt.text}: ${dt.nextElementSibling?.text ?? ''}`);

  describe('/kwalificaties', () => {
    it('lists the qualifications by dossier with their coverage, and says the set is illustrative', async () => {
      const root = await page('/kwalificaties');
      expect(root.querySelector('h1')?.text).toBe('Kwalificaties');
      expect(root.querySelector('a.site-nav__link[aria-current="page"]')?.text).toBe(
        'Kwalificaties',
      );
      expect(mainText(root)).toContain('niet de officiële kwalificatiestructuur van SBB');
      expect(card(root, '25831')).toBe(
        'Eerste monteur elektrotechnische installaties | crebo 25831 · mbo-niveau 3 | 1 curriculum en 2 modules | 1 van 3 keuzedelen met een module',
      );
      // 25393 (Aircraft maintenance) is named by no block and has no keuzedeel with a module.
      expect(card(root, '25393')).toContain('Nog geen herbruikbaar materiaal');
      // 25830 has no curriculum, but the warmtepomp module's keuzedeel combines with it.
      expect(card(root, '25830')).toContain('| 1 module |');
      expect(
        root.querySelector('.qualification-card[data-crebo="25831"] a')?.getAttribute('href'),
      ).toBe('/kwalificaties/25831');
      // Grouped by dossier: the dossier is the heading above its qualifications.
      const dossier = root.querySelector('#dossier-23153');
      expect(dossier?.text.replace(/\s+/g, ' ').trim()).toBe(
        'Eerste monteur elektrotechnische installaties dossier 23153',
      );
      expect(root.querySelector('meta[name="robots"]')).toBeNull();
      // The count and the orders read as one line, "volgorde:" heard but not seen.
      expect(root.querySelector('.qualification-count')?.text).toMatch(
        /^\d+ kwalificaties · volgorde: per dossier · op naam · minst materiaal eerst$/,
      );
    });

    it('narrows by name, crebo or dossier crebo on the server; nothing found offers a way out', async () => {
      // By dossier, then level: the level 2 monteur before the level 3 one.
      expect(cards(await page('/kwalificaties?q=monteur+elektrotechnische'))).toEqual([
        '25830',
        '25831',
      ]);
      expect(cards(await page('/kwalificaties?q=25831'))).toEqual(['25831']);
      expect(cards(await page('/kwalificaties?q=23153')).sort()).toEqual(['25830', '25831']);
      const none = await page('/kwalificaties?q=zeppelinbouw');
      expect(cards(none)).toEqual([]);
      expect(mainText(none)).toContain('Geen kwalificatie gevonden voor "zeppelinbouw"');
      expect(none.querySelector('.qualification-none a')?.text).toBe('Toon alle kwalificaties');
      expect(none.querySelector('#kwalificatie-q')?.getAttribute('value')).toBe('zeppelinbouw');
      expect(none.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    });

    it('shows only the gaps when asked, with both counts on the tabs', async () => {
      const all = await page('/kwalificaties');
      const gaps = await page('/kwalificaties?alleen=zonder-materiaal');
      expect(cards(gaps)).toContain('25393');
      expect(cards(gaps)).not.toContain('25831');
      expect(cards(gaps)).not.toContain('25830');
      const tabs = gaps.querySelectorAll('.search-tabs a').map((a) => a.text);
      expect(tabs).toEqual([
        `Alle (${cards(all).length})`,
        `Zonder materiaal (${cards(gaps).length})`,
      ]);
      expect(cards(gaps).length).toBeLessThan(cards(all).length);
      // The search keeps the choice, and the choice keeps the words.
      expect(
        gaps.querySelector('form[role="search"] input[name="alleen"]')?.getAttribute('value'),
      ).toBe('zonder-materiaal');
      const both = await page('/kwalificaties?q=aircraft&alleen=zonder-materiaal');
      expect(cards(both)).toEqual(['25393']);
    });

    it('orders by name or least material first; an unknown order or page is no error', async () => {
      const byName = cards(await page('/kwalificaties?sorteer=naam'));
      expect(byName).toHaveLength(cards(await page('/kwalificaties')).length);
      const least = await page('/kwalificaties?sorteer=minst-materiaal');
      expect(card(least, cards(least)[0]!)).toContain('Nog geen herbruikbaar materiaal');
      expect(cards(await page('/kwalificaties?sorteer=raket&pagina=abc'))).toEqual(
        cards(await page('/kwalificaties')),
      );
      expect(mainText(await page('/kwalificaties?pagina=400'))).toContain(
        'Op deze pagina staan geen kwalificaties meer.',
      );
    });
  });

  describe('/kwalificaties/:crebo', () => {
    it('shows dossier, kerntaken with the curricula covering them, keuzedelen and the blocks serving it', async () => {
      const root = await page('/kwalificaties/25831');
      expect(root.querySelector('h1')?.text.trim()).toBe(
        'Eerste monteur elektrotechnische installaties',
      );
      expect(facts(root)).toEqual([
        'Crebocode: 25831',
        'Niveau: mbo-niveau 3',
        'Kwalificatiedossier: Eerste monteur elektrotechnische installaties (crebo 23153, versie 1.0)',
        'Geldig vanaf: 1 augustus 2024',
      ]);
      expect(mainText(root)).toContain(
        'Bouwsteen heeft 1 curriculum en 2 modules voor deze kwalificatie. 1 van 3 keuzedelen met een module.',
      );
      const task = root.querySelector('[data-kerntaak="B1-K1"]')!;
      expect(task.querySelector('h4')?.text).toBe(
        'B1-K1 Installeert elektrotechnische installaties',
      );
      expect(task.querySelectorAll('.core-task__processes li').map((li) => li.text)).toEqual([
        'B1-K1-W1 Bereidt de installatie voor',
        'B1-K1-W2 Installeert en sluit aan',
        'B1-K1-W3 Test en neemt in bedrijf',
      ]);
      expect(task.querySelector('.core-task__covered a')?.getAttribute('href')).toBe(
        `/bouwstenen/${ids.curriculum}`,
      );
      const k0771 = root.querySelector('[data-keuzedeel="K0771"]')!;
      expect(k0771.querySelector('h3 a')?.getAttribute('href')).toBe(
        '/kwalificaties/keuzedelen/K0771',
      );
      expect(k0771.text).toContain('240 sbu');
      expect(k0771.querySelector('.block-links a')?.getAttribute('href')).toBe(
        `/bouwstenen/${ids.module}`,
      );
      expect(root.querySelector('[data-keuzedeel="K0730"]')?.text).toContain(
        'Er is nog geen herbruikbare module voor dit keuzedeel.',
      );
      const material = root.querySelector('section[aria-labelledby="materiaal-titel"]')!;
      const links = material.querySelectorAll('.block-links li');
      expect(links.map((li) => li.querySelector('a')!.getAttribute('href'))).toContain(
        `/bouwstenen/${ids.curriculum}`,
      );
      // Each block with its PPS, linked.
      expect(links[0].querySelectorAll('a')[1].getAttribute('href')).toMatch(
        /^\/pps\/[0-9a-f-]{36}$/,
      );
    });

    it('says plainly what a qualification without material lacks', async () => {
      const text = mainText(await page('/kwalificaties/25393'));
      expect(text).toContain(
        'Bouwsteen heeft nog geen herbruikbaar materiaal voor deze kwalificatie.',
      );
      expect(text).toContain('Nog geen gepubliceerd curriculum.');
    });

    it.each(['99999', '2583', 'abcde', '25831x'])(
      'answers the Dutch 404 page for crebo %s',
      async (crebo) => {
        const root = await page(`/kwalificaties/${crebo}`, 404);
        expect(root.querySelector('h1')?.text).toBe('Kwalificatie niet gevonden');
      },
    );
  });

  describe('/kwalificaties/keuzedelen/:code', () => {
    it('shows the keuzedeel, the modules carrying it and the qualifications it combines with', async () => {
      const root = await page('/kwalificaties/keuzedelen/K0771');
      expect(root.querySelector('h1')?.text).toBe(
        'K0771 Installeren en onderhouden van warmtepompen',
      );
      expect(facts(root)).toEqual([
        'Code: K0771',
        'Omvang: 240 sbu',
        'Niveau: mbo-niveau 3',
        'mbo-certificaat: Ja',
        'Geldig vanaf: 1 augustus 2024',
      ]);
      expect(
        root.querySelector('section[aria-labelledby="modules-titel"] a')?.getAttribute('href'),
      ).toBe(`/bouwstenen/${ids.module}`);
      expect(
        root
          .querySelectorAll('section[aria-labelledby="kwalificaties-titel"] a')
          .map((a) => a.getAttribute('href')),
      ).toContain('/kwalificaties/25831');
      expect(mainText(await page('/kwalificaties/keuzedelen/K0730'))).toContain(
        'Er is nog geen herbruikbare module voor dit keuzedeel.',
      );
    });

    it.each(['K9999', 'K771', 'k771', 'X'])('answers 404 for %s', async (code) => {
      const root = await page(`/kwalificaties/keuzedelen/${code}`, 404);
      expect(root.querySelector('h1')?.text).toBe('Keuzedeel niet gevonden');
    });
  });

  describe('addresses that live elsewhere', () => {
    it('moves a lower-case keuzedeel code and a dossier crebo (301); both pages link back', async () => {
      const lower = await t
        .http()
        .get('/kwalificaties/keuzedelen/k0771')
        .set('Accept', 'text/html');
      expect([lower.status, lower.headers.location]).toEqual([
        301,
        '/kwalificaties/keuzedelen/K0771',
      ]);
      const dossier = await t.http().get('/kwalificaties/23153').set('Accept', 'text/html');
      expect([dossier.status, dossier.headers.location]).toEqual([301, '/kwalificaties?q=23153']);
      for (const path of ['/kwalificaties/25831', '/kwalificaties/keuzedelen/K0771'])
        expect(
          (await page(path)).querySelector('.qualification-back a')?.getAttribute('href'),
        ).toBe('/kwalificaties');
    });
  });

  describe('/kwalificaties/keuzedelen', () => {
    const codes = (root: HTMLElement) =>
      root.querySelectorAll('.qualification-card').map((c) => c.getAttribute('data-keuzedeel'));

    it('lists every keuzedeel with sbu, certificate and modules; narrows by code or name; "Zonder module"', async () => {
      const root = await page('/kwalificaties/keuzedelen');
      expect(root.querySelector('h1')?.text).toBe('Keuzedelen');
      const k0771 = root.querySelector('[data-keuzedeel="K0771"]')!;
      expect(
        k0771
          .querySelectorAll('h3, p')
          .map((line) => line.text.trim())
          .join(' | '),
      ).toBe(
        'K0771 Installeren en onderhouden van warmtepompen | 240 sbu · met mbo-certificaat | 1 module',
      );
      expect(k0771.querySelector('a')?.getAttribute('href')).toBe(
        '/kwalificaties/keuzedelen/K0771',
      );
      expect(codes(await page('/kwalificaties/keuzedelen?q=k0771'))).toEqual(['K0771']);
      expect(codes(await page('/kwalificaties/keuzedelen?q=warmtepompen'))).toEqual(['K0771']);
      const without = await page('/kwalificaties/keuzedelen?alleen=zonder-module');
      expect(codes(without)).toContain('K0730');
      expect(codes(without)).not.toContain('K0771');
      expect(without.querySelectorAll('.search-tabs a').map((a) => a.text)).toEqual([
        `Alle (${codes(root).length})`,
        `Zonder module (${codes(without).length})`,
      ]);
      const none = await page('/kwalificaties/keuzedelen?q=zeppelin');
      expect(mainText(none)).toContain('Geen keuzedeel gevonden voor "zeppelin"');
      // Linked from the qualifications, which point a typed keuzedeel code to it.
      const overview = await page('/kwalificaties');
      expect(overview.querySelector('main a[href="/kwalificaties/keuzedelen"]')).not.toBeNull();
      const typed = await page('/kwalificaties?q=K0771');
      expect(typed.querySelector('.qualification-hint')?.text).toBe(
        'Zoekt u een keuzedeel? K0771 staat bij de keuzedelen.',
      );
      expect(typed.querySelector('.qualification-hint a')?.getAttribute('href')).toBe(
        '/kwalificaties/keuzedelen?q=K0771',
      );
    });
  });

  it('names crebo and keuzedeel codes on block pages, linked to their pages', async () => {
    const curriculum = await page(`/bouwstenen/${ids.curriculum}`);
    const crebo = curriculum.querySelector('[data-crebo="25831"]')!;
    expect(crebo.text.replace(/\s+/g, ' ').trim()).toBe(
      'Eerste monteur elektrotechnische installaties (crebo 25831, mbo-niveau 3)',
    );
    expect(crebo.querySelector('a')?.getAttribute('href')).toBe('/kwalificaties/25831');
    const elective = curriculum.querySelector('[data-keuzedeel="K0771"]')!;
    expect(elective.querySelector('a')?.text).toBe(
      'K0771 Installeren en onderhouden van warmtepompen',
    );
    expect(elective.querySelector('a')?.getAttribute('href')).toBe(
      '/kwalificaties/keuzedelen/K0771',
    );
    const module = await page(`/bouwstenen/${ids.module}`);
    expect(module.querySelector('[data-keuzedeel="K0771"] a')?.getAttribute('href')).toBe(
      '/kwalificaties/keuzedelen/K0771',
    );
  });

  it('lists the overview and every qualification in the sitemap', async () => {
    const sitemap = (await t.http().get('/sitemaps/paginas.xml').expect(200)).text;
    expect(sitemap).toMatch(/<loc>[^<]*\/kwalificaties<\/loc>/);
    expect(sitemap).toMatch(/<loc>[^<]*\/kwalificaties\/25831<\/loc>/);
  });

  describe('/beheer/kwalificaties', () => {
    const XML = 'application/xml';

    /** Posts a file as the page's form does: multipart, the token in the address. */
    const upload = async (
      content: Buffer | null,
      name = 'sbb.xml',
      token: string | null = adminBrowser.token,
    ) => {
      const request = t
        .http()
        .post(
          `/beheer/kwalificaties${token === null ? '' : `?_formulier=${encodeURIComponent(token)}`}`,
        )
        .set('Cookie', adminBrowser.cookieHeader)
        .set('Accept', 'text/html');
      return content === null
        ? request.attach('bestand', Buffer.alloc(0), { filename: '', contentType: XML })
        : request.attach('bestand', content, { filename: name, contentType: XML });
    };
    const refused = (response: { status: number; text: string }, status: number) => {
      expect(response.status).toBe(status);
      const root = html(response as never);
      expect(root.querySelector('title')?.text).toMatch(/^Fout: Kwalificatiestructuur/);
      expect(root.querySelector('#foutmeldingen a')?.getAttribute('href')).toBe('#bestand');
      expect(root.querySelector('#bestand')?.getAttribute('aria-invalid')).toBe('true');
      return root.querySelector('#bestand-fout')?.text ?? '';
    };

    it('sends an anonymous visitor to sign in and refuses a non-admin', async () => {
      const anonymous = await t.http().get('/beheer/kwalificaties').set('Accept', 'text/html');
      expect([anonymous.status, anonymous.headers.location]).toEqual([
        303,
        '/inloggen?terug=%2Fbeheer%2Fkwalificaties',
      ]);
      const lead = new PageBrowser(t);
      await lead.signIn(editor);
      expect((await lead.get('/beheer/kwalificaties')).status).toBe(403);
      const post = await t
        .http()
        .post(`/beheer/kwalificaties?_formulier=${encodeURIComponent(lead.token)}`)
        .set('Cookie', lead.cookieHeader)
        .set('Accept', 'text/html')
        .attach('bestand', Buffer.from('<sbb/>'), { filename: 'x.xml', contentType: XML });
      expect(post.status).toBe(403);
    });

    it('shows the reference set as such, and the imports so far', async () => {
      const response = await adminBrowser.get('/beheer/kwalificaties');
      expect(response.status).toBe(200);
      const root = expectPage(response);
      expect(root.querySelector('.search-tabs a[aria-current="page"]')?.text).toBe('Kwalificaties');
      expect(mainText(root)).toContain('Nu staat de voorbeeldset van Bouwsteen erin');
      // One landmark named "Eerdere imports" (the table's region), not also its section.
      expect(
        root.querySelectorAll(
          'section[aria-labelledby="eerder-titel"], [role="region"][aria-labelledby="eerder-titel"]',
        ),
      ).toHaveLength(1);
      const row = root.querySelector('tbody tr')!;
      expect(row.querySelectorAll('td').map((td) => td.text.trim())).toEqual([
        'kwalificaties-referentieset.xml',
        expect.stringMatching(/\d{4} om \d{2}:\d{2}$/),
        'Bouwsteen (voorbeeldset)',
        'Voorbeeldset',
        expect.stringMatching(/^\d+$/),
        expect.stringMatching(/^\d+$/),
        '17',
        '0',
      ]);
      const overview = expectPage(await adminBrowser.get('/beheer'));
      expect(overview.querySelector('.search-tabs a[href="/beheer/kwalificaties"]')?.text).toBe(
        'Kwalificaties',
      );
    });

    it('refuses a post without the form token', async () => {
      const response = await upload(Buffer.from('<sbb/>'), 'sbb.xml', null);
      expect(response.status).toBe(403);
      expect(html(response as never).querySelector('h1')?.text).toBe('Het formulier is verlopen');
    });

    it('answers the page again with a Dutch reason for no file, not XML, not SBB, and too large', async () => {
      expect(refused(await upload(null), 400)).toBe('Kies eerst het XML-bestand van SBB.');
      expect(refused(await upload(Buffer.from('kolom1;kolom2\n1;2\n'), 'lijst.csv'), 422)).toMatch(
        /^Het bestand is geen geldige XML \(regel \d+\)\. Er is niets veranderd\.$/,
      );
      expect(refused(await upload(Buffer.from('<html><body/></html>')), 422)).toMatch(
        /een webpagina \(HTML\)/,
      );
      expect(refused(await upload(Buffer.from('<kwalificaties/>')), 422)).toMatch(
        /geen kwalificatiebestand van SBB/,
      );
      expect(refused(await upload(Buffer.from('<!DOCTYPE sbb><sbb/>')), 422)).toMatch(/DOCTYPE/);
      const huge = Buffer.alloc(64 * 1024 * 1024 + 1, 0x20);
      expect(refused(await upload(huge), 413)).toMatch(/groter dan 64 MB/);
      // Nothing was stored: the reference set is still all there is.
      expect(mainText(expectPage(await adminBrowser.get('/beheer/kwalificaties')))).toContain(
        'Nu staat de voorbeeldset van Bouwsteen erin',
      );
    }, 60_000);

    it('answers the page again for a body cut off before its closing boundary, and keeps running', async () => {
      await adminBrowser.get('/beheer/kwalificaties');
      const response = await t
        .http()
        .post(`/beheer/kwalificaties?_formulier=${encodeURIComponent(adminBrowser.token)}`)
        .set('Cookie', adminBrowser.cookieHeader)
        .set('Accept', 'text/html')
        .set('Content-Type', 'multipart/form-data; boundary=XX')
        .send(
          '--XX\r\nContent-Disposition: form-data; name="bestand"; filename="a.xml"\r\n\r\n<sbb/>',
        );
      expect(refused(response, 400)).toBe(
        'Het bestand kwam niet helemaal aan; probeer het opnieuw.',
      );
      // The process still answers, and nothing was stored.
      expect(mainText(expectPage(await adminBrowser.get('/beheer/kwalificaties')))).toContain(
        'Nu staat de voorbeeldset van Bouwsteen erin',
      );
    });

    it('reads a good file: the result with counts and warnings, who did it, and the reference set gone', async () => {
      const qualifications = Array.from(
        { length: 45 },
        (_, n) =>
          `<profiel titel="Vakkracht ${String(n + 1).padStart(2, '0')}" niveau="${n === 0 ? '7' : '2'}"><creboinformatie><crebo>${26000 + n}</crebo></creboinformatie></profiel>`,
      ).join('');
      const file = Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><sbb><dossiers><dossier nr="23999" titel="Vakmanschap (échte test)" versie="2.0">
           <dossiercrebos><dossiercrebo>23999</dossiercrebo></dossiercrebos>
           <profielen>${qualifications}</profielen></dossier></dossiers>
         <keuzedelen><keuzedeel code="K0771" titel="Warmtepompen (SBB)" omvang="480"><kwalificaties><crebo>26000</crebo></kwalificaties></keuzedeel></keuzedelen></sbb>`,
      );
      const done = await upload(file, 'sbb-2026 (ééntje).xml');
      expect(done.status).toBe(303);
      expect(done.headers.location).toMatch(/^\/beheer\/kwalificaties\/[0-9a-f-]{36}$/);
      const result = expectPage(await adminBrowser.get(done.headers.location));
      expect(result.querySelector('h1')?.text).toBe('Ingelezen: sbb-2026 (ééntje).xml');
      const text = mainText(result);
      expect(text).toContain('1 dossier, 45 kwalificaties en 1 keuzedeel ingelezen.');
      expect(facts(result)).toEqual([
        expect.stringMatching(/^Wanneer: \d+ \w+ \d{4} om \d{2}:\d{2}$/),
        'Door: Test admin',
        'Soort: Bestand van SBB',
      ]);
      expect(text).toContain('Meldingen (1)');
      expect(result.querySelectorAll('.import-warnings li').map((li) => li.text)).toEqual([
        expect.stringContaining('het niveau is geen 1, 2, 3 of 4'),
      ]);
      const [stored] = await t.app
        .get(DataSource)
        .query(
          `SELECT imported_by, reference FROM qualification_import ORDER BY imported_at DESC LIMIT 1`,
        );
      expect(stored).toEqual({ imported_by: admin.id, reference: false });

      const list = expectPage(await adminBrowser.get('/beheer/kwalificaties'));
      expect(mainText(list)).not.toContain('Nu staat de voorbeeldset');
      expect(list.querySelector('tbody tr td')?.text.trim()).toBe('sbb-2026 (ééntje).xml');
      expect(list.querySelectorAll('tbody tr td')[2].text).toBe('Test admin');

      // The public pages now show SBB's data, paged, without the illustration notice.
      const first = await page('/kwalificaties');
      expect(mainText(first)).not.toContain('voorbeeldset');
      expect(cards(first)).toHaveLength(40);
      const pager = first.querySelector('nav.utrecht-pagination');
      expect(pager?.querySelector('a[rel="next"]')?.getAttribute('href')).toBe(
        '/kwalificaties?pagina=2',
      );
      expect(cards(await page('/kwalificaties?pagina=2'))).toHaveLength(5);
      expect((await page('/kwalificaties/25831', 404)).querySelector('h1')?.text).toBe(
        'Kwalificatie niet gevonden',
      );
      expect(facts(await page('/kwalificaties/keuzedelen/K0771'))).toContain('Omvang: 480 sbu');
    });

    it('names what a title leaves blank, shows closed intake as no gap, bounds long lists, and says which published codes it does not know', async () => {
      const crebos = Array.from({ length: 250 }, (_, n) => `<crebo>${28000 + n}</crebo>`).join('');
      const file = Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><sbb><dossiers><dossier nr="23998" titel="   " versie="1.0">
           <dossiercrebos><dossiercrebo>23998</dossiercrebo></dossiercrebos><profielen>
           <profiel titel="   " niveau="2"><creboinformatie><crebo>27000</crebo></creboinformatie></profiel>
           <profiel titel="Gesloten vak" niveau="2"><creboinformatie><crebo Datum_einde_instroom="2020-07-31">27001</crebo></creboinformatie></profiel>
           </profielen></dossier></dossiers>
         <keuzedelen><keuzedeel code="K0999" titel=" " omvang="240"><kwalificaties>${crebos}</kwalificaties></keuzedeel></keuzedelen></sbb>`,
      );
      const done = await upload(file, 'leeg.xml');
      expect(done.status).toBe(303);
      // The demo's blocks name crebos of the reference set, which SBB's file replaced.
      const result = expectPage(await adminBrowser.get(done.headers.location));
      expect(result.querySelector('.unknown-codes')?.text).toMatch(
        /^\d+ gepubliceerde bouwstenen noemen een code die niet in de kwalificatiestructuur staat: .*25831/,
      );

      const blank = await page('/kwalificaties/27000');
      expect(blank.querySelector('h1')?.text.trim()).toBe('Kwalificatie 27000');
      expect(blank.querySelector('title')?.text).toMatch(/^Kwalificatie 27000 \|/);
      expect(facts(blank)).toContain(
        'Kwalificatiedossier: Dossier 23998 (crebo 23998, versie 1.0)',
      );
      const overview = await page('/kwalificaties?q=23998');
      expect(overview.querySelector('#dossier-23998')?.text).toContain('Dossier 23998');
      expect(card(overview, '27000')).toMatch(/^Kwalificatie 27000 \|/);
      expect(card(overview, '27001')).toContain('Instroom gesloten sinds 31 juli 2020');
      const gaps = await page('/kwalificaties?q=23998&alleen=zonder-materiaal');
      expect(cards(gaps)).toEqual(['27000']);
      expect(gaps.querySelectorAll('.search-tabs a').map((a) => a.text)).toEqual([
        'Alle (2)',
        'Zonder materiaal (1)',
      ]);

      const elective = await page('/kwalificaties/keuzedelen/K0999');
      expect(elective.querySelector('h1')?.text.trim()).toBe('Keuzedeel K0999');
      expect(elective.querySelector('#kwalificaties-titel')?.text).toBe(
        'Past bij deze kwalificaties (250)',
      );
      const listed = elective.querySelectorAll('section[aria-labelledby="kwalificaties-titel"] li');
      expect(listed).toHaveLength(200);
      expect(mainText(elective)).toContain(
        'En nog 50 kwalificaties; de pagina toont de eerste 200.',
      );
      expect(
        (await page('/kwalificaties/keuzedelen?q=K0999'))
          .querySelector('[data-keuzedeel="K0999"] a')
          ?.text.trim(),
      ).toBe('Keuzedeel K0999');
    });

    it('answers 404 for an import that does not exist, 400 for an id that is none', async () => {
      const missing = await adminBrowser.get(
        '/beheer/kwalificaties/00000000-0000-4000-8000-000000000000',
      );
      expect(missing.status).toBe(404);
      expect((await adminBrowser.get('/beheer/kwalificaties/abc')).status).toBe(400);
    });
  });
});
