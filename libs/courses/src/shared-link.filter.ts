import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainException, ProblemDetailsFilter } from '@bouwsteen/common';
import { CourseError } from './course.errors';
import { renderLinkUnavailablePage } from './course-page';

/**
 * An employer who opens a revoked or mistyped share link in a browser gets a short page in
 * Dutch, not a JSON problem; API clients (and ?format=json|csv) still get problem+json.
 */
@Catch(DomainException)
export class SharedLinkNotFoundFilter implements ExceptionFilter {
  private readonly problems = new ProblemDetailsFilter();

  catch(exception: DomainException, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const format = request.query.format;
    const wantsPage =
      exception.code === CourseError.SharedNotFound &&
      (format === undefined || format === 'html') &&
      request.accepts(['application/json', 'application/problem+json', 'text/html']) ===
        'text/html';
    if (!wantsPage) return this.problems.catch(exception, host);
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(404)
      .setHeader('Cache-Control', 'no-store')
      .setHeader('X-Robots-Tag', 'noindex')
      .type('text/html; charset=utf-8')
      .send(renderLinkUnavailablePage());
  }
}
