import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { CommonError } from './common.errors';
import { DomainException, FieldError } from './domain.exception';
import { problemType } from './problem-catalogue';
import { PROBLEM_CONTENT_TYPE, ProblemDetailsDto } from './problem-details';
import { statusProblem } from './status-problems';

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

/**
 * Maps every error to one RFC 9457 body carrying the request id, or to a dialect's body under
 * its path; nothing else writes errors.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  constructor(private readonly dialects: readonly ProblemDialect[] = []) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request & { id?: string }>();
    const response = context.getResponse<Response>();
    const problem = this.toProblem(exception, request.id);
    for (const [name, value] of Object.entries(problem.headers ?? {}))
      response.setHeader(name, value);
    const dialect = this.dialectFor(request);
    if (dialect) {
      response.status(problem.status).type(dialect.contentType).send(dialect.body(problem));
      return;
    }
    const body: ProblemDetailsDto = {
      type: problemType(problem.code),
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      instance: request.originalUrl?.split('?')[0] ?? request.url,
      code: problem.code,
      requestId: String(request.id ?? ''),
      ...(problem.errors ? { errors: problem.errors } : {}),
    };
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  /** The dialect this request's errors are answered in, by its path (none: Bouwsteen's own). */
  protected dialectFor(request: Request): ProblemDialect | undefined {
    const path = (request.originalUrl ?? request.url ?? '').split('?')[0];
    return this.dialects.find(
      ({ pathPrefix }) => path === pathPrefix || path.startsWith(`${pathPrefix}/`),
    );
  }

  /** The problem an error is, whatever answers it (problem+json here, a page for browsers). */
  protected toProblem(exception: unknown, requestId: string | undefined): Problem {
    const problem = this.classify(exception, requestId);
    if (problem.code === CommonError.InternalError)
      this.logger.error({ err: exception, requestId }, 'Unhandled error');
    return problem;
  }

  private classify(exception: unknown, requestId: string | undefined): Problem {
    if (exception instanceof DomainException) return exception;
    if (exception instanceof HttpException) return fromHttpException(exception);
    if (exception instanceof QueryFailedError) {
      const sqlState = (exception.driverError as { code?: string }).code ?? '';
      const code = DATA_ERRORS[sqlState];
      if (code) {
        const problem = new DomainException(code, undefined, {
          headers: code === CommonError.DatabaseBusy ? RETRY_SOON : undefined,
        });
        if (problem.status === 400)
          this.logger.warn(
            { requestId, sqlState },
            'A value reached the database that validation should have refused',
          );
        return problem;
      }
    }
    if (
      exception instanceof Error &&
      /timeout exceeded when trying to connect/.test(exception.message)
    )
      return new DomainException(
        CommonError.DatabaseBusy,
        'All database connections are in use; retry shortly',
        { headers: RETRY_SOON },
      );
    const clientError = fromClientError(exception);
    if (clientError) return clientError;
    return new DomainException(
      CommonError.InternalError,
      'An unexpected error occurred; quote the request id when reporting it',
    );
  }
}

/** Any other http-errors style error with a 4xx status (body reading is mapped at its source). */
function fromClientError(exception: unknown): Problem | undefined {
  const error = exception as { status?: unknown; statusCode?: unknown } | null;
  const status = Number(error?.status ?? error?.statusCode);
  if (!error || !Number.isInteger(status) || status < 400 || status > 499) return undefined;
  return { status, ...statusProblem(status), detail: 'The request could not be read' };
}

function fromHttpException(exception: HttpException): Problem {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const message =
    typeof response === 'string'
      ? response
      : ((response as { message?: string | string[] }).message ?? exception.message);
  const detail = Array.isArray(message) ? message.join('; ') : message;
  return { status, ...statusProblem(status), detail };
}
