import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { CommonError } from './common.errors';
import {
  PROBLEM_CONTENT_TYPE,
  Problem,
  ProblemDialect,
  dialectFor,
  problemBody,
  problemOf,
  problemOfHttpError,
  problemOfSqlState,
} from './problem-mapping';

/**
 * Maps every error to one RFC 9457 body carrying the request id, or to a dialect's body under
 * its path; nothing else writes errors. What each error means is decided in problem-mapping.ts;
 * this recognises the framework's and TypeORM's errors, logs, and writes the answer.
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
    response
      .status(problem.status)
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(problemBody(problem, request)));
  }

  /** The dialect this request's errors are answered in, by its path (none: Bouwsteen's own). */
  protected dialectFor(request: Request): ProblemDialect | undefined {
    return dialectFor(request.originalUrl ?? request.url ?? '', this.dialects);
  }

  /** The problem an error is, whatever answers it (problem+json here, a page for browsers). */
  protected toProblem(exception: unknown, requestId: string | undefined): Problem {
    const problem = this.classify(exception, requestId);
    if (problem.code === CommonError.InternalError)
      this.logger.error({ err: exception, requestId }, 'Unhandled error');
    return problem;
  }

  private classify(exception: unknown, requestId: string | undefined): Problem {
    if (exception instanceof HttpException)
      return problemOfHttpError(exception.getStatus(), exception.getResponse(), exception.message);
    if (exception instanceof QueryFailedError) {
      const sqlState = (exception.driverError as { code?: string }).code ?? '';
      const problem = problemOfSqlState(sqlState);
      if (problem?.status === 400)
        this.logger.warn(
          { requestId, sqlState },
          'A value reached the database that validation should have refused',
        );
      if (problem) return problem;
    }
    return problemOf(exception);
  }
}
