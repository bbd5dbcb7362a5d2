import { Browser, Page } from 'playwright-core';
import { expectAccessible, isFocused, openPage, signIn } from '../harness/browser';
import { DemoSite, openDemoSite } from '../harness/demo-site';

/**
 * Issue 24: a draft saves with only what the form marks as required (the title), for every
 * kind; "Controleren en publiceren" lists what publishing still needs, each a link to a field
 * that exists; throwing a draft away is asked on a page of its own. Phone and desktop widths.
 */
describe('drafts and the publish check (browser)', () => {
  let site: DemoSite;
  let browser: Browser;
  let baseURL: string;
  let lead: { email: string; password: string };
  let ppsId: string;

  beforeAll(async () => {
    site = await openDemoSite();
    ({ browser, baseURL } = site);
    ppsId = await site.t.ppsId('House of Digital');
    lead = await site.t.user('pps-editor', [ppsId]);
  }, 120_000);

  afterAll(() => site?.close());

  async function signedIn(width: number): Promise<Page> {
    const page = await openPage(browser, baseURL, { viewport: { width, height: 900 } });
    await signIn(page, lead, /\/mijn-pps$/);
    return page;
  }

  it.each([
    ['module', 390],
    ['curriculum', 1280],
    ['infrastructure', 390],
    ['practice', 1280],
  ])('saves a %s draft at %i px with only its title', async (kind, width) => {
    const page = await signedIn(width);
    await page.goto(`/mijn-pps/nieuw?soort=${kind}&pps=${ppsId}`);
    // Only the title is required (marked for assistive technology; no browser check that
    // would stop a draft).
    const required = await page
      .locator('main form [required], main form [aria-required="true"]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('name')));
    expect(required).toEqual(['title']);
    // The API's limits, read from the DTOs.
    expect(await page.locator('#veld-title').getAttribute('maxlength')).toBe('200');
    expect(await page.locator('#veld-summary').getAttribute('maxlength')).toBe('1000');
    await page.getByLabel('Titel', { exact: true }).fill(`Alleen een titel voor een ${kind}`);
    // Enter in a field saves the draft (not the first list's "Meer velden").
    await page.getByLabel('Titel', { exact: true }).press('Enter');
    await page.getByText('Het concept is opgeslagen.').waitFor();
    const editor = page.url().split('?')[0];

    // Typed but not saved: the way to the check saves it first (a link would drop it).
    const summary = `Een samenvatting die nog niet was opgeslagen (${kind}).`;
    await page.getByLabel('Samenvatting', { exact: true }).fill(summary);
    await page.getByRole('button', { name: 'Opslaan, controleren en publiceren' }).click();
    await page.getByRole('heading', { name: 'Nog nodig om te publiceren' }).waitFor();
    expect(await page.locator('main').textContent()).toContain(summary);
    expect(await page.getByRole('button', { name: /publiceren$/ }).count()).toBe(0);
    await expectAccessible(page, `publiceren-onvolledig-${kind}-${width}`);
    const targets = await page
      .locator('.utrecht-alert ul a')
      .evaluateAll((links) =>
        links.map((link) => (link as unknown as { hash: string }).hash.slice(1)),
      );
    // The summary was saved on the way; the licence is the maker's choice, never proposed.
    expect(targets).not.toContain('veld-summary');
    expect(targets).toContain('veld-license');
    // Every "what is missing" link lands on a field of the editor.
    await page.goto(editor);
    for (const id of targets) expect(await page.locator(`[id="${id}"]`).count()).toBe(1);

    await page.getByRole('link', { name: 'Concept weggooien…' }).click();
    await page.getByRole('heading', { name: /^Concept weggooien:/ }).waitFor();
    await expectAccessible(page, `concept-weggooien-${kind}-${width}`);
    await page.getByRole('button', { name: 'Ja, concept weggooien' }).click();
    await page.waitForURL(/melding=weggegooid/);
    await page.context().close();
  });

  it('lands a summary link on its field with the label in view, at 390 px', async () => {
    const page = await signedIn(390);
    await page.goto(`/mijn-pps/nieuw?soort=module&pps=${ppsId}`);
    await page.getByLabel('Titel', { exact: true }).fill('Een module met een onleesbaar bedrag');
    await page.locator('#veld-module-price').fill('1.250');
    await page.getByRole('button', { name: 'Concept opslaan' }).first().click();
    await page.locator('#foutmeldingen').waitFor();
    await page.locator('#foutmeldingen a[href="#veld-module-price"]').click();
    await expect(isFocused(page.locator('#veld-module-price'))).resolves.toBe(true);
    const label = await page.locator('label[for="veld-module-price"]').boundingBox();
    expect(label!.y).toBeGreaterThanOrEqual(0);
    expect(label!.y).toBeLessThan(844);
    await page.context().close();
  });
});
