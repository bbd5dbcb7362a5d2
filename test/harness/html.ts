import { HTMLElement, parse } from 'node-html-parser';
import type { Response } from 'supertest';

export function html(response: Response): HTMLElement {
  return parse(response.text);
}

/**
 * What every page must have: Dutch, a title and description, a canonical link and Open
 * Graph tags, a skip link to the one <main>, one <h1>; no inline style, and scripts only
 * from our origin or as data blocks carrying the nonce of this response's CSP.
 */
export function expectPage(response: Response): HTMLElement {
  expect(response.headers['content-type']).toContain('text/html');
  const root = html(response);
  expect(root.querySelector('html')?.getAttribute('lang')).toBe('nl');
  expect(root.querySelector('title')?.text.trim()).toBeTruthy();
  expect(root.querySelector('meta[name="description"]')?.getAttribute('content')).toBeTruthy();
  expect(root.querySelector('link[rel="canonical"]')?.getAttribute('href')).toMatch(/^https?:\/\//);
  for (const property of ['og:title', 'og:description', 'og:url', 'og:type'])
    expect(
      root.querySelector(`meta[property="${property}"]`)?.getAttribute('content'),
    ).toBeTruthy();
  expect(root.querySelectorAll('main')).toHaveLength(1);
  expect(root.querySelector('a.utrecht-skip-link')?.getAttribute('href')).toBe('#inhoud');
  expect(root.querySelectorAll('h1')).toHaveLength(1);
  expect(root.querySelectorAll('[style]')).toHaveLength(0);
  const csp = String(response.headers['content-security-policy'] ?? '');
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  for (const script of root.querySelectorAll('script')) {
    const src = script.getAttribute('src');
    if (src) expect(src).toMatch(/^\/assets\/[\w.-]+\.js$/);
    else {
      expect(['application/ld+json', 'application/json']).toContain(script.getAttribute('type'));
      expect(script.getAttribute('nonce')).toBe(nonce);
    }
  }
  expect(csp).not.toContain('unsafe-inline');
  expect(root.querySelectorAll('[onclick],[onload],[onerror]')).toHaveLength(0);
  return root;
}

export function jsonLd(root: HTMLElement): Record<string, unknown>[] {
  return root
    .querySelectorAll('script[type="application/ld+json"]')
    .map((script) => JSON.parse(script.textContent) as Record<string, unknown>);
}

/** Visible text of the main region, whitespace folded. */
export function mainText(root: HTMLElement): string {
  return (root.querySelector('main')?.text ?? '').replace(/\s+/g, ' ').trim();
}
