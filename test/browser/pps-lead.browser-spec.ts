import { Browser, Page } from 'playwright-core';
import { ReuseService } from '@bouwsteen/reuse';
import {
  eventually,
  expectAccessible,
  isFocused,
  openPage,
  problemsOf,
  screenshot,
  signIn,
} from '../harness/browser';
import { DemoSite, openDemoSite } from '../harness/demo-site';
import { pageQuery } from '../../libs/web/src/pages/search-queries';

/**
 * A PPS lead's path in Chromium: sign in, start a module that another PPS already published,
 * see "Dit bestaat al" while typing, save (after fixing an error, with nothing typed lost), and
 * record reuse of the other PPS's module instead — setting their own draft aside.
 */
/** A CSV for the import page: the header, and a module row by code, title and hours. */
const IMPORT_HEADER =
  'sourceId,kind,title,summary,levels,license,module.moduleType,module.learningOutcomes,module.studyLoad.value,module.studyLoad.unit,module.audiences,module.learningMode,module.deliveryModes,module.certification';
const row = (code: string, title: string, hours: string) =>
  `${code},Module,${title},Praktijkgerichte module voor monteurs met opdrachten op de werkplek.,mbo niveau 3,CC BY-SA 4.0,E-learning,Werkt veilig volgens de instructie,${hours},uur,worker,Formeel leren,online,micro-credential`;

