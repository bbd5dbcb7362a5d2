import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { ProblemDetailsDto } from './problem-details';
import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';
import { parseIfMatch } from './etag';

/** The revision from the If-Match header; answers 428 when it is missing. */
export const IfMatch = createParamDecorator((_data: unknown, context: ExecutionContext): number =>
  parseIfMatch(context.switchToHttp().getRequest<Request>().headers['if-match']),
);

/** Documents the If-Match contract of an edit route in one line. */
export function ApiIfMatch(): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'If-Match',
      required: true,
      description: 'The ETag of the revision you edited, e.g. "3"',
    }),
    ApiResponse({
      status: 412,
      type: ProblemDetailsDto,
      description: 'Someone else changed it since; reload and retry',
    }),
    ApiResponse({ status: 428, type: ProblemDetailsDto, description: 'If-Match header missing' }),
  );
}
