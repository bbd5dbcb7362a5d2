import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Principal } from '@bouwsteen/auth';

/** What a page needs from its request: the CSP nonce and whether htmx asks for a fragment. */
export interface PageContext {
  nonce: string;
  /** The path and query as requested, for canonical links and "back" targets. */
  url: string;
  /** htmx swaps part of the page; a history restore needs the whole page again. */
  fragment: boolean;
  /** The id of the element htmx will swap, when it asks for one. */
  target?: string;
  /** The signed-in account, when the browser has a session. */
  principal?: Principal;
  /** The token every form of this page carries (see WebSessionMiddleware). */
  formToken: string;
  /** Who asks, for the usage figures only (held in memory, never stored or logged). */
  visitor?: Visitor;
}

export interface Visitor {
  address?: string;
  userAgent?: string;
  referrer?: string;
  host?: string;
}

export function pageContextOf(
  request: Request & { principal?: Principal },
  response: Response,
): PageContext {
  const htmx = request.get('HX-Request') === 'true';
  const restoring = request.get('HX-History-Restore-Request') === 'true';
  return {
    nonce: String(response.locals.cspNonce ?? ''),
    url: request.originalUrl,
    fragment: htmx && !restoring,
    target: request.get('HX-Target') || undefined,
    principal: request.principal,
    formToken: String(response.locals.formToken ?? ''),
    visitor: {
      address: request.ip,
      userAgent: request.get('User-Agent'),
      referrer: request.get('Referer'),
      host: request.hostname,
    },
  };
}

/** The page context of the current request (see pageSecurity for the nonce). */
export const Page = createParamDecorator((_: unknown, context: ExecutionContext): PageContext => {
  const http = context.switchToHttp();
  return pageContextOf(http.getRequest<Request>(), http.getResponse<Response>());
});
