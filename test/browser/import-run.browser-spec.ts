import { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { eventually, expectAccessible, openPage, problemsOf, signIn } from '../harness/browser';
import { DemoSite, openDemoSite } from '../harness/demo-site';
import { columnNamed } from '../../libs/imports/src/columns';

const SIZES = [
  { name: '390', viewport: { width: 390, height: 844 } },
  { name: '1280', viewport: { width: 1280, height: 900 } },
];

/**
 * A module catalogue in Dutch columns and euros, as a PPS lead fills in the module template
 * (no kind column, the API's names in the second header row), checked first and then imported
 * for real with one button — on a phone and a desktop. A dry run whose file is no longer kept
 * says so and offers the upload form.
 */
const PATHS = 'sourceId;title;summary;module.studyLoad.value;module.studyLoad.unit;module.price';
/** The Dutch headers of those columns, as the field catalogue names them (quoted: a label may hold a comma). */
const LABELS = PATHS.split(';')
  .map((path) => `"${columnNamed(path)!.label}"`)
  .join(';');
const row = (code: string, title: string, price: string) =>
  `${code};${title};Praktijkgerichte module voor monteurs met opdrachten op de werkplek.;8;uur;${price}`;

describe('"Nu echt importeren" after a dry run, in the browser', () => {
  let site: DemoSite;
  let browser: Browser;
  let baseURL: string;
  let ppsId: string;

  beforeAll(async () => {
    site = await openDemoSite();
    ({ browser, baseURL } = site);
    ppsId = await site.t.ppsId('Techport mbo');
  }, 120_000);

  afterAll(() => site?.close());

  async function signedIn(viewport: { width: number; height: number }): Promise<Page> {
    const lead = await site.t.user('pps-editor', [ppsId]);
    const page = await openPage(browser, baseURL, { viewport });
    await signIn(page, lead, /\/mijn-pps$/);
    return page;
  }

  /** Sends a file as a dry run (the form's default) and waits for its report. */
  async function checkFirst(page: Page, name: string, lines: string[]): Promise<string> {
    await page.goto(`/mijn-pps/importeren?pps=${ppsId}`);
    await page.getByLabel('Bestand', { exact: true }).setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`),
    });
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.waitForURL(/\/mijn-pps\/importeren\/[0-9a-f-]{36}$/);
    await page.getByRole('table', { name: 'Totalen' }).waitFor({ timeout: 20_000 });
    return page.url();
  }

  for (const size of SIZES) {
    it(`checks a Dutch spreadsheet first and then imports the same file with one button at ${size.name} px`, async () => {
      const page = await signedIn(size.viewport);
      await page.goto(`/mijn-pps/importeren?pps=${ppsId}`);
      const templates = page.getByRole('region', { name: 'Sjablonen' });
      expect(
        await templates.getByRole('link', { name: 'Excel (modules)' }).getAttribute('href'),
      ).toBe('/api/v1/imports/templates/module.xlsx');
      expect(
        await templates.getByRole('link', { name: 'CSV (alle soorten)' }).getAttribute('href'),
      ).toBe('/api/v1/imports/templates/all.csv');
      await expectAccessible(page, `import-sjablonen-${size.name}`);

      const code = `ECHT${size.name}`;
      const dryRun = await checkFirst(page, `catalogus-${size.name}.csv`, [
        LABELS,
        PATHS,
        row(`${code}-1`, `Hydrauliek op de werkvloer ${size.name}`, '€ 395,00'),
        row(`${code}-2`, `Pneumatiek op de werkvloer ${size.name}`, '1.250'),
        row(`${code}-3`, `Meten en regelen ${size.name}`, '12,50'),
      ]);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
        `Proefimport: catalogus-${size.name}.csv`,
      );
      const report = page.getByRole('table', { name: 'Verslag' });
      expect(await report.textContent()).toContain(
        `${columnNamed('module.price')!.label} (module.price)`,
      );
      expect(await report.textContent()).toContain('is niet eenduidig');
      const button = page.getByRole('button', { name: 'Nu echt importeren' });
      expect(await page.getByLabel('Als concept').isChecked()).toBe(true);
      await expectAccessible(page, `import-proef-klaar-${size.name}`);

      await button.click();
      await page.waitForURL((url) => url.href !== dryRun && /[0-9a-f-]{36}$/.test(url.pathname));
      await eventually(
        async () =>
          expect(await page.locator('#voortgang').textContent()).toContain('Status: Klaar'),
        20_000,
      );
      await page.getByRole('table', { name: 'Totalen' }).waitFor();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
        `Import: catalogus-${size.name}.csv`,
      );
      const totals = page.getByRole('table', { name: 'Totalen' });
      expect(await totals.getByRole('row', { name: /^Nieuw/ }).textContent()).toContain('2');
      await expectAccessible(page, `import-echt-${size.name}`);

      // The dry run's page now points at its import instead of offering it again.
      await page.getByRole('link', { name: 'de proefimport' }).click();
      await page.waitForURL(dryRun);
      await page.getByText('Dit bestand is al echt geïmporteerd.').waitFor();
      expect(await page.getByRole('button', { name: 'Nu echt importeren' }).count()).toBe(0);
      await page.goto('/mijn-pps');
      expect(
        await page.getByRole('link', { name: `Hydrauliek op de werkvloer ${size.name}` }).count(),
      ).toBe(1);
      expect(problemsOf(page)).toEqual([]);
      await page.context().close();
    });

    it(`says in Dutch when the dry run's file is no longer kept, and offers the upload form at ${size.name} px`, async () => {
      const page = await signedIn(size.viewport);
      const dryRun = await checkFirst(page, `oud-${size.name}.csv`, [
        LABELS,
        row(`OUD${size.name}-1`, `Verlopen module ${size.name}`, '10'),
      ]);
      await site.t.app
        .get(DataSource)
        .query(
          `UPDATE import_job SET file_kept_until = now() - interval '1 minute' WHERE id = $1`,
          [dryRun.split('/').pop()],
        );
      // A page opened before the file went still shows the button: pressing it explains.
      await page.getByRole('button', { name: 'Nu echt importeren' }).click();
      await page.waitForURL(/\/mijn-pps\/importeren\/[0-9a-f-]{36}\/echt$/);
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').textContent()).toContain(
        'Het bestand van die proefimport wordt niet meer bewaard',
      );
      await page.getByLabel('Bestand', { exact: true }).waitFor();
      await expectAccessible(page, `import-verlopen-${size.name}`);
      await page.goto(dryRun);
      await page.getByText('Het bestand van deze proefimport wordt niet meer bewaard.').waitFor();
      await page.context().close();
    });
  }
});
