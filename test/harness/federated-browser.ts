import { IssuerAccount, TestIssuers } from './oidc-issuers';
import { PageBrowser as Browser } from './page-browser';
import { TestApp } from './test-app';

/** Signing in through the local test issuers as a browser does, for the federation's specs. */
export function federatedBrowsing(t: TestApp, issuers: TestIssuers, base: string) {
  /** Follows the issuer's redirects (its own cookies kept) until it sends the browser back here. */
  async function atIssuer(url: string): Promise<string> {
    const jar = new Map<string, string>();
    let current = url;
    for (let hop = 0; hop < 12; hop++) {
      if (current.startsWith(base)) return current.slice(base.length);
      const response = await fetch(current, {
        redirect: 'manual',
        headers: { Cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') },
      });
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const at = pair.indexOf('=');
        jar.set(pair.slice(0, at), pair.slice(at + 1));
      }
      const location = response.headers.get('location');
      if (!location) throw new Error(`issuer stopped at ${current} (${response.status})`);
      current = new URL(location, current).href;
    }
    throw new Error('too many redirects at the issuer');
  }

  /** Presses "Inloggen met …" and goes through the issuer; the answer's path, not yet opened. */
  async function toIssuerAndBack(browser: Browser, key: string): Promise<string> {
    await browser.get('/inloggen');
    const start = await browser.post(`/inloggen/instelling/${key}`, { _formulier: browser.token });
    expect(start.status).toBe(303);
    const location = String(start.headers.location);
    const sent = new URL(location);
    expect(sent.searchParams.get('code_challenge_method')).toBe('S256');
    expect(sent.searchParams.get('state')).toBeTruthy();
    expect(sent.searchParams.get('nonce')).toBeTruthy();
    return atIssuer(location);
  }

  async function signIn(key: string, account: IssuerAccount, browser = new Browser(t)) {
    await issuers.next(key, { account });
    const answer = await browser.get(await toIssuerAndBack(browser, key));
    return { browser, answer };
  }

  /** From /mijn-account of a signed-in browser: "… koppelen" and through the issuer. */
  async function link(browser: Browser, key: string, account: IssuerAccount) {
    await browser.get('/mijn-account');
    await issuers.next(key, { account });
    const start = await browser.post(`/mijn-account/instelling/${key}`, {
      _formulier: browser.token,
    });
    expect(start.status).toBe(303);
    return browser.get(await atIssuer(String(start.headers.location)));
  }

  return { atIssuer, toIssuerAndBack, signIn, link };
}
