import { ArgumentsHost, Catch } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthError } from '@bouwsteen/auth/pure';
import { ProblemDetailsFilter, ProblemDialect } from '@bouwsteen/common';
import { ErrorContent, errorMeta } from '../layout/error-page';
import { SiteRenderer } from '../layout/site-renderer';
import { typedTexts } from '../layout/typed-texts';
import { pageContextOf } from './page-context';

const PASSWORD_CHANGE_REQUIRED: string = AuthError.PasswordChangeRequired;

/** Paths that always answer problem+json, whatever the client accepts. */
const MACHINE_PATHS =
  /^\/(api|docs|docs-json|health|metrics|problems|assets|oai|ooapi|sitemap[^/?]*\.xml|robots\.txt)(\/|$|\?)/;

/** What a browser's form posts: the body of any other type is a program's. */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * Errors on pages become Dutch pages; everything else stays problem+json. A request is for a
 * page when it reached a page route (the page middleware set a nonce), or when a browser asks
 * for a path that no route serves. Status, headers (Retry-After) and logging are the same as
 * for the API: both come from ProblemDetailsFilter.
 */
@Catch()
export class SiteErrorFilter extends ProblemDetailsFilter {
  /** `dialects`: paths whose errors a standard words (OOAPI), for browsers too. */
  constructor(
    private readonly site: SiteRenderer,
    dialects: readonly ProblemDialect[] = [],
  ) {
    super(dialects);
  }

  override catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    if (!wantsPage(request, response) || this.dialectFor(request))
      return super.catch(exception, host);
    const problem = this.toProblem(exception, request.id);
    // An account whose password an admin chose chooses its own before any other page.
    if (problem.code === PASSWORD_CHANGE_REQUIRED) {
      response.setHeader('Cache-Control', 'no-store');
      return response.redirect(303, '/mijn-account/wachtwoord');
    }
    // A page that needs an account sends the visitor to sign in, and back here afterwards.
    if (problem.status === 401 && request.method === 'GET') {
      response.setHeader('Cache-Control', 'no-store');
      const back = encodeURIComponent(request.originalUrl);
      return response.redirect(303, `/inloggen?terug=${back}`);
    }
    for (const [name, value] of Object.entries(problem.headers ?? {}))
      response.setHeader(name, value);
    response.setHeader('Cache-Control', 'no-store');
    const page = pageContextOf(request, response);
    // htmx does not swap error answers: it reloads, and the full request gets this page.
    if (page.fragment) response.setHeader('HX-Refresh', 'true');
    const path = request.originalUrl.split('?')[0];
    void this.site
      .page(
        page,
        errorMeta(problem.status, path, problem.code, request.method === 'POST'),
        ErrorContent({
          status: problem.status,
          code: problem.code,
          retryPath: request.originalUrl,
          // A form post refused before its page could answer: a way back to the form.
          formPath: request.method === 'POST' ? formPathOf(request) : undefined,
          requestId: String(request.id ?? ''),
          errors: problem.errors,
          // A form that cannot be taken still gives back what was typed, to copy.
          typed: request.method === 'POST' ? typedTexts(request.body) : [],
        }),
      )
      .then(
        (html) => response.status(problem.status).type('text/html; charset=utf-8').send(html),
        () => response.status(problem.status).type('text/plain; charset=utf-8').send(problem.title),
      );
  }
}

/**
 * Whether the error is answered with a page. A page route's errors are (the page middleware set
 * a nonce); so is a form post to any page path, even one whose body could not be read and so
 * never reached the page (too many or too deeply nested fields, another charset, a broken
 * encoding): only browsers post forms. Otherwise a page path answers a page unless the client
 * prefers JSON: a browser, a link checker or a plain `curl` without an Accept header gets
 * Dutch HTML, an integration asking for JSON gets problem+json.
 */
function wantsPage(request: Request, response: Response): boolean {
  if (MACHINE_PATHS.test(request.originalUrl)) return false;
  if (response.locals.cspNonce !== undefined) return true;
  if (request.method === 'POST') return !!request.is(FORM_TYPES);
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  return (
    request.accepts(['text/html', 'application/json', 'application/problem+json']) === 'text/html'
  );
}

/**
 * Where the form that was posted can be opened again: the page it was sent from (the Referer,
 * when it is this site's own page), else the address it was posted to.
 */
function formPathOf(request: Request): string {
  const referer = request.get('Referer');
  if (referer) {
    try {
      const from = new URL(referer);
      if (from.host === request.get('Host') && !MACHINE_PATHS.test(from.pathname))
        return `${from.pathname}${from.search}`;
    } catch {
      // Not an address: fall back to where the form was posted.
    }
  }
  return request.originalUrl;
}
