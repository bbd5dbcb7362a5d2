import { Browser } from 'playwright-core';
import { OFFLINE_TILES, expectAccessible, launchChromium, openPage } from '../harness/browser';
import { TestIssuers, startTestIssuers } from '../harness/oidc-issuers';
import { TestApp, createTestApp, freePort } from '../harness/test-app';

const SIZES = [
  { name: '390', viewport: { width: 390, height: 844 } },
  { name: '1280', viewport: { width: 1280, height: 900 } },
];

/**
 * "Inloggen met uw instellingsaccount" in Chromium, on a phone and a desktop: the sign-in page
 * with the institution buttons under axe, then the whole way through a real local OpenID
 * provider and back (the CSP's form-action lets the button's redirect go to the issuer).
 */
describe('signing in with an institution account in the browser', () => {
  let issuers: TestIssuers;
  let t: TestApp;
  let browser: Browser;
  let baseURL: string;

  beforeAll(async () => {
    const port = await freePort();
    baseURL = `http://127.0.0.1:${port}`;
    issuers = await startTestIssuers(baseURL);
    t = await createTestApp({
      isolated: true,
      atPublicAddress: true,
      port,
      env: {
        MAP_TILE_URL: OFFLINE_TILES,
        ...issuers.env({ surfconext: 'SURFconext', eduid: 'eduID' }),
      },
    });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await issuers?.stop();
  });

  for (const size of SIZES) {
    it(`shows the institution buttons and signs in through SURFconext at ${size.name} px`, async () => {
      const page = await openPage(browser, baseURL, { viewport: size.viewport });
      await page.goto('/inloggen');
      await page.getByRole('heading', { name: 'Inloggen met uw instellingsaccount' }).waitFor();
      await expectAccessible(page, `instelling-inloggen-${size.name}`);

      await issuers.next('surfconext', {
        account: {
          sub: `surf-browser-${size.name}`,
          email: `browser-${size.name}@novacollege.nl`,
          name: `Docent ${size.name}`,
          eduperson_affiliation: ['employee'],
        },
      });
      await page.getByRole('button', { name: 'Inloggen met SURFconext' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(`${baseURL}/`);
      await page.goto('/mijn-account');
      await page.getByText('SURFconext: gekoppeld op').waitFor();
      await expectAccessible(page, `instelling-mijn-account-${size.name}`);
      await page.context().close();
    });
  }
});
