import { Browser, Page } from 'playwright-core';
import { expectAccessible, openPage, signIn } from '../harness/browser';
import { DemoSite, openDemoSite } from '../harness/demo-site';
import { moduleBody, practiceBody } from '../harness/fixtures';

/** Whether the page scrolls sideways (run in the page: this project's types hold no DOM). */
const SIDEWAYS = '(() => document.documentElement.scrollWidth > window.innerWidth + 1)()';

/**
 * A teacher's lists and saved searches at 390 and 1280 px, with and without JavaScript: a block
 * put on a new list from its page, a second one on the same list, "Mijn lijsten", the list page
 * (reordered by its buttons, a note, a share link), the shared page signed out, a search saved
 * from /zoeken and "Mijn zoekopdrachten" — axe 0, no sideways scroll, each photographed.
 */
describe('lists and saved searches (browser)', () => {
  let site: DemoSite;
  let browser: Browser;
  let baseURL: string;
  let first: { id: string; title: string };
  let second: { id: string; title: string };

  beforeAll(async () => {
    site = await openDemoSite();
    ({ browser, baseURL } = site);
    const ppsId = await site.t.ppsId('Techport mbo');
    const lead = await site.t.user('pps-editor', [ppsId]);
    first = await site.t.publish(
      lead,
      moduleBody(ppsId, { title: 'Cobots veilig inrichten in de werkplaats' }),
    );
    second = await site.t.publish(
      lead,
      practiceBody(ppsId, { title: 'Praktijkvoorbeeld: cobot in de lasstraat' }),
    );
    await site.t.indexed();
  }, 120_000);

  afterAll(() => site?.close());

  async function check(page: Page, name: string): Promise<void> {
    await expectAccessible(page, name);
    expect(await page.evaluate<boolean>(SIDEWAYS)).toBe(false);
  }

  for (const width of [390, 1280])
    for (const script of [false, true]) {
      const mode = script ? 'js' : 'zonder-js';
      it(`keeps a list and a saved search at ${width} px ${script ? 'with' : 'without'} JavaScript`, async () => {
        const teacher = await site.t.user('teacher');
        const page = await openPage(browser, baseURL, { viewport: { width, height: 900 } });
        if (!script)
          await page.route('**/assets/*.js', (route) => route.abort('connectionrefused'));
        await signIn(page, teacher, /\/mijn-account|\/$/);

        // From the block's page onto a new list; a name is needed first.
        await page.goto(`/bouwstenen/${first.id}`);
        const picker = page.locator('form.list-picker');
        await picker.scrollIntoViewIfNeeded();
        await check(page, `lijst-kiezer-${width}-${mode}`);
        await picker.getByRole('button', { name: 'Op mijn lijst zetten' }).click();
        await expect(page.title()).resolves.toMatch(/^Fout: /);
        await check(page, `lijst-kiezer-fout-${width}-${mode}`);
        await page.getByLabel('Naam van uw eerste lijst').fill('Cobots voor niveau 2');
        await page.getByRole('button', { name: 'Op mijn lijst zetten' }).click();
        await page.waitForURL(/melding=op-lijst/);
        await page.goto(`/bouwstenen/${second.id}`);
        await page
          .getByLabel('Lijst', { exact: true })
          .selectOption({ label: 'Cobots voor niveau 2' });
        await page.getByRole('button', { name: 'Op mijn lijst zetten' }).click();
        await page.waitForURL(/melding=op-lijst/);

        await page.goto('/mijn-lijsten');
        await check(page, `mijn-lijsten-${width}-${mode}`);
        await page.getByRole('link', { name: 'Cobots voor niveau 2' }).click();
        const titles = () => page.locator('.list-items h3 a').allTextContents();
        await expect(titles()).resolves.toEqual([first.title, second.title]);
        await page.getByRole('button', { name: /^Omlaag/ }).click();
        await page.waitForURL(/melding=verplaatst/);
        await expect(titles()).resolves.toEqual([second.title, first.title]);
        await page.locator(`#notitie-${first.id}`).fill('Eerst de veiligheidsles');
        await page
          .getByRole('button', { name: /^Notitie opslaan/ })
          .last()
          .click();
        await page.waitForURL(/melding=notitie/);
        await page.getByRole('button', { name: 'Deellink maken' }).click();
        await page.waitForURL(/melding=gedeeld/);
        const link = await page.locator('#deellink').inputValue();
        await check(page, `lijst-${width}-${mode}`);

        // The shared page, for someone who is not signed in.
        const stranger = await openPage(browser, baseURL, { viewport: { width, height: 900 } });
        if (!script)
          await stranger.route('**/assets/*.js', (route) => route.abort('connectionrefused'));
        await stranger.goto(link);
        await expect(stranger.locator('h1').textContent()).resolves.toBe('Cobots voor niveau 2');
        await expect(stranger.locator('main').textContent()).resolves.toContain(
          'Eerst de veiligheidsles',
        );
        await check(stranger, `lijst-gedeeld-${width}-${mode}`);
        await stranger.context().close();

        // A search saved from /zoeken, with alerts.
        await page.goto('/zoeken?q=cobot&niveau=mbo-3');
        await page.getByRole('link', { name: 'Deze zoekopdracht bewaren' }).click();
        await page.waitForURL(/\/mijn-zoekopdrachten\/nieuw/);
        await check(page, `zoekopdracht-bewaren-${width}-${mode}`);
        await page.getByLabel('Naam van de zoekopdracht').fill('Cobots mbo 3');
        await page.getByLabel(/Meld mij nieuwe bouwstenen/).check();
        await page.getByRole('button', { name: 'Zoekopdracht bewaren' }).click();
        await page.waitForURL(/\/mijn-zoekopdrachten\?melding=bewaard/);
        await expect(page.locator('main').textContent()).resolves.toMatch(/meldingen aan/);
        await check(page, `mijn-zoekopdrachten-${width}-${mode}`);
        await page.getByRole('link', { name: 'Cobots mbo 3' }).click();
        await page.waitForURL(/\/zoeken\?/);
        expect(new URL(page.url()).searchParams.get('q')).toBe('cobot');
        expect(new URL(page.url()).searchParams.get('niveau')).toBe('mbo-3');
        await page.context().close();
      });
    }
});
