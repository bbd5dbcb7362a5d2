import { CommonError } from './common.errors';
import { DomainException, FieldError } from './domain.exception';
import { problemType } from './problem-catalogue';
import type { ProblemDetailsDto } from './problem-details';
import { statusProblem } from './status-problems';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The problem an error is, before it is written as problem+json or as a page. */
export interface Problem {
  status: number;
  code: string;
  title: string;
  detail?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
}

/**
 * PostgreSQL errors that mean "this value cannot be stored" (SQLSTATE class 22 and check
 * violations), conflicts and timeouts. Validation should catch the first kind; when it does not,
 * the caller still gets a 400 and the gap is logged, instead of a 500.
 */
const DATA_ERRORS: Record<string, CommonError> = {
  '22001': CommonError.ValueTooLong,
  '22003': CommonError.ValueOutOfRange,
  '22007': CommonError.InvalidDate,
  '22008': CommonError.InvalidDate,
  '22021': CommonError.InvalidText,
  '22P05': CommonError.InvalidText,
  '22P02': CommonError.InvalidValue,
  '23514': CommonError.InvalidValue,
  '23503': CommonError.ReferenceConflict,
  '23505': CommonError.Duplicate,
  '40001': CommonError.ConcurrentUpdate,
  '40P01': CommonError.ConcurrentUpdate,
  '57014': CommonError.DatabaseBusy,
};

const RETRY_SOON = { 'Retry-After': '2' };

/** A database error with this SQLSTATE, when it is the caller's problem (else undefined). */
export function problemOfSqlState(sqlState: string): Problem | undefined {
  const code = DATA_ERRORS[sqlState];
  if (!code) return undefined;
  return new DomainException(code, undefined, {
    headers: code === CommonError.DatabaseBusy ? RETRY_SOON : undefined,
  });
}

/** An HTTP error the framework raised (a body that is no JSON, a route that does not exist). */
export function problemOfHttpError(
  status: number,
  response: string | object,
  message: string,
): Problem {
  const said =
    typeof response === 'string'
      ? response
      : ((response as { message?: string | string[] }).message ?? message);
  return { status, ...statusProblem(status), detail: Array.isArray(said) ? said.join('; ') : said };
}

/**
 * Any other error: a DomainException as it is; an exhausted connection pool as 503; an
 * http-errors style 4xx (body reading is mapped at its source) as itself; the rest as an
 * internal error whose message is never shown.
 */
export function problemOf(exception: unknown): Problem {
  if (exception instanceof DomainException) return exception;
  if (
    exception instanceof Error &&
    /timeout exceeded when trying to connect/.test(exception.message)
  )
    return new DomainException(
      CommonError.DatabaseBusy,
      'All database connections are in use; retry shortly',
      { headers: RETRY_SOON },
    );
  const error = exception as { status?: unknown; statusCode?: unknown } | null;
  const status = Number(error?.status ?? error?.statusCode);
  if (error && Number.isInteger(status) && status >= 400 && status <= 499)
    return { status, ...statusProblem(status), detail: 'The request could not be read' };
  return new DomainException(
    CommonError.InternalError,
    'An unexpected error occurred; quote the request id when reporting it',
  );
}

/**
 * The error body of a standard that fixes its own (OOAPI): for every request under `pathPrefix`
 * the same problem (status, headers, logging) is worded this way instead of as Bouwsteen's.
 */
export interface ProblemDialect {
  /** A path such as /ooapi: it and every path below it. */
  pathPrefix: string;
  contentType: string;
  body(problem: Problem): string;
}

/** The dialect a request's errors are answered in, by its URL (none: Bouwsteen's own). */
export function dialectFor(
  url: string,
  dialects: readonly ProblemDialect[],
): ProblemDialect | undefined {
  const path = url.split('?')[0];
  return dialects.find(
    ({ pathPrefix }) => path === pathPrefix || path.startsWith(`${pathPrefix}/`),
  );
}

/** The RFC 9457 body of a problem, for the request it answers. */
export function problemBody(
  problem: Problem,
  request: { id?: unknown; originalUrl?: string; url: string },
): ProblemDetailsDto {
  return {
    type: problemType(problem.code),
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    instance: request.originalUrl?.split('?')[0] ?? request.url,
    code: problem.code,
    requestId: String(request.id ?? ''),
    ...(problem.errors ? { errors: problem.errors } : {}),
  };
}
