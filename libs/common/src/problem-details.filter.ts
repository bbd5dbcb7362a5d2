import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainException, FieldError } from './domain.exception';
import { PROBLEM_CONTENT_TYPE, ProblemDetailsDto, problemType } from './problem-details';

interface Problem {
  status: number;
  code: string;
  title: string;
  detail?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
}

const STATUS_CODES: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
  503: 'service-unavailable',
};

/** Maps every error to one RFC 9457 body carrying the request id; nothing else writes errors. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request & { id?: string }>();
    const response = context.getResponse<Response>();
    const problem = this.toProblem(exception);
    if (problem.status >= 500) {
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

  private toProblem(exception: unknown): Problem {
    if (exception instanceof DomainException) return exception;
    if (exception instanceof HttpException) return fromHttpException(exception);
    if (exception instanceof QueryFailedError) {
      const driverError = exception.driverError as { code?: string; detail?: string };
      if (driverError.code === '23505') {
        return {
          status: 409,
          code: 'duplicate',
          title: 'Conflict',
          detail: 'A record with these values already exists',
        };
      }
      if (driverError.code === '40001' || driverError.code === '40P01') {
        return {
          status: 409,
          code: 'concurrent-update',
          title: 'Conflict',
          detail: 'A concurrent change interfered; retry the request',
        };
      }
    }
    const bodyParserError = exception as { type?: string; status?: number };
    if (bodyParserError?.type === 'entity.too.large') {
      return {
        status: 413,
        code: 'payload-too-large',
        title: 'Payload too large',
        detail: 'The request body exceeds the size limit',
      };
    }
    if (bodyParserError?.type === 'entity.parse.failed') {
      return {
        status: 400,
        code: 'malformed-json',
        title: 'Malformed JSON',
        detail: 'The request body is not valid JSON',
      };
    }
    return {
      status: 500,
      code: 'internal-error',
      title: 'Internal server error',
      detail: 'An unexpected error occurred; quote the request id when reporting it',
    };
  }
}

function fromHttpException(exception: HttpException): Problem {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const message =
    typeof response === 'string'
      ? response
      : ((response as { message?: string | string[] }).message ?? exception.message);
  const detail = Array.isArray(message) ? message.join('; ') : message;
  const headers: Record<string, string> = {};
  if (status === HttpStatus.TOO_MANY_REQUESTS) headers['Retry-After'] = '60';
  return {
    status,
    code: STATUS_CODES[status] ?? `http-${status}`,
    title: exception.name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1 $2'),
    detail,
    headers,
  };
}
