import { Browser } from 'playwright-core';
import { TestUser, bearer } from '../harness/test-app';
import {
  expectAccessible,
  isFocused,
  openPage,
  sidewaysOverflow,
  signIn,
} from '../harness/browser';
import { DemoSite, openDemoSite } from '../harness/demo-site';
import { PageBrowser } from '../harness/page-browser';

const PHONE =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';

const SIZES = [
  { name: '390', viewport: { width: 390, height: 844 } },
  { name: '1280', viewport: { width: 1280, height: 900 } },
];

/**
 * Self-service accounts in Chromium, on a phone and a desktop, by keyboard where a person would:
 * change one's password (a mistake first), see where one is signed in (a bounded list, readable
 * on a phone) and sign out one browser or everywhere else; choose a password through an
 * invitation link, and meet a used one.
 */
describe('one’s own account in the browser', () => {
  let site: DemoSite;
  let browser: Browser;
  let baseURL: string;
  let admin: TestUser;

  beforeAll(async () => {
    site = await openDemoSite();
    ({ browser, baseURL } = site);
    admin = await site.t.user('admin');
  }, 120_000);

  afterAll(() => site?.close());

  for (const size of SIZES) {
    it(`changes the password and signs out elsewhere at ${size.name} px`, async () => {
      const lead = await site.t.user('pps-editor', [await site.t.ppsId('Techport mbo')]);
      const other = await openPage(browser, baseURL);
      await signIn(other, lead);
      await other.waitForURL(/\/mijn-pps$/);

      const page = await openPage(browser, baseURL, { viewport: size.viewport });
      await signIn(page, lead);
      await page.waitForURL(/\/mijn-pps$/);
      await page.goto('/mijn-account');
      await page.getByText('(deze browser)').waitFor();
      await expectAccessible(page, `account-sessies-${size.name}`);
      await page.getByRole('link', { name: 'Wachtwoord wijzigen' }).click();
      await page.waitForURL(/\/mijn-account\/wachtwoord$/);
      await expectAccessible(page, `account-wachtwoord-${size.name}`);

      // A wrong current password: the summary, a "Fout: " title, nothing typed shown again.
      await page.getByLabel('Huidig wachtwoord').fill('niet-het-goede-wachtwoord');
      await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('een-eigen-lang-wachtwoord');
      await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('een-eigen-lang-wachtwoord');
      await page.keyboard.press('Enter');
      await page.locator('#foutmeldingen').waitFor();
      expect(await page.title()).toMatch(/^Fout: Wachtwoord wijzigen/);
      expect(await page.getByLabel('Nieuw wachtwoord', { exact: true }).inputValue()).toBe('');
      await expectAccessible(page, `account-wachtwoord-fout-${size.name}`);

      await page.getByLabel('Huidig wachtwoord').fill(lead.password);
      await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('een-eigen-lang-wachtwoord');
      await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('een-eigen-lang-wachtwoord');
      const submit = page.getByRole('button', { name: 'Wachtwoord wijzigen' });
      await submit.focus();
      expect(await isFocused(submit)).toBe(true);
      await page.keyboard.press('Enter');
      await page.getByText('Uw wachtwoord is gewijzigd.').waitFor();
      await expectAccessible(page, `account-gewijzigd-${size.name}`);

      await other.goto('/mijn-pps');
      await other.waitForURL(/\/inloggen/);
      await page.context().close();
      await other.context().close();
    });

    it(`lists the signed-in browsers readably and signs one out at ${size.name} px`, async () => {
      const lead = await site.t.user('pps-editor', [await site.t.ppsId('Techport mbo')]);
      // Older sessions than the list shows (signed in without a browser's name).
      for (let index = 0; index < 11; index++)
        expect((await new PageBrowser(site.t).signIn(lead)).status).toBe(303);
      const desktop = await openPage(browser, baseURL);
      await signIn(desktop, lead, /\/mijn-pps$/);
      const phone = await openPage(browser, baseURL, { userAgent: PHONE });
      await signIn(phone, lead, /\/mijn-pps$/);

      const page = await openPage(browser, baseURL, { viewport: size.viewport });
      await signIn(page, lead, /\/mijn-pps$/);
      await page.goto('/mijn-account');
      await page.getByText('(deze browser)').waitFor();
      expect(await page.locator('.site-sessions li').count()).toBe(10);
      await page.getByText('En nog 4 andere browsers die langer niet zijn gebruikt.').waitFor();
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect(overflow).toBe(0);
      await expectAccessible(page, `account-sessies-lijst-${size.name}`);

      // By keyboard: the phone's own "Afmelden", named for screen readers by its browser.
      const end = page.getByRole('button', { name: /^Afmelden \(Chrome op Android, ingelogd op / });
      await end.focus();
      expect(await isFocused(end)).toBe(true);
      await page.keyboard.press('Enter');
      await page.getByText('Die browser is afgemeld.').waitFor();
      expect(await page.getByText('Chrome op Android').count()).toBe(0);
      await expectAccessible(page, `account-sessie-afgemeld-${size.name}`);

      await phone.goto('/mijn-pps');
      await phone.waitForURL(/\/inloggen/);
      await desktop.goto('/mijn-pps');
      await desktop.waitForURL(/\/mijn-pps$/);
      await page.context().close();
      await phone.context().close();
      await desktop.context().close();
    });

    it(`keeps the header's account menu on the logo's row and groups one's own pages at ${size.name} px`, async () => {
      const lead = await site.t.user('pps-editor', [await site.t.ppsId('Techport mbo')]);
      for (const person of [lead, admin]) {
        const page = await openPage(browser, baseURL, { viewport: size.viewport });
        await signIn(page, person);
        await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
        await page.goto('/mijn-account');
        const box = async (selector: string) => (await page.locator(selector).boundingBox())!;
        const [logo, account] = [await box('.site-logo'), await box('.site-account')];
        if (size.name === '1280') {
          // "Mijn account" and "Uitloggen" beside the logo, not on a row of their own.
          expect(account.y).toBeLessThan(logo.y + logo.height);
          expect(account.x).toBeGreaterThan(logo.x + logo.width);
        }
        const mine = page.getByRole('region', {
          name: 'Uw meldingen, lijsten, zoekopdrachten en e-mail',
        });
        expect(await mine.getByRole('listitem').count()).toBe(4);
        await mine.getByRole('link', { name: 'E-mailinstellingen' }).waitFor();
        expect(await sidewaysOverflow(page)).toEqual([]);
        await expectAccessible(page, `account-kop-${person.role}-${size.name}`);
        await page.context().close();
      }
    });

    it(`chooses a password through an invitation link at ${size.name} px`, async () => {
      const email = `uitgenodigd-${size.name}@techport.example`;
      const created = await site.t
        .http()
        .post('/api/v1/users')
        .set(bearer(admin))
        .send({ email, displayName: 'Fatma Yilmaz', role: 'teacher' })
        .expect(201);
      const link = await site.t
        .http()
        .post(`/api/v1/users/${created.body.id}/invitation`)
        .set(bearer(admin))
        .expect(201);
      const path = new URL(link.body.url).pathname;

      const page = await openPage(browser, baseURL, { viewport: size.viewport });
      await page.goto(path);
      await page.getByRole('heading', { name: 'Welkom bij Bouwsteen' }).waitFor();
      await expectAccessible(page, `uitnodiging-${size.name}`);
      await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('fatmas-eigen-wachtwoord');
      await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('fatmas-eigen-wachtwoord!');
      await page.getByRole('button', { name: 'Wachtwoord opslaan en inloggen' }).click();
      await page.locator('#foutmeldingen').waitFor();
      expect(await page.title()).toMatch(/^Fout: Welkom bij Bouwsteen/);
      await expectAccessible(page, `uitnodiging-fout-${size.name}`);
      await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('fatmas-eigen-wachtwoord');
      await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('fatmas-eigen-wachtwoord');
      await page.getByRole('button', { name: 'Wachtwoord opslaan en inloggen' }).click();
      await page.waitForURL(`${baseURL}/`);
      await page.goto('/mijn-account');
      await page.getByText(email).waitFor();

      // The link worked once.
      const again = await openPage(browser, baseURL, { viewport: size.viewport });
      const answer = await again.goto(path);
      expect(answer?.status()).toBe(410);
      await again.getByRole('heading', { name: 'Deze link is al gebruikt' }).waitFor();
      await expectAccessible(again, `uitnodiging-gebruikt-${size.name}`);
      await page.context().close();
      await again.context().close();
    });
  }
});
