import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContextOptions, Page, chromium } from 'playwright-core';
import { projectPath } from '@bouwsteen/common';

/** Debian's chromium (browser downloads are not reachable here); CHROMIUM_PATH overrides. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path))
    throw new Error(
      `No Chromium at ${path}: install Debian's chromium (.ci/run does) or set CHROMIUM_PATH`,
    );
  return path;
}

/**
 * Map tiles for tests: the pages point at this host, and every browser context answers it
 * with a refused connection, as when the tile server is unreachable (these machines are offline).
 */
export const OFFLINE_TILES = 'http://tegels.invalid/{z}/{x}/{y}.png';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
    ],
  });
}

export async function openPage(
  browser: Browser,
  baseURL: string,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'nl-NL',
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  context.setDefaultTimeout(10_000);
  await context.route('http://tegels.invalid/**', (route) => route.abort('connectionrefused'));
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // Tiles are expected to fail offline; failed answers are judged below, by what they were
    // for; anything else the console reports is a bug.
    if (
      message.type() === 'error' &&
      !/Failed to load resource: (net::ERR_CONNECTION_REFUSED|the server responded with a status of)/.test(
        message.text(),
      )
    )
      problems.push(`console: ${message.text()}`);
  });
  // A page may answer 4xx on purpose (a form with errors, a wrong password); a file, script
  // or htmx fragment that fails is a bug.
  page.on('response', (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document')
      problems.push(
        `failed ${response.request().resourceType()}: ${response.status()} ${response.url()}`,
      );
  });
  (page as Page & { problems: string[] }).problems = problems;
  return page;
}

/**
 * Signs `user` in through the sign-in page, as a person does, and waits until the page it
 * leads to (`landing`, e.g. /mijn-pps) has loaded.
 */
export async function signIn(
  page: Page,
  user: { email: string; password: string },
  landing?: RegExp,
): Promise<void> {
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill(user.email);
  await page.getByLabel('Wachtwoord').fill(user.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  if (landing) await page.waitForURL(landing);
}

/** Signs in and waits until the browser has left the sign-in page (its cookie is set). */
export async function signedIn(
  page: Page,
  user: { email: string; password: string },
): Promise<void> {
  await signIn(page, user);
  await page.waitForURL((url) => url.pathname !== '/inloggen');
}

/** The widths every page is checked at: the design width of a phone, and a desktop's. */
export const PHONE_AND_DESKTOP = [
  { name: '390', viewport: { width: 390, height: 844 } },
  { name: '1280', viewport: { width: 1280, height: 900 } },
] as const;

/** Script errors, CSP refusals and failed files the page reported so far. */
export function problemsOf(page: Page): string[] {
  return (page as Page & { problems?: string[] }).problems ?? [];
}

/** axe-core's script, read once per test file. */
let axeSource: string | undefined;

/**
 * axe-core with the WCAG 2.1 A and AA rules, on the page as it is now: its script put into the
 * page once and run there. Our pages have no frames, so the runner that works across frames
 * (@axe-core/playwright: a run per frame, then a blank page to merge the results) is not needed,
 * and it took about three times as long for the same findings.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource);
  const violations = await page.evaluate<AxeViolation[]>(
    `axe.run(document, {
       runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
       resultTypes: ['violations'],
     }).then((results) => results.violations.map((violation) => ({
       id: violation.id,
       impact: violation.impact,
       help: violation.help,
       targets: violation.nodes.map((node) => node.target.join(' ')),
     })))`,
  );
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.targets
        .slice(0, 5)
        .join(' | ')}`,
  );
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * What makes a page scroll sideways at its viewport's width: elements whose right edge passes
 * the screen's (outside any scroll box), and tables or charts whose box must be scrolled to be
 * read. Run in the page (a string: this project's types hold no DOM).
 */
const SIDEWAYS = `(() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  const name = (node) => node.tagName.toLowerCase() + (node.id ? '#' + node.id : '') +
    (typeof node.className === 'string' && node.className ? '.' + node.className.split(' ')[0] : '');
  for (const node of document.querySelectorAll('body *')) {
    const box = node.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 1) continue;
    let parent = node.parentElement;
    let held = false;
    for (; parent && parent !== document.body; parent = parent.parentElement)
      if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(parent).overflowX)) held = true;
    if (!held) found.push(name(node) + ' → ' + Math.round(box.right) + 'px');
  }
  for (const box of document.querySelectorAll('.utrecht-table-container, .chart-figure'))
    if (box.scrollWidth > box.clientWidth + 1)
      found.push('scrolls: ' + name(box) + ' ' + box.scrollWidth + '/' + box.clientWidth + ' ' +
        (box.querySelector('th')?.textContent ?? '').slice(0, 40));
  return found.slice(0, 8);
})()`;

/** Why the page as it is now scrolls sideways (empty: it does not); see SIDEWAYS. */
export function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(SIDEWAYS);
}

/** Saves the screenshot first (to look at when it fails), then: axe finds nothing, and the page reported no errors. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await accessibilityViolations(page)).toEqual([]);
  expect(problemsOf(page)).toEqual([]);
}

/** Saves a full-page screenshot under test-results/screenshots for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = projectPath('test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  // caret: 'initial' — hiding the caret injects a <style>, which our CSP (rightly) refuses.
  await page.screenshot({ path, fullPage: true, caret: 'initial' });
  return path;
}

/** Retries `check` (jest expectations) until it passes or `timeoutMs` runs out, like a person waiting for the page. */
export async function eventually(
  check: () => Promise<void> | void,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

export function isFocused(locator: import('playwright-core').Locator): Promise<boolean> {
  // Runs in the page (this project compiles without the DOM library).
  return locator.evaluate(
    (element) =>
      element ===
      (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
  );
}
