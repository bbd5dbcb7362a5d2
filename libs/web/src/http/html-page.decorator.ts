import { Get, Header, applyDecorators } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';

/** A page route: GET, HTML, not part of the API's OpenAPI document. */
export function HtmlPage(path: string): MethodDecorator {
  return applyDecorators(
    Get(path),
    Header('Content-Type', 'text/html; charset=utf-8'),
    ApiExcludeEndpoint(),
  );
}
