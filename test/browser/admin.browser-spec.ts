import { Browser } from 'playwright-core';
import { DataSource } from 'typeorm';
import { expectAccessible, openPage, signIn } from '../harness/browser';
import { DemoSite, openDemoSite } from '../harness/demo-site';

/** An admin in Chromium: invite a PPS lead by link, deactivate them, and read the pipeline and change log. */
describe('an admin in the browser', () => {
  let site: DemoSite;
  let browser: Browser;
  let baseURL: string;
  let admin: { email: string; password: string };

  beforeAll(async () => {
    site = await openDemoSite();
    ({ browser, baseURL } = site);
    admin = await site.t.user('admin');
  }, 120_000);

  afterAll(() => site?.close());

  it('invites and deactivates an account, reads the search pipeline, the failed background jobs and the change log', async () => {
    const page = await openPage(browser, baseURL);
    await signIn(page, admin, /\/beheer$/);
    await expectAccessible(page, 'beheer');

    await page.getByRole('link', { name: 'Gebruikers' }).click();
    await page.getByRole('button', { name: 'Account maken' }).click();
    await page.locator('#foutmeldingen').waitFor();
    await expectAccessible(page, 'beheer-gebruikers-fouten');
    await page.getByLabel('E-mailadres').fill('nieuwe.projectleider@techport.nl');
    await page.getByLabel('Naam', { exact: true }).fill('Nieuwe projectleider');
    await page.getByLabel('Rol', { exact: true }).last().selectOption('pps-editor');
    await page.getByRole('group', { name: /PPS/ }).getByLabel('Techport mbo').check();
    await page.getByRole('button', { name: 'Account maken' }).click();
    const link = await page.getByLabel('Uitnodigingslink').inputValue();
    expect(link).toMatch(/\/wachtwoord-instellen\/[\w-]{43}$/);
    await expectAccessible(page, 'beheer-gebruikers');

    // The invited lead opens the link and chooses a password, signed in at once; then the
    // admin deactivates the account.
    const lead = await openPage(browser, baseURL);
    await lead.goto(new URL(link).pathname);
    await lead.getByLabel('Nieuw wachtwoord', { exact: true }).fill('mijn-eigen-wachtwoord-nu');
    await lead.getByLabel('Herhaal het nieuwe wachtwoord').fill('mijn-eigen-wachtwoord-nu');
    await lead.getByRole('button', { name: 'Wachtwoord opslaan en inloggen' }).click();
    await lead.waitForURL(/\/mijn-pps$/);

    await page.getByRole('link', { name: 'Nieuwe projectleider' }).click();
    await page.getByLabel('Account').selectOption('nee');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Het account is gedeactiveerd').waitFor();
    await expectAccessible(page, 'beheer-gebruiker');
    await lead.goto('/mijn-pps');
    await lead.waitForURL(/\/inloggen/);

    await page.getByRole('link', { name: 'Zoekindex' }).click();
    await page.getByText('Wachtend', { exact: true }).waitFor();
    await expectAccessible(page, 'beheer-zoekindex');
    // A webhook delivery that ran out of attempts, as the job engine leaves it in its dead
    // letters (the integration tier shows the engine writing this shape).
    await site.t.app.get(DataSource).query(
      `INSERT INTO pgboss.job (name, data, output)
       VALUES ('dead_letter', '{"kind": "webhook", "deliveryId": "4711"}',
               '{"reason": "failed", "message": "HTTP 503"}')`,
    );
    await page.getByRole('link', { name: 'Achtergrondtaken' }).click();
    const letters = page.locator('table[aria-labelledby=mislukt-titel] tbody');
    expect(await letters.textContent()).toContain('Webhook-bezorging');
    expect(await letters.textContent()).toContain('De taak gaf een fout');
    expect(await page.locator('dl.facts').textContent()).toContain('Import');
    await expectAccessible(page, 'beheer-taken');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page, 'beheer-taken-390');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Gezien, van de lijst halen' }).click();
    await page.getByText('De mislukte taak is van de lijst gehaald.').waitFor();
    await page.getByText('Geen mislukte taken.').waitFor();
    await page.getByRole('link', { name: 'Wijzigingen' }).click();
    const trail = page.locator('table[aria-labelledby=beheer-wijzigingen-titel] tbody');
    expect(await trail.locator('tr').first().textContent()).toContain('Account gedeactiveerd');
    expect(await trail.textContent()).toContain('Account aangemaakt');
    expect(await trail.textContent()).toContain('nieuwe.projectleider@techport.nl');
    expect(
      await page.locator('table[aria-labelledby=wijzigingen-titel] tbody tr').count(),
    ).toBeGreaterThan(10);
    await expectAccessible(page, 'beheer-wijzigingen');
    await page.getByRole('link', { name: 'PPS en organisaties' }).click();
    await page.getByRole('link', { name: 'Techport mbo' }).click();
    await expectAccessible(page, 'beheer-pps');
    await page.context().close();
    await lead.context().close();
  });
});
