import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { NextFunction, Request, Response, json } from 'express';
import helmet from 'helmet';
import {
  answerClientErrorsWithProblems,
  createValidationPipe,
  formBody,
  normaliseBodyText,
  refuseDeepJson,
  refuseUnsafeText,
  requireJsonBody,
  translateBodyErrors,
} from '@bouwsteen/common';
import { AppConfig } from '@bouwsteen/config';
import { OAI_PMH_PATH, OOAPI_PROBLEMS, feedCors } from '@bouwsteen/harvest';
import { SiteErrorFilter, SiteRenderer } from '@bouwsteen/web';
import { API_PREFIX } from './app.module';
import { assignRequestId } from './request-context';
import { setupSwagger } from './swagger';

/** Everything main.ts and the e2e tests must share, so tests exercise the real HTTP stack. */
export function configureApp(app: NestExpressApplication, config: AppConfig): INestApplication {
  app.use(assignRequestId);
  app.set('trust proxy', config.http.trustProxy);
  app.disable('x-powered-by');
  // ETags are revisions set by the resources themselves; Express's body hashes would also tag
  // error answers and lists, and suggest a validator that If-Match does not accept.
  app.set('etag', false);
  // A strict policy everywhere (pages replace it with one carrying their nonce); only the
  // Swagger UI, which inlines its setup, gets inline scripts and styles.
  app.use(helmet({ contentSecurityPolicy: false }));
  const strict = helmet.contentSecurityPolicy({
    directives: {
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'frame-ancestors': ["'none'"],
    },
  });
  const swagger = helmet.contentSecurityPolicy({
    directives: {
      'script-src': ["'self'", "'unsafe-inline'"],
      'style-src': ["'self'", "'unsafe-inline'"],
    },
  });
  app.use((request: Request, response: Response, next: NextFunction) =>
    (/^\/docs(\/|$)/.test(request.path) ? swagger : strict)(request, response, next),
  );
  // The read-only feeds (/oai, /ooapi) are for any origin; the API's CORS is set below.
  app.use(feedCors);
  // Bodies: JSON only on the API (415 otherwise), at most BODY_LIMIT and 32 levels deep, and no
  // text that cannot be stored (NUL, control characters) anywhere in path, query or body.
  // Except a catalogue import, whose body is the file itself (CSV, .xlsx, JSON Lines, multipart).
  app.use(`/${API_PREFIX}`, (request: Request, response: Response, next: NextFunction) =>
    request.method === 'POST' && request.path === '/imports'
      ? next()
      : requireJsonBody(request, response, next),
  );
  app.use(
    json({
      limit: config.http.bodyLimit,
      type: ['application/json', 'application/*+json'],
      verify: refuseDeepJson,
    }),
  );
  // The pages' forms (the API refused this type above): nested names such as
  // module[learningOutcomes][0][text] become the same object shape the API's JSON has; deeper
  // names than `depth` are a 400, not a tree; bytes that are not UTF-8 are kept visible (U+FFFD)
  // for the form to name, never decoded away silently.
  app.use(formBody({ limit: config.http.bodyLimit, parameterLimit: 2000, depth: 6 }));
  app.use(translateBodyErrors);
  // What pasting brings along (U+000B from Office, NBSP, zero-width spaces, CRLF) becomes plain
  // text in every body before the checks below: the API and the pages store the same text.
  app.use(normaliseBodyText);
  // OAI-PMH answers such text itself, as the protocol's badArgument in XML: a harvester reads
  // OAI errors, not problem+json.
  app.use((request: Request, response: Response, next: NextFunction) =>
    request.path.replace(/\/$/, '') === OAI_PMH_PATH
      ? next()
      : refuseUnsafeText(request, response, next),
  );
  answerClientErrorsWithProblems(app.getHttpServer());
  app.enableCors(
    config.http.corsOrigins.length > 0
      ? { origin: config.http.corsOrigins, exposedHeaders: ['ETag', 'X-Request-Id', 'Retry-After'] }
      : { origin: false },
  );
  app.useGlobalPipes(createValidationPipe());
  // Problem+json for the API; Dutch error pages for the pages; OOAPI's own problem under /ooapi
  // (same statuses and headers everywhere).
  app.useGlobalFilters(new SiteErrorFilter(app.get(SiteRenderer), [OOAPI_PROBLEMS]));
  setupSwagger(app);
  return app;
}
