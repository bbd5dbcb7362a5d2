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
      `${entity.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-not-found`,
      `${capitalise(entity)} not found`,
      `No ${entity} with id ${id}`,
    );
  }
}

export class ForbiddenError extends DomainException {
  constructor(detail: string) {
    super(HttpStatus.FORBIDDEN, 'forbidden', 'Not allowed', detail);
  }
}

export class UnauthorizedError extends DomainException {
  constructor(detail = 'Authentication is required') {
    super(HttpStatus.UNAUTHORIZED, 'unauthorized', 'Sign-in required', detail, undefined, {
      'WWW-Authenticate': 'Bearer',
    });
  }
}

export class ConflictError extends DomainException {
  constructor(code: string, detail: string) {
    super(HttpStatus.CONFLICT, code, 'Conflict', detail);
  }
}

/** At most this many field errors are listed, so a huge hostile body cannot make a huger answer. */
export const MAX_FIELD_ERRORS = 50;

export class ValidationFailedError extends DomainException {
  constructor(errors: FieldError[]) {
    super(
      HttpStatus.BAD_REQUEST,
      'validation-failed',
      'Validation failed',
      errors.length > MAX_FIELD_ERRORS
        ? `${errors.length} problems; the first ${MAX_FIELD_ERRORS} are listed`
        : `${errors.length} field(s) are invalid`,
      errors.slice(0, MAX_FIELD_ERRORS),
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

export class MalformedIfMatchError extends DomainException {
  constructor(detail: string) {
    super(HttpStatus.BAD_REQUEST, 'malformed-if-match', 'Malformed If-Match header', detail);
  }
}

export class PreconditionFailedError extends DomainException {
  /** `currentEtag` is sent back as ETag when it is one (not for a refused weak validator). */
  constructor(currentEtag: string, detail?: string) {
    super(
      HttpStatus.PRECONDITION_FAILED,
      'stale-version',
      'The resource was changed by someone else',
      detail ??
        `Your If-Match does not match the current version ${currentEtag}; reload, re-apply your change and retry`,
      undefined,
      currentEtag.startsWith('"') ? { ETag: currentEtag } : undefined,
    );
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
