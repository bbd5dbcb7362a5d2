import { Browser } from 'playwright-core';
import { accessibilityViolations, launchChromium } from '../harness/browser';

/**
 * The check every page test relies on finds what it must: without this, a runner that quietly
 * ran nothing would pass every page.
 */
describe('the accessibility check (browser)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('names the WCAG failures of a page, and none of a sound one; a second run on the same page gives the same answer', async () => {
    const page = await browser.newPage();
    await page.setContent(
      `<!doctype html><html><head><title>Proef</title></head><body><main>
         <h1>Proef</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
         <p style="color:#bbb;background:#fff">Te licht</p>
         <input type="text"></main></body></html>`,
    );
    const found = await accessibilityViolations(page);
    expect(found.map((line) => line.split(' ')[0]).sort()).toEqual([
      'color-contrast',
      'html-has-lang',
      'image-alt',
      'label',
    ]);
    expect(found.find((line) => line.startsWith('image-alt'))).toMatch(/— img/);
    expect(await accessibilityViolations(page)).toEqual(found);
    await page.setContent(
      `<!doctype html><html lang="nl"><head><title>Proef</title></head><body><main>
         <h1>Proef</h1><label for="naam">Naam</label><input id="naam" type="text"></main></body></html>`,
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });
});
