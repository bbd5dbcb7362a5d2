import { Browser } from 'playwright-core';
import { MailKeys } from '@bouwsteen/mail';
import {
  expectAccessible,
  launchChromium,
  openPage,
  screenshot,
  sidewaysOverflow,
  signIn,
} from '../harness/browser';
import { TestApp, bearer, createTestApp } from '../harness/test-app';

const SIZES = [
  { name: '390', viewport: { width: 390, height: 844 } },
  { name: '1280', viewport: { width: 1280, height: 900 } },
];

/**
 * The e-mail settings under "Mijn account" and the unsubscribe page a mail links to, at a phone's
 * and a desktop's width: axe finds nothing, nothing scrolls sideways, and what is chosen is what
 * the API then reports; both forms work the same with JavaScript off (axe itself needs it).
 */
describe('e-mail settings in the browser', () => {
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
    it(`chooses per type and how often the overview comes at ${size.name} px`, async () => {
      const lead = await t.user('pps-editor', [await t.ppsId('Techport mbo')]);
      const page = await openPage(browser, baseURL, { viewport: size.viewport });
      await signIn(page, lead);
      await page.waitForURL(/\/mijn-pps$/);
      await page.goto('/mijn-account');
      await page.getByRole('link', { name: 'E-mailinstellingen' }).click();
      await page.waitForURL(/\/mijn-account\/e-mail$/);
      await expectAccessible(page, `e-mailinstellingen-${size.name}`);
      expect(await sidewaysOverflow(page)).toEqual([]);

      const requests = page.getByRole('group', { name: 'Iemand vraagt uw materiaal' });
      await requests.getByLabel('Direct').check();
      await page
        .getByRole('group', { name: 'Een review van uw bouwsteen' })
        .getByLabel('Uit')
        .check();
      await page.getByLabel('Wekelijks (op maandag)').check();
      await page.getByRole('button', { name: 'Opslaan' }).click();
      await page.getByText('Uw e-mailinstellingen zijn opgeslagen.').waitFor();
      await expectAccessible(page, `e-mailinstellingen-opgeslagen-${size.name}`);
      expect(await requests.getByLabel('Direct').isChecked()).toBe(true);

      const api = await t.http().get('/api/v1/me/mail-preferences').set(bearer(lead)).expect(200);
      expect(api.body.digestFrequency).toBe('weekly');
      expect(api.body.types).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ type: 'material-request', mode: 'immediate' }),
          expect.objectContaining({ type: 'review', mode: 'off' }),
          expect.objectContaining({ type: 'new-version', mode: 'digest' }),
        ]),
      );
      await page.context().close();
    }, 180_000);

    it(`unsubscribes from a mail's link without signing in at ${size.name} px`, async () => {
      const teacher = await t.user('teacher');
      const link = new URL(t.app.get(MailKeys).unsubscribeUrl(teacher.id, 'new-version'));
      const page = await openPage(browser, baseURL, { viewport: size.viewport });
      await page.goto(link.pathname + link.search);
      await page.getByRole('heading', { name: 'Afmelden voor e-mail' }).waitFor();
      await expectAccessible(page, `afmelden-${size.name}`);
      await page.getByRole('button', { name: 'Afmelden' }).click();
      await page.getByRole('heading', { name: 'Afgemeld' }).waitFor();
      await expectAccessible(page, `afgemeld-${size.name}`);
      expect(await sidewaysOverflow(page)).toEqual([]);
      const api = await t.http().get('/api/v1/me/mail-preferences').set(bearer(teacher));
      expect(api.body.types).toContainEqual(
        expect.objectContaining({ type: 'new-version', mode: 'off' }),
      );
      await page.context().close();
    }, 180_000);
  }

  it('saves the settings and unsubscribes with JavaScript off', async () => {
    const lead = await t.user('pps-editor', [await t.ppsId('Techport mbo')]);
    const page = await openPage(browser, baseURL, { javaScriptEnabled: false });
    await signIn(page, lead);
    await page.waitForURL(/\/mijn-pps$/);
    await page.goto('/mijn-account/e-mail');
    await page
      .getByRole('group', { name: 'Nieuwe versie van een bouwsteen die u volgt of hergebruikt' })
      .getByLabel('Direct')
      .check();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Uw e-mailinstellingen zijn opgeslagen.').waitFor();
    const link = new URL(t.app.get(MailKeys).unsubscribeUrl(lead.id, 'new-version'));
    await page.goto(link.pathname + link.search);
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByRole('heading', { name: 'Afgemeld' }).waitFor();
    await screenshot(page, 'afgemeld-zonder-javascript');
    const api = await t.http().get('/api/v1/me/mail-preferences').set(bearer(lead));
    expect(api.body.types).toContainEqual(
      expect.objectContaining({ type: 'new-version', mode: 'off' }),
    );
    await page.context().close();
  }, 180_000);
});
