import { Browser, Page } from 'playwright-core';
import { expectAccessible, isFocused, openPage, signIn } from '../harness/browser';
import { DemoSite, openDemoSite } from '../harness/demo-site';
import { TestUser, bearer } from '../harness/test-app';

/** What Ctrl+V from Word or PowerPoint brings: a soft line break, NBSP, zero-width spaces. */
const PASTE = 'Techniek\u000Bvoor\u00A0zij-instromers\u200B in\u202Fde regio\uFEFF';
const ONE_LINE = 'Techniek voor zij-instromers in de regio';
const LINES = 'Techniek\nvoor zij-instromers in de regio';

const SIZES = [
  { name: 'telefoon', viewport: { width: 390, height: 844 } },
  { name: 'scherm', viewport: { width: 1280, height: 900 } },
];

/**
 * Issue 24, item 3 in Chromium, on a phone and a wide screen: a failed submit shows the error
 * summary with the focus on it and "Fout: " in the title (axe: no violations); text pasted with
 * Office's soft line breaks, NBSP and zero-width spaces is saved as plain text.
 */
describe('forms in the browser: a failed submit and pasted text', () => {
  let site: DemoSite;
  let browser: Browser;
  let baseURL: string;
  let lead: TestUser;
  let office: TestUser;
  let admin: TestUser;
  let blocks: string[];

  beforeAll(async () => {
    site = await openDemoSite();
    ({ browser, baseURL } = site);
    lead = await site.t.user('pps-editor', [await site.t.ppsId('Techport mbo')]);
    office = await site.t.lloOffice('LLO-loket Zaanstreek');
    admin = await site.t.user('admin');
    const other = await site.t.ppsId('House of Digital');
    blocks = (
      await site.t.http().get(`/api/v1/assets?ppsId=${other}&pageSize=2`).set(bearer(lead))
    ).body.items.map((item: { id: string }) => item.id);
  }, 120_000);

  afterAll(() => site?.close());

  async function signedIn(user: TestUser, viewport: { width: number; height: number }) {
    const page = await openPage(browser, baseURL, { viewport });
    await signIn(page, user, /^(?!.*\/inloggen)/);
    return page;
  }

  /** The failed submit: summary focused, title "Fout: …", every link lands on a field. */
  async function expectFailed(page: Page, name: string): Promise<void> {
    const summary = page.locator('#foutmeldingen');
    await summary.waitFor();
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await summary.getByRole('heading').textContent()).toBe('Er is een probleem');
    expect(await isFocused(summary)).toBe(true);
    for (const href of await summary
      .locator('a')
      .evaluateAll((links) => links.map((link) => (link as unknown as { hash: string }).hash)))
      expect(await page.locator(href).count()).toBe(1);
    await expectAccessible(page, name);
  }

  /** Puts text in a field as a paste does (one insertion, not keystrokes). */
  async function paste(page: Page, label: string | RegExp, text: string): Promise<void> {
    const field = page.getByLabel(label, { exact: typeof label === 'string' });
    await field.fill('');
    await field.focus();
    await page.keyboard.insertText(text);
  }

  for (const [index, size] of SIZES.entries()) {
    describe(`${size.name} (${size.viewport.width} px)`, () => {
      it('records reuse: a failed submit, then pasted text saved as one line', async () => {
        const page = await signedIn(lead, size.viewport);
        const block = blocks[index];
        await page.goto(`/bouwstenen/${block}/hergebruiken`);
        await page.getByRole('button', { name: 'Hergebruik vastleggen' }).click();
        await expectFailed(page, `forms-hergebruik-fout-${size.name}`);
        // Tab from the summary goes to its first link, which lands on the field.
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        expect(await isFocused(page.getByLabel('Waar gebruikt u het'))).toBe(true);
        await paste(page, 'Waar gebruikt u het', PASTE);
        await page.getByRole('button', { name: 'Hergebruik vastleggen' }).click();
        await page.waitForURL(/melding=hergebruik/);
        await expectAccessible(page, `forms-hergebruik-bewaard-${size.name}`);
        const reuses = (
          await site.t.http().get(`/api/v1/assets/${block}/reuses`).set(bearer(lead))
        ).body.items.map((item: { context: string }) => item.context);
        expect(reuses).toContain(ONE_LINE);
        expect(await page.getByRole('link', { name: 'Hergebruik vastleggen' }).count()).toBe(0);
      });

      it('makes a course: a failed submit, then pasted title and goals saved', async () => {
        const page = await signedIn(office, size.viewport);
        await page.goto('/mijn-cursussen/nieuw');
        await page.getByRole('button', { name: 'Cursus aanmaken' }).click();
        await expectFailed(page, `forms-cursus-fout-${size.name}`);
        await paste(page, 'Titel', PASTE);
        await paste(page, /^(Naam van de|Of een nieuwe) werkgever/, 'Bouwbedrijf\u00A0Zaandam');
        await paste(page, /^Doelen/, PASTE);
        await page.getByRole('button', { name: 'Cursus aanmaken' }).click();
        await page.waitForURL(/\/mijn-cursussen\/[0-9a-f-]+$/);
        const id = new URL(page.url()).pathname.split('/').pop();
        const course = (await site.t.http().get(`/api/v1/courses/${id}`).set(bearer(office))).body;
        expect({ title: course.title, goals: course.goals }).toEqual({
          title: ONE_LINE,
          goals: LINES,
        });
      });

      it('invites an account: an e-mail that has one is named at the field, the name kept', async () => {
        const page = await signedIn(admin, size.viewport);
        await page.goto('/beheer/gebruikers');
        await paste(page, 'E-mailadres', lead.email.toUpperCase());
        await paste(page, 'Naam', `Bea${PASTE}`);
        await page.getByRole('button', { name: 'Account maken' }).click();
        await expectFailed(page, `forms-uitnodigen-fout-${size.name}`);
        expect(await page.locator('#veld-email-fout').textContent()).toContain(
          'Er is al een account met dit e-mailadres',
        );
        expect(await page.getByLabel('Naam', { exact: true }).inputValue()).toBe(`Bea${ONE_LINE}`);
        await paste(page, 'E-mailadres', `bea.${size.name}@school.nl`);
        await page.getByLabel('Rol', { exact: true }).last().selectOption('teacher');
        await page.getByRole('button', { name: 'Account maken' }).click();
        await page.getByLabel('Uitnodigingslink').waitFor();
        expect(await page.title()).not.toMatch(/^Fout/);
      });

      it('checks a proposal by post: a pasted text, and no words in the address', async () => {
        const page = await openPage(browser, baseURL, { viewport: size.viewport });
        await page.goto('/rapportages/voorstel');
        await page.getByRole('button', { name: 'Toetsen' }).click();
        await expectFailed(page, `forms-voorstel-fout-${size.name}`);
        await paste(page, 'Titel van het voorstel', 'Cybersecurity\u00A0voor het mkb');
        await paste(page, /^Tekst van het voorstel/, `Phishing herkennen.\u000B${PASTE}`);
        await page.getByRole('button', { name: 'Toetsen' }).click();
        await page.locator('.proposal-results').waitFor();
        expect(new URL(page.url()).search).toBe('');
        expect(await page.locator('#uitkomst-titel').textContent()).toBe(
          'Uitkomst voor "Cybersecurity voor het mkb"',
        );
        expect(await page.getByLabel(/^Tekst van het voorstel/).getAttribute('maxlength')).toBe(
          '2000',
        );
        await expectAccessible(page, `forms-voorstel-uitkomst-${size.name}`);
      });

      it('signs in: a failed submit shows the summary with the focus', async () => {
        const page = await openPage(browser, baseURL, { viewport: size.viewport });
        await page.goto('/inloggen');
        await page.getByRole('button', { name: 'Inloggen' }).click();
        await expectFailed(page, `forms-inloggen-fout-${size.name}`);
        await paste(page, 'E-mailadres', `\u200B${lead.email}\u200B`);
        await page.getByLabel('Wachtwoord').fill(lead.password);
        await page.getByRole('button', { name: 'Inloggen' }).click();
        await page.waitForURL(/\/mijn-pps$/);
      });
    });
  }

  it('shows required fields without error colours before anyone types', async () => {
    const page = await signedIn(office, { width: 390, height: 844 });
    await page.goto('/mijn-cursussen/nieuw');
    const matches = (selector: string) =>
      page.evaluate(
        (css) =>
          (
            globalThis as unknown as { document: { querySelectorAll: (s: string) => unknown[] } }
          ).document.querySelectorAll(css).length,
        selector,
      );
    expect(await matches('input:invalid, textarea:invalid, select:invalid')).toBe(0);
    await page.goto('/rapportages/voorstel');
    expect(await matches('input:invalid, textarea:invalid, select:invalid')).toBe(0);
  });
});
