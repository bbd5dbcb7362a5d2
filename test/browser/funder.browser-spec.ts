import { readFileSync } from 'node:fs';
import { Browser } from 'playwright-core';
import { expectAccessible, openPage, screenshot } from '../harness/browser';
import { DemoSite, openDemoSite } from '../harness/demo-site';

/**
 * A funder's path in Chromium, without an account: the region's reuse network, a proposal
 * checked against everything published (and printed), and one PPS's report with its charts
 * downloaded as CSV.
 */
describe('a funder in the browser', () => {
  let site: DemoSite;
  let browser: Browser;
  let baseURL: string;

  beforeAll(async () => {
    site = await openDemoSite();
    ({ browser, baseURL } = site);
  }, 120_000);

  afterAll(() => site?.close());

  it('checks a proposal and downloads a PPS report', async () => {
    const page = await openPage(browser, baseURL, { acceptDownloads: true });
    await page.goto('/rapportages');
    expect(await page.locator('svg[role=img] title').first().textContent()).toBe(
      'Hergebruiksnetwerk van de PPS',
    );
    expect(
      await page.locator('#netwerk-titel + svg + .utrecht-table-container tbody tr').count(),
    ).toBeGreaterThan(0);
    await expectAccessible(page, 'rapportages');

    await page.getByRole('link', { name: 'Voorstel toetsen: bestaat dit al?' }).click();
    await page.getByRole('button', { name: 'Toetsen' }).click();
    await page.locator('#foutmeldingen').waitFor();
    await expectAccessible(page, 'voorstel-fouten');
    await page
      .getByLabel('Titel van het voorstel')
      .fill('Cybersecurity voor medewerkers in het mkb');
    await page
      .getByLabel('Tekst van het voorstel')
      .fill(
        'Medewerkers van kleine bedrijven leren phishing herkennen en werken met sterke wachtwoorden, back-ups en updates.',
      );
    await page.getByRole('button', { name: 'Toetsen' }).click();
    const result = page.locator('.proposal-results');
    await result.waitFor();
    expect(await result.textContent()).toContain('Cybersecurity basis voor het mkb');
    expect(await result.textContent()).toContain('PPS Cyber Security Centre MRA');
    expect(await result.getByRole('link', { name: /Hergebruiken/ }).count()).toBe(0);
    // Checked by a post: the proposal's words are in no address (history, logs, headers).
    expect(new URL(page.url()).search).toBe('');
    await expectAccessible(page, 'voorstel-uitkomst');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'voorstel-afdruk');
    expect(await page.locator('form.no-print').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    await page.goto('/rapportages');
    await page.getByLabel('PPS', { exact: true }).selectOption({ label: 'Techport mbo' });
    await page.getByRole('button', { name: 'Toon rapport' }).click();
    await page.waitForURL(/\/rapportages\/pps\/[0-9a-f-]+$/);
    expect(await page.locator('h1').textContent()).toBe('Rapport: Techport mbo');
    expect(await page.locator('#per-soort-titel').textContent()).toBe('Gepubliceerd per soort');
    await expectAccessible(page, 'rapport-pps');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Dit rapport als CSV (spreadsheet)' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).toContain('title');
    expect(csv).toContain('E-learning Veilig werken met cobots');
    await page.context().close();
  });
});
