import type { NextFunction, Request, Response } from 'express';
import { OAI_PMH_PATH } from './oai-arguments';
import { OOAPI_PATH } from './ooapi/ooapi-path';

/** The methods a web page elsewhere may use on the feeds: reads only. */
const READS = ['GET', 'HEAD'];

/** Whether a path is one of the public, read-only feeds: OAI-PMH and OOAPI. */
export function isFeedPath(path: string): boolean {
  return (
    path.replace(/\/$/, '') === OAI_PMH_PATH ||
    path === OOAPI_PATH ||
    path.startsWith(`${OOAPI_PATH}/`)
  );
}

/**
 * Makes the value the same for every origin: `*`, never an origin echoed back, so no browser
 * sends cookies or credentials along (the Fetch standard refuses credentials with `*`) and
 * the answer is what anyone without an account sees.
 */
export function allowAnyOrigin(response: Response): void {
  response.setHeader('Access-Control-Allow-Origin', '*');
  // Helmet's same-origin default would stop a page elsewhere embedding the answer.
  response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
}

/**
 * CORS for the feeds (/oai, /ooapi): any origin may read them with GET or HEAD, and a preflight
 * (OPTIONS) is answered here, allowing only those. The API's own routes, which take tokens and
 * cookies, are left to the API's CORS setting (CORS_ORIGINS).
 */
export function feedCors(request: Request, response: Response, next: NextFunction): void {
  if (!isFeedPath(request.path)) return next();
  if (request.method === 'OPTIONS') {
    allowAnyOrigin(response);
    response.setHeader('Access-Control-Allow-Methods', READS.join(', '));
    response.setHeader('Access-Control-Max-Age', '86400');
    response.status(204).end();
    return;
  }
  if (READS.includes(request.method)) allowAnyOrigin(response);
  next();
}
