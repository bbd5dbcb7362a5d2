import { Browser } from 'playwright-core';
import {
  expectAccessible,
  launchChromium,
  openPage,
  screenshot,
  sidewaysOverflow,
  PHONE_AND_DESKTOP,
  signedIn,
} from '../harness/browser';
import { TestApp, bearer, createTestApp } from '../harness/test-app';

const SIZES = PHONE_AND_DESKTOP;

/**
 * Deleting an account on the pages, at a phone's and a desktop's width: the owner from "Mijn
 * account" (a mistake keeps the typed address, names the field and deletes nothing), an admin
 * from the account's admin page; axe finds nothing and nothing scrolls sideways. The owner's
 * form also with JavaScript off.
 */
describe('account deletion in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseURL: string;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true, atPublicAddress: true });
    browser = await launchChromium();
    baseURL = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const size of SIZES) {
    it(`lets a teacher delete their own account at ${size.name} px`, async () => {
      const teacher = await t.user('teacher');
      const page = await openPage(browser, baseURL, { viewport: size.viewport });
      await signedIn(page, teacher);
      await page.goto('/mijn-account');
      await page.getByRole('link', { name: 'Account verwijderen' }).click();
      await page.waitForURL(/\/mijn-account\/verwijderen$/);
      await expectAccessible(page, `account-verwijderen-${size.name}`);
      expect(await sidewaysOverflow(page)).toEqual([]);

      const address = page.getByLabel('Typ ter bevestiging het e-mailadres van uw account');
      await address.fill('iemand@anders.nl');
      await page.getByLabel('Uw wachtwoord').fill(teacher.password);
      await page.getByRole('button', { name: 'Account definitief verwijderen' }).click();
      await page.getByText('Dit is niet het e-mailadres van uw account').first().waitFor();
      await expectAccessible(page, `account-verwijderen-fout-${size.name}`);
      expect(await address.inputValue()).toBe('iemand@anders.nl');
      await t.http().get('/api/v1/me').set(bearer(teacher)).expect(200);

      await address.fill(teacher.email);
      await page.getByLabel('Uw wachtwoord').fill(teacher.password);
      await page.getByRole('button', { name: 'Account definitief verwijderen' }).click();
      await page.waitForURL(/\/account-verwijderd$/);
      await page.getByRole('heading', { name: 'Uw account is verwijderd' }).waitFor();
      await expectAccessible(page, `account-verwijderd-${size.name}`);
      await t.http().get('/api/v1/me').set(bearer(teacher)).expect(401);
      // The browser is signed out: its account page asks to sign in.
      await page.goto('/mijn-account');
      await page.waitForURL(/\/inloggen/);
      await page.context().close();
    }, 120_000);

    it(`lets an admin delete an account at ${size.name} px`, async () => {
      const admin = await t.user('admin');
      const editor = await t.user('pps-editor', [await t.ppsId('Techport mbo')]);
      const page = await openPage(browser, baseURL, { viewport: size.viewport });
      await signedIn(page, admin);
      await page.goto(`/beheer/gebruikers/${editor.id}`);
      await page.getByRole('link', { name: 'Account verwijderen' }).click();
      await page.waitForURL(/\/verwijderen$/);
      await expectAccessible(page, `beheer-account-verwijderen-${size.name}`);
      expect(await sidewaysOverflow(page)).toEqual([]);
      await page.getByRole('button', { name: 'Account definitief verwijderen' }).click();
      await page.waitForURL(/\/beheer\/gebruikers\?melding=verwijderd$/);
      await page.getByText('Het account is verwijderd').waitFor();
      await expectAccessible(page, `beheer-account-verwijderd-${size.name}`);
      await t.http().get(`/api/v1/users/${editor.id}`).set(bearer(admin)).expect(404);
      await page.context().close();
    }, 120_000);
  }

  it('deletes an account from a form with JavaScript off', async () => {
    const teacher = await t.user('teacher');
    const page = await openPage(browser, baseURL, { javaScriptEnabled: false });
    await signedIn(page, teacher);
    await page.goto('/mijn-account/verwijderen');
    await page
      .getByLabel('Typ ter bevestiging het e-mailadres van uw account')
      .fill(teacher.email.toUpperCase());
    await page.getByLabel('Uw wachtwoord').fill(teacher.password);
    await page.getByRole('button', { name: 'Account definitief verwijderen' }).click();
    await page.waitForURL(/\/account-verwijderd$/);
    await screenshot(page, 'account-verwijderd-zonder-javascript');
    await t.http().get('/api/v1/me').set(bearer(teacher)).expect(401);
    await page.context().close();
  }, 120_000);
});
