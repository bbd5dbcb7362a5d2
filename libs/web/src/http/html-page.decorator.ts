import { Get, Header, HttpCode, Post, applyDecorators } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';

/** A page route: GET, HTML, not part of the API's OpenAPI document. */
export function HtmlPage(path: string): MethodDecorator {
  return applyDecorators(
    Get(path),
    Header('Content-Type', 'text/html; charset=utf-8'),
    ApiExcludeEndpoint(),
  );
}

/** A form's target: POST, answered by the handler itself (a page again, or a 303 redirect). */
export function HtmlForm(path: string): MethodDecorator {
  return applyDecorators(Post(path), HttpCode(200), ApiExcludeEndpoint());
}