describe('a PPS lead in the browser', () => {
  let site: DemoSite;
  let browser: Browser;
  let baseURL: string;
  let lead: { email: string; password: string };

  beforeAll(async () => {
    site = await openDemoSite();
    ({ browser, baseURL } = site);
    lead = await site.t.user('pps-editor', [await site.t.ppsId('House of Digital')]);
  }, 120_000);

  afterAll(() => site?.close());

  async function signIn(page: Page): Promise<void> {
    await page.goto('/mijn-pps');
    await page.waitForURL(/\/inloggen\?terug=%2Fmijn-pps/);
    await expectAccessible(page, 'inloggen');
    await page.getByLabel('E-mailadres').fill(lead.email);
    await page.getByLabel('Wachtwoord').fill('niet-het-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    // A failed form like any other: the summary, focused, and "Fout: " in the title.
    const summary = page.locator('#foutmeldingen');
    await summary.getByText('Het e-mailadres of het wachtwoord klopt niet').waitFor();
    expect(await isFocused(summary)).toBe(true);
    expect(await page.title()).toMatch(/^Fout: /);
    await expectAccessible(page, 'inloggen-fout');
    expect(await page.getByLabel('E-mailadres').inputValue()).toBe(lead.email);
    await page.getByLabel('Wachtwoord').fill(lead.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/mijn-pps$/);
  }

  it('writes a module that already exists, sees the warning, and records reuse instead', async () => {
    const page = await openPage(browser, baseURL);
    await signIn(page);
    await expectAccessible(page, 'mijn-pps');
    await page.getByRole('link', { name: 'Module toevoegen' }).click();
    await page.waitForURL(/\/mijn-pps\/nieuw\?soort=module/);

    // Typing is enough: the panel asks while the lead writes.
    await page
      .getByLabel('Titel', { exact: true })
      .fill('Veilig werken met cobots op de werkvloer');
    await page
      .getByLabel('Samenvatting')
      .fill('Module over risicoanalyse en veilig samenwerken met cobots voor operators.');
    await page
      .getByRole('group', { name: 'Leeruitkomst 1' })
      .getByLabel('Leeruitkomst', { exact: true })
      .first()
      .fill('Voert een risicoanalyse uit voor een cobot-werkplek.');
    const panel = page.locator('#dit-bestaat-al');
    await eventually(
      async () =>
        expect(await panel.textContent()).toContain('E-learning Veilig werken met cobots'),
      15_000,
    );
    expect(await panel.textContent()).toContain('Techport mbo');
    expect(await panel.textContent()).toMatch(
      /Zelfde woorden in de leeruitkomsten: .*risicoanalys/,
    );
    await expectAccessible(page, 'mijn-pps-nieuw-bestaat-al');
    // Beside the form it stays in view, and never taller than the window: a long list of
    // findings ("Meer" open) scrolls in the panel, so no finding or focused link is out of reach.
    expect(
      await page.evaluate(`(() => {
        const aside = document.querySelector('aside.work-aside');
        const style = getComputedStyle(aside);
        return { position: style.position, overflowY: style.overflowY,
          fits: aside.getBoundingClientRect().height <= innerHeight };
      })()`),
    ).toEqual({ position: 'sticky', overflowY: 'auto', fits: true });

    // Saving with a value that cannot be right (a draft needs no more than its title): errors in
    // Dutch, linked, and nothing typed is lost.
    await page.getByLabel('Hoeveel').fill('acht');
    await page.getByLabel('Eenheid').selectOption('hour');
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    const summary = page.locator('#foutmeldingen');
    await summary.waitFor();
    expect(await summary.textContent()).toContain(
      'Studiebelasting — Hoeveel: Vul een getal in met hoogstens 2 cijfers na de komma',
    );
    expect(await page.getByLabel('Titel', { exact: true }).inputValue()).toBe(
      'Veilig werken met cobots op de werkvloer',
    );
    await expectAccessible(page, 'mijn-pps-nieuw-fouten');
    await summary.getByRole('link', { name: /Studiebelasting — Hoeveel/ }).click();
    expect(await isFocused(page.locator('#veld-module-studyLoad-value'))).toBe(true);

    await page.getByLabel('Hoeveel').fill('8');
    await page.getByLabel('Eenheid').selectOption('hour');
    await page.getByLabel('Soort module').selectOption({ label: 'E-learning' });
    await page.getByRole('group', { name: 'Doelgroep' }).getByLabel('Werkenden').check();
    await page.getByLabel('Leervorm').selectOption('formal');
    await page.getByRole('group', { name: 'Vorm van uitvoering' }).getByLabel('Online').check();
    await page.getByLabel('Certificaat').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await page.waitForURL(/\/mijn-pps\/bouwstenen\/[0-9a-f-]+\?melding=opgeslagen/);
    await page.getByText('Het concept is opgeslagen.').waitFor();
    expect(await panel.textContent()).toContain('E-learning Veilig werken met cobots');
    await expectAccessible(page, 'mijn-pps-concept');
    const draftUrl = page.url();

    // Reuse instead: the form explains the licence and offers to set the draft aside.
    await panel
      .getByRole('link', { name: /^Hergebruiken\s*: E-learning Veilig werken met cobots$/ })
      .click();
    await page.waitForURL(/\/hergebruiken\?concept=/);
    expect(await page.locator('main').textContent()).toContain(
      'U mag dit gebruiken, delen en aanpassen',
    );
    await page.getByRole('button', { name: 'Hergebruik vastleggen' }).click();
    await page.locator('#foutmeldingen').waitFor();
    await expectAccessible(page, 'hergebruiken-fouten');
    await page.getByLabel('Waar gebruikt u het').fill('BBL Operator, leerjaar 1');
    expect(await page.getByLabel(/Mijn eigen concept .* weggooien/).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Hergebruik vastleggen' }).click();
    await page.waitForURL(/\/mijn-pps\?pps=.*melding=hergebruik-concept-weg/);
    await page
      .getByText('Het hergebruik is vastgelegd en uw eigen concept is weggegooid')
      .waitFor();
    await screenshot(page, 'mijn-pps-na-hergebruik');

    // The draft is gone, and the other PPS's module now shows House of Digital as reuser.
    const gone = await page.goto(draftUrl.split('?')[0]);
    expect(gone?.status()).toBe(404);
    const reuses = (
      await site.t.app
        .get(ReuseService)
        .byPps(await site.t.ppsId('House of Digital'), pageQuery(50))
    ).items;
    expect(reuses).toContainEqual(
      expect.objectContaining({
        assetTitle: 'E-learning Veilig werken met cobots',
        context: 'BBL Operator, leerjaar 1',
        mode: 'as-is',
      }),
    );
    await page.context().close();
  });
});

describe('a PPS lead keeping their building blocks up to date', () => {
  let site: DemoSite;
  let browser: Browser;
  let baseURL: string;
  let lead: { email: string; password: string };

  beforeAll(async () => {
    site = await openDemoSite();
    ({ browser, baseURL } = site);
    lead = await site.t.user('pps-editor', [await site.t.ppsId('House of Digital')]);
  }, 120_000);

  afterAll(() => site?.close());

  async function signedIn(): Promise<Page> {
    const page = await openPage(browser, baseURL);
    await signIn(page, lead, /\/mijn-pps$/);
    return page;
  }

  it('edits while a colleague edits, publishes with a change note, compares versions and archives with a successor', async () => {
    const page = await signedIn();
    await page.getByRole('link', { name: /^Gepubliceerd/ }).click();
    await page.getByRole('link', { name: 'Data-analyse met Python voor het mbo' }).click();
    const editUrl = page.url();
    const colleague = await signedIn();
    await colleague.goto(editUrl);

    await page
      .getByLabel('Samenvatting')
      .fill('Praktische module: studenten analyseren echte bedrijfsdata met Python en pandas.');
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await page.getByText('Het concept is opgeslagen.').waitFor();

    // The colleague's form is stale: what they typed stays, and they see what changed meanwhile.
    await colleague.getByLabel('Titel', { exact: true }).fill('Data-analyse met Python');
    await colleague.getByRole('button', { name: 'Concept opslaan' }).click();
    const conflict = colleague
      .getByRole('alert')
      .filter({ hasText: 'Iemand anders heeft deze bouwsteen intussen gewijzigd' });
    await conflict.waitFor();
    expect(await conflict.locator('tbody th').allTextContents()).toEqual(['Samenvatting']);
    expect(await conflict.locator('ins').first().textContent()).toContain('Praktische');
    expect(await colleague.getByLabel('Titel', { exact: true }).inputValue()).toBe(
      'Data-analyse met Python',
    );
    await expectAccessible(colleague, 'mijn-pps-conflict');
    await colleague.getByRole('button', { name: 'Concept opslaan' }).click();
    await colleague.getByText('Het concept is opgeslagen.').waitFor();
    await colleague.context().close();

    await page.goto(editUrl.split('?')[0]);
    await page.getByRole('button', { name: 'Opslaan, controleren en publiceren' }).click();
    expect(await page.locator('table tbody th').allTextContents()).toEqual(['Titel']);
    await page.getByRole('button', { name: /publiceren$/ }).click();
    await page.locator('#foutmeldingen').waitFor();
    await expectAccessible(page, 'publiceren-fouten');
    await page.getByLabel('Wat is er veranderd').fill('Kortere titel.');
    await page.getByRole('button', { name: /publiceren$/ }).click();
    await page.getByText('De bouwsteen is gepubliceerd.').waitFor();

    await page.getByRole('link', { name: 'Vergelijk de laatste twee versies' }).click();
    await page.waitForURL(/\/verschillen\?van=1&naar=2/);
    expect(await page.locator('table tbody th').allTextContents()).toEqual(['Titel']);
    expect(await page.locator('main').textContent()).toContain(
      'Toelichting bij versie 2: Kortere titel.',
    );
    await expectAccessible(page, 'versies-vergelijken');

    await page.goto(editUrl.split('?')[0]);
    await page.getByRole('link', { name: 'Archiveren', exact: true }).click();
    await expectAccessible(page, 'archiveren');
    await page
      .getByLabel('Opvolger uit uw eigen PPS')
      .selectOption({ label: 'Werken met AI-assistenten op de werkvloer' });
    await page.getByRole('button', { name: 'Archiveren' }).click();
    await page.getByText('De bouwsteen is gearchiveerd.').waitFor();
    expect(await page.locator('table').textContent()).toContain('Data-analyse met Python');
    await page.context().close();
  });

  it('starts a derivative of another PPS’s module and makes a personal API token', async () => {
    const page = await signedIn();
    await page.goto('/zoeken?q=cobots');
    await page.getByRole('link', { name: 'E-learning Veilig werken met cobots' }).first().click();
    await page.getByRole('link', { name: 'Afleiden: een eigen versie maken' }).click();
    expect(await page.locator('main').textContent()).toContain(
      'Uw afgeleide bouwsteen houdt dezelfde licentie (CC-BY-SA-4.0)',
    );
    await expectAccessible(page, 'afleiden');
    await page.getByRole('button', { name: 'Eigen concept maken' }).click();
    await page.waitForURL(/\/mijn-pps\/bouwstenen\/[0-9a-f-]+\?melding=afgeleid/);
    expect(await page.getByLabel('Titel', { exact: true }).inputValue()).toBe(
      'E-learning Veilig werken met cobots',
    );

    await page.getByRole('link', { name: 'Mijn account' }).click();
    await page.getByLabel('Naam', { exact: true }).fill('Koppeling met ons LMS');
    await page.getByRole('button', { name: 'Sleutel maken' }).click();
    expect(await page.getByLabel('Uw nieuwe API-sleutel').inputValue()).toMatch(/^bst_/);
    await expectAccessible(page, 'mijn-account');
    await page.getByRole('button', { name: /^Intrekken/ }).click();
    expect(await page.locator('table').textContent()).toContain('ingetrokken op');
    await page.context().close();
  });
  it('imports a catalogue from a spreadsheet: a check first, then for real', async () => {
    const page = await signedIn();
    await page.goto('/mijn-pps');
    await page
      .getByRole('link', { name: 'Een hele catalogus importeren uit een spreadsheet' })
      .click();
    await page.waitForURL(/\/mijn-pps\/importeren\?pps=/);
    await expectAccessible(page, 'mijn-pps-importeren');
    const file = {
      name: 'catalogus.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          IMPORT_HEADER,
          row('WEB-1', 'Hydrauliek in de praktijk', '8'),
          row('WEB-2', 'Pneumatiek in de praktijk', 'acht'),
          row('WEB-3', 'Meten en regelen', '12'),
        ].join('\r\n'),
      ),
    };
    /** Sends the file and waits on the job's page: while it runs, the page updates itself. */
    const send = async (chosen: typeof file) => {
      await page.getByLabel('Bestand', { exact: true }).setInputFiles(chosen);
      await page.getByRole('button', { name: 'Versturen' }).click();
      await page.waitForURL(/\/mijn-pps\/importeren\/[0-9a-f-]{36}$/);
      await eventually(
        async () =>
          expect(await page.locator('#voortgang').textContent()).toContain('Status: Klaar'),
        // 3,000 rows take a few seconds alone; a CI machine running other suites needs longer.
        60_000,
      );
      // A job that ended while the page watched reloads it whole: totals and report.
      await page.getByRole('table', { name: 'Totalen' }).waitFor();
    };
    // The default is a check that changes nothing.
    expect(
      await page.getByLabel('Alleen controleren (proefimport): er verandert niets').isChecked(),
    ).toBe(true);
    // The check runs long enough (3,003 rows) for the page to follow it while it runs.
    const many = Array.from({ length: 3000 }, (_, n) => row(`WEB-X${n}`, `Module ${n}`, '4'));
    await send({
      ...file,
      buffer: Buffer.concat([file.buffer, Buffer.from(`\r\n${many.join('\r\n')}`)]),
    });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Proefimport: catalogus.csv',
    );
    const totals = page.getByRole('table', { name: 'Totalen' });
    expect(await totals.getByRole('row', { name: /Nieuw \(zou worden\)/ }).textContent()).toContain(
      '3.002',
    );
    const report = page.getByRole('table', { name: 'Verslag' });
    expect(await report.textContent()).toContain('module.studyLoad.value');
    expect(await report.textContent()).toContain('Vul een getal in.');
    expect(await report.textContent()).toContain('acht');
    await expectAccessible(page, 'mijn-pps-import-verslag');
    await screenshot(page, 'mijn-pps-import-verslag');

    // For real, as drafts, from a smaller file chosen anew ("Nu echt importeren" of the same
    // file is import-run.browser-spec's): the two good rows become drafts of the PPS.
    await page.getByRole('link', { name: 'Terug naar importeren' }).click();
    await page.getByLabel('Importeren als concept').check();
    await send(file);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Import: catalogus.csv',
    );
    await page.goto('/mijn-pps');
    expect(await page.getByRole('link', { name: 'Hydrauliek in de praktijk' }).count()).toBe(1);
    await page.goto('/mijn-pps/importeren');
    expect(await page.getByRole('table', { name: 'Eerdere imports' }).textContent()).toContain(
      'Proefimport',
    );
    await screenshot(page, 'mijn-pps-importeren');
    // An upload without the page's form token (from another site) is refused before it is read.
    const forged = await page.request.post(
      `/mijn-pps/importeren?pps=${await site.t.ppsId('House of Digital')}`,
      {
        multipart: { doel: 'publiceren', file: file },
        maxRedirects: 0,
      },
    );
    expect(forged.status()).toBe(403);
    expect(problemsOf(page)).toEqual([]);
  }, 150_000);

  it('stops a running import from its page; what was read stays', async () => {
    const page = await signedIn();
    await page.goto(`/mijn-pps/importeren?pps=${await site.t.ppsId('House of Digital')}`);
    const rows = Array.from({ length: 20_000 }, (_, n) => row(`STOP-${n}`, `Module ${n}`, '4'));
    await page.getByLabel('Bestand', { exact: true }).setInputFiles({
      name: 'groot.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([IMPORT_HEADER, ...rows].join('\r\n')),
    });
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.waitForURL(/\/mijn-pps\/importeren\/[0-9a-f-]{36}$/);
    const stop = page.getByRole('button', { name: 'Import stoppen' });
    await stop.waitFor();
    await expectAccessible(page, 'mijn-pps-import-bezig');
    await screenshot(page, 'mijn-pps-import-bezig');
    await stop.press('Enter');
    await eventually(
      async () =>
        expect(await page.locator('#voortgang').textContent()).toContain('Status: Geannuleerd'),
      30_000,
    );
    const totals = page.getByRole('table', { name: 'Totalen' });
    await totals.waitFor();
    const read = Number(
      (await page.locator('#voortgang').textContent())!
        .match(/([\d.]+) rijen gelezen/)![1]
        .replace(/\./g, ''),
    );
    expect(read).toBeLessThan(20_000);
    expect(problemsOf(page)).toEqual([]);
  });
});
