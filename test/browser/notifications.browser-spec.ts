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
import { moduleBody } from '../harness/fixtures';
import { TestApp, TestUser, bearer, createTestApp } from '../harness/test-app';

const SIZES = PHONE_AND_DESKTOP;

/**
 * "Meldingen" at a phone's and a desktop's width: a teacher finds it in the header with the
 * unread count, reads a new version and an archived block, marks one and then all read; axe
 * finds nothing and nothing scrolls sideways. Marking read also with JavaScript off.
 */
describe('notifications in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseURL: string;
  let editor: TestUser;
  let ppsId: string;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true, atPublicAddress: true });
    browser = await launchChromium();
    baseURL = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    ppsId = await t.ppsId('GreenTechNHN');
    editor = await t.user('pps-editor', [ppsId]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A teacher who follows two blocks: one gets a new version, the other is archived. */
  async function teacherWithNotifications(): Promise<TestUser> {
    const teacher = await t.user('teacher');
    const kept = await t.publish(editor, moduleBody(ppsId, { title: 'Veilig werken met cobots' }));
    const gone = await t.publish(editor, moduleBody(ppsId, { title: 'Lassen voor beginners' }));
    for (const asset of [kept, gone])
      await t.http().put(`/api/v1/me/follows/assets/${asset.id}`).set(bearer(teacher)).expect(204);
    await t.publishNewVersion(editor, kept, {
      summary: 'Nu met een checklist voor de werkplaats en een korte toets.',
    });
    await t
      .http()
      .post(`/api/v1/assets/${gone.id}/archive`)
      .set(bearer(editor))
      .set('If-Match', gone.etag)
      .send({ successorId: kept.id })
      .expect(200);
    return teacher;
  }

  for (const size of SIZES) {
    it(`lets a teacher read and mark notifications at ${size.name} px`, async () => {
      const teacher = await teacherWithNotifications();
      const page = await openPage(browser, baseURL, { viewport: size.viewport });
      await signedIn(page, teacher);
      await page.goto('/');
      await page.getByRole('link', { name: 'Meldingen 2 ongelezen' }).click();
      await page.waitForURL(/\/mijn-meldingen$/);
      await page.getByRole('heading', { name: 'Meldingen', level: 1 }).waitFor();
      await expectAccessible(page, `meldingen-${size.name}`);
      expect(await sidewaysOverflow(page)).toEqual([]);

      await page
        .getByRole('button', {
          name: /^Markeer als gelezen\s*: "Lassen voor beginners" is gearchiveerd$/,
        })
        .click();
      await page.getByRole('link', { name: 'Meldingen 1 ongelezen' }).waitFor();
      await expectAccessible(page, `meldingen-een-gelezen-${size.name}`);

      await page.getByRole('button', { name: 'Markeer alles als gelezen' }).click();
      await page.waitForURL(/melding=alles-gelezen/);
      await page.getByText('Al uw meldingen staan nu op gelezen.').waitFor();
      expect(await page.locator('.site-account__count').count()).toBe(0);
      await expectAccessible(page, `meldingen-alles-gelezen-${size.name}`);
      await page.context().close();
    }, 120_000);
  }

  it('marks a notification read with JavaScript off', async () => {
    const teacher = await teacherWithNotifications();
    const page = await openPage(browser, baseURL, { javaScriptEnabled: false });
    await signedIn(page, teacher);
    await page.goto('/mijn-meldingen?alleen=ongelezen');
    await page.getByRole('button', { name: /^Markeer als gelezen\s*: Nieuwe versie/ }).click();
    await page.getByRole('link', { name: 'Meldingen 1 ongelezen' }).waitFor();
    expect(await page.locator('li.notification-entry').count()).toBe(1);
    await screenshot(page, 'meldingen-zonder-javascript');
    await page.context().close();
  }, 120_000);
});
