import type { Response } from 'express';

/**
 * What a form handler answers: the page again (with its errors, and headers such as a 429's
 * Retry-After), or where to go next.
 */
export type PageAnswer =
  | { html: string; status?: number; headers?: Record<string, string> }
  | { redirect: string };

export function send(response: Response, answer: PageAnswer): void {
  response.setHeader('Cache-Control', 'no-store');
  if ('redirect' in answer) {
    // htmx follows HX-Location itself; a plain form follows the 303.
    response.redirect(303, answer.redirect);
    return;
  }
  for (const [name, value] of Object.entries(answer.headers ?? {})) response.setHeader(name, value);
  response
    .status(answer.status ?? 200)
    .type('text/html; charset=utf-8')
    .send(answer.html);
}

/** Only a path on this site: "//evil.example" or "/\evil" would leave it. */
export function safeReturnPath(candidate: unknown, fallback: string): string {
  if (typeof candidate !== 'string') return fallback;
  if (!/^\/(?![/\\])/.test(candidate) || candidate.length > 500) return fallback;
  return candidate;
}
