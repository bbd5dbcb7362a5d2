import { Browser, Page } from 'playwright-core';
import { eventually, expectAccessible, openPage, screenshot, signIn } from '../harness/browser';
import { DemoSite, openDemoSite } from '../harness/demo-site';

/**
 * An LLO office's path in Chromium: compose a three-module course for an employer, meet the
 * licence rule (a non-commercial module cannot go into a paid course — marked before adding,
 * refused when added anyway, the message next to it), choose another module, put the modules in
 * order by keyboard, share the course, and the employer opens the link without an account.
 */
describe('an LLO office in the browser', () => {
  let site: DemoSite;
  let browser: Browser;
  let baseURL: string;
  let office: { email: string; password: string };

  beforeAll(async () => {
    site = await openDemoSite();
    ({ browser, baseURL } = site);
    office = await site.t.lloOffice('LLO-loket IJmond');
  }, 120_000);

  afterAll(() => site?.close());

  async function addFromSearch(page: Page, words: string, title: string): Promise<void> {
    await page.getByLabel('Zoekwoorden').fill(words);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.waitForURL(/\?q=/);
    await page.getByRole('button', { name: new RegExp(`^Toevoegen\\s*: ${title}$`) }).click();
    await page.waitForURL(/#onderdelen$/);
    await page.locator('.course-items').getByRole('link', { name: title }).waitFor();
  }

  it('composes a course, fixes a licence conflict, shares it, and the employer opens the link', async () => {
    const page = await openPage(browser, baseURL);
    await signIn(page, office, /\/mijn-cursussen$/);
    await expectAccessible(page, 'mijn-cursussen');

    await page.getByRole('link', { name: 'Nieuwe cursus samenstellen' }).click();
    await page.getByRole('button', { name: 'Cursus aanmaken' }).click();
    await page.locator('#foutmeldingen').waitFor();
    await expectAccessible(page, 'mijn-cursussen-nieuw-fouten');
    await page.getByLabel('Titel').fill('Veilig en digitaal werken in de productie');
    await page.getByLabel('Naam van de werkgever').fill('Tata Steel IJmuiden');
    await page.getByLabel('Duur in weken').fill('6');
    await page.getByRole('button', { name: 'Cursus aanmaken' }).click();
    await page.waitForURL(/\/mijn-cursussen\/[0-9a-f-]+$/);

    await addFromSearch(page, 'cobots', 'E-learning Veilig werken met cobots');
    const totals = page.locator('#cursus-totalen');
    expect(await totals.textContent()).toMatch(/€\s195,00/);

    // The licence shows before adding: this NC module cannot go into a paid course.
    await page.getByLabel('Zoekwoorden').fill('PLC operators');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    const plc = page.locator('#zoekresultaten li', {
      hasText: 'Besturingstechniek en PLC voor operators',
    });
    expect(await plc.textContent()).toContain('Niet te gebruiken in deze betaalde cursus');
    await screenshot(page, 'mijn-cursussen-licentie-zichtbaar');
    // Offered only what may succeed: no "Toevoegen" beside it (the API still refuses it, tested
    // in courses.e2e).
    expect(await plc.getByRole('button', { name: /^Toevoegen/ }).count()).toBe(0);
    await expectAccessible(page, 'mijn-cursussen-licentieconflict');

    // Fixed by choosing modules whose licence allows it.
    await addFromSearch(page, 'cybersecurity mkb', 'Cybersecurity basis voor het mkb');
    await addFromSearch(page, 'AI-assistenten', 'Werken met AI-assistenten op de werkvloer');
    const order = () => page.locator('.course-items h3').allTextContents();
    expect(await order()).toEqual([
      'E-learning Veilig werken met cobots',
      'Cybersecurity basis voor het mkb',
      'Werken met AI-assistenten op de werkvloer',
    ]);
    expect(await totals.textContent()).toMatch(/€\s415,00/);

    // Reorder by keyboard: no dragging.
    await page.getByRole('button', { name: /^Omhoog\s*: Werken met AI-assistenten/ }).focus();
    await page.keyboard.press('Enter');
    await eventually(async () =>
      expect(await order()).toEqual([
        'E-learning Veilig werken met cobots',
        'Werken met AI-assistenten op de werkvloer',
        'Cybersecurity basis voor het mkb',
      ]),
    );
    await expectAccessible(page, 'mijn-cursussen-samensteller');

    // Share, and the employer opens the link in a browser of their own (no account, no cookies).
    const composer = page.url().split('#')[0].split('?')[0];
    await page.getByRole('button', { name: 'Deellink maken' }).click();
    const link = await page.getByLabel(/Deellink/).inputValue();
    expect(link).toMatch(/\/cursus\/[A-Za-z0-9_-]{43}$/);
    await screenshot(page, 'mijn-cursussen-gedeeld');
    const employer = await openPage(browser, baseURL);
    await employer.goto(new URL(link).pathname);
    expect(await employer.locator('h1').textContent()).toBe(
      'Veilig en digitaal werken in de productie',
    );
    expect(await employer.locator('main').textContent()).toContain('Tata Steel IJmuiden');
    expect(await employer.locator('main').textContent()).toContain(
      'Cybersecurity basis voor het mkb',
    );
    await expectAccessible(employer, 'cursus-werkgever');

    // Asked again, the page shows the same link; a new one replaces it and closes the old one.
    await page.goto(composer);
    await page.getByRole('button', { name: 'Deellink tonen' }).click();
    await page.getByText('Dit is de deellink die al actief is').waitFor();
    expect(await page.getByLabel(/Deellink/).inputValue()).toBe(link);
    await page.getByRole('button', { name: 'Nieuwe link maken' }).click();
    await page.getByText('De vorige link werkt niet meer').waitFor();
    const replaced = await page.getByLabel(/Deellink/).inputValue();
    expect(replaced).toMatch(/\/cursus\/[A-Za-z0-9_-]{43}$/);
    expect(replaced).not.toBe(link);
    expect((await employer.goto(new URL(link).pathname))?.status()).toBe(404);
    expect((await employer.goto(new URL(replaced).pathname))?.status()).toBe(200);

    // Revoking the link closes it for the employer.
    await page.goto(composer);
    await page.getByRole('button', { name: 'Link intrekken' }).click();
    await page.getByText('De deellink is ingetrokken').waitFor();
    expect((await employer.goto(new URL(replaced).pathname))?.status()).toBe(404);
    await page.context().close();
    await employer.context().close();
  });
});
