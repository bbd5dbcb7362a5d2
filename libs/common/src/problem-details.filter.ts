import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainException, FieldError } from './domain.exception';
import { PROBLEM_CONTENT_TYPE, ProblemDetailsDto, problemType } from './problem-details';
import { STATUS_PROBLEMS } from './status-problems';

interface Problem {
  status: number;
  code: string;
  title: string;
  detail?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
}

/**
 * PostgreSQL errors that mean "this value cannot be stored" (SQLSTATE class 22 and check
 * violations). Validation should catch these first; when it does not, the caller still gets a
 * 400 and the gap is logged, instead of a 500.
 */
const DATA_ERRORS: Record<string, Problem> = {
  '22001': { status: 400, code: 'value-too-long', title: 'Value too long' },
  '22003': { status: 400, code: 'value-out-of-range', title: 'Value out of range' },
  '22007': { status: 400, code: 'invalid-date', title: 'Invalid date' },
  '22008': { status: 400, code: 'invalid-date', title: 'Invalid date' },
  '22021': { status: 400, code: 'invalid-text', title: 'Invalid text' },
  '22P05': { status: 400, code: 'invalid-text', title: 'Invalid text' },
  '22P02': { status: 400, code: 'invalid-value', title: 'Invalid value' },
  '23514': { status: 400, code: 'invalid-value', title: 'Invalid value' },
  '23503': {
    status: 409,
    code: 'reference-conflict',
    title: 'Conflict',
    detail: 'Something this refers to was removed or changed meanwhile; reload and retry',
  },
  '23505': {
    status: 409,
    code: 'duplicate',
    title: 'Conflict',
    detail: 'A record with these values already exists',
  },
  '40001': {
    status: 409,
    code: 'concurrent-update',
    title: 'Conflict',
    detail: 'A concurrent change interfered; retry the request',
  },
  '40P01': {
    status: 409,
    code: 'concurrent-update',
    title: 'Conflict',
    detail: 'A concurrent change interfered; retry the request',
  },
  '57014': {
    status: 503,
    code: 'database-busy',
    title: 'Service busy',
    detail: 'The database took too long; retry shortly',
    headers: { 'Retry-After': '2' },
  },
};

const POOL_EXHAUSTED: Problem = {
  status: 503,
  code: 'database-busy',
  title: 'Service busy',
  detail: 'All database connections are in use; retry shortly',
  headers: { 'Retry-After': '2' },
};

/** Maps every error to one RFC 9457 body carrying the request id; nothing else writes errors. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request & { id?: string }>();
    const response = context.getResponse<Response>();
    const problem = this.toProblem(exception, request.id);
    if (problem.status >= 500 && problem.code === 'internal-error') {
      this.logger.error({ err: exception, requestId: request.id }, 'Unhandled error');
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
    for (const [name, value] of Object.entries(problem.headers ?? {}))
      response.setHeader(name, value);
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  private toProblem(exception: unknown, requestId: string | undefined): Problem {
    if (exception instanceof DomainException) return exception;
    if (exception instanceof HttpException) return fromHttpException(exception);
    if (exception instanceof QueryFailedError) {
      const driverError = exception.driverError as { code?: string };
      const known = DATA_ERRORS[driverError.code ?? ''];
      if (known) {
        if (known.status === 400)
          this.logger.warn(
            { requestId, sqlState: driverError.code },
            'A value reached the database that validation should have refused',
          );
        return {
          ...known,
          detail: known.detail ?? 'A value cannot be stored; check the fields you sent',
        };
      }
    }
    if (
      exception instanceof Error &&
      /timeout exceeded when trying to connect/.test(exception.message)
    )
      return POOL_EXHAUSTED;
    const clientError = fromClientError(exception);
    if (clientError) return clientError;
    return {
      status: 500,
      code: 'internal-error',
      title: 'Internal server error',
      detail: 'An unexpected error occurred; quote the request id when reporting it',
    };
  }
}

/** Any other http-errors style error with a 4xx status (body reading is mapped at its source). */
function fromClientError(exception: unknown): Problem | undefined {
  const error = exception as { status?: unknown; statusCode?: unknown } | null;
  const status = Number(error?.status ?? error?.statusCode);
  if (!error || !Number.isInteger(status) || status < 400 || status > 499) return undefined;
  const generic = STATUS_PROBLEMS[status] ?? STATUS_PROBLEMS[400];
  return {
    status,
    code: generic.code,
    title: generic.title,
    detail: 'The request could not be read',
  };
}

function fromHttpException(exception: HttpException): Problem {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const message =
    typeof response === 'string'
      ? response
      : ((response as { message?: string | string[] }).message ?? exception.message);
  const detail = Array.isArray(message) ? message.join('; ') : message;
  const known = STATUS_PROBLEMS[status];
  return {
    status,
    code: known?.code ?? `http-${status}`,
    title: known?.title ?? 'Error',
    detail,
  };
}
