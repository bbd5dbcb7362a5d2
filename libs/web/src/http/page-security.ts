import type { NextFunction, Request, Response } from 'express';
import { randomBytes } from 'node:crypto';

/**
 * The pages' Content-Security-Policy: scripts only from our origin, plus the JSON-LD and
 * map data blocks that carry this response's nonce; no inline styles or handlers at all;
 * images from our origin and the map tile server only. Forms go to our origin, and on to the
 * configured OIDC issuers' origins (their discovery URLs' and, once discovered, those of their
 * authorization and logout endpoints).
 */
export function contentSecurityPolicy(
  nonce: string,
  tileOrigin: string,
  formOrigins: readonly string[] = [],
): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    `img-src 'self' data: ${tileOrigin}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    // The sign-in buttons and "Uitloggen" post here and are sent on to an issuer (its
    // authorization and logout endpoints): browsers hold that redirect to form-action too.
    ["form-action 'self'", ...formOrigins].join(' '),
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Per request: a fresh nonce, the policy, and Vary so caches keep htmx fragments apart.
 * `formOrigins` is asked per request: it grows as issuers are discovered.
 */
export function pageSecurity(tileUrl: string, formOrigins: () => readonly string[] = () => []) {
  const tileOrigin = new URL(tileUrl.replace(/[{}]/g, '')).origin;
  return (request: Request, response: Response, next: NextFunction): void => {
    const nonce = randomBytes(16).toString('base64');
    response.locals.cspNonce = nonce;
    response.setHeader(
      'Content-Security-Policy',
      contentSecurityPolicy(nonce, tileOrigin, formOrigins()),
    );
    response.setHeader('Vary', 'HX-Request, Accept-Encoding');
    // Forms check their Origin: with no-referrer (helmet's default) browsers send "null".
    // Same-origin keeps the real origin on our own posts and still tells other sites nothing.
    response.setHeader('Referrer-Policy', 'same-origin');
    next();
  };
}
