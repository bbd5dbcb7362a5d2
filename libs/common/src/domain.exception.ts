import { HttpStatus } from '@nestjs/common';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * A failure the API explains to its caller. `code` is stable and machine-readable; it becomes
 * the last segment of the problem type so clients can branch on it without parsing prose.
 */
export class DomainException extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? title);
    this.name = 'DomainException';
  }
}

export class NotFoundError extends DomainException {
  constructor(entity: string, id: string) {
    super(
      HttpStatus.NOT_FOUND,
      `${entity}-not-found`,
      `${capitalise(entity)} not found`,
      `No ${entity} with id ${id}`,
    );
  }
}

export class ForbiddenError extends DomainException {
  constructor(detail: string) {
    super(HttpStatus.FORBIDDEN, 'forbidden', 'Forbidden', detail);
  }
}

export class UnauthorizedError extends DomainException {
  constructor(detail = 'Authentication is required') {
    super(HttpStatus.UNAUTHORIZED, 'unauthorized', 'Unauthorized', detail, undefined, {
      'WWW-Authenticate': 'Bearer',
    });
  }
}

export class ConflictError extends DomainException {
  constructor(code: string, detail: string) {
    super(HttpStatus.CONFLICT, code, 'Conflict', detail);
  }
}

export class ValidationFailedError extends DomainException {
  constructor(errors: FieldError[]) {
    super(
      HttpStatus.BAD_REQUEST,
      'validation-failed',
      'Validation failed',
      `${errors.length} field(s) are invalid`,
      errors,
    );
  }
}

export class PreconditionRequiredError extends DomainException {
  constructor() {
    super(
      HttpStatus.PRECONDITION_REQUIRED,
      'precondition-required',
      'If-Match header required',
      'Send the ETag of the version you edited in an If-Match header, so a concurrent edit is never overwritten',
    );
  }
}

export class PreconditionFailedError extends DomainException {
  constructor(currentEtag: string) {
    super(
      HttpStatus.PRECONDITION_FAILED,
      'stale-version',
      'The resource was changed by someone else',
      `Your If-Match does not match the current version ${currentEtag}; reload, re-apply your change and retry`,
      undefined,
      { ETag: currentEtag },
    );
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
