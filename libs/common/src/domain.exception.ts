import { CommonError } from './common.errors';
import { problemDefinition } from './problem-catalogue';

/** A value's parameters in a field error: `{max: 1000}`, `{id: '…'}`. */
export type FieldValues = Record<string, string | number | boolean>;

export interface FieldError {
  field: string;
  /** In English, for developers: what the API says. Pages never show it. */
  message: string;
  /**
   * What went wrong, as a code: a class-validator constraint's name (`maxLength`) or a rule's
   * own (FieldCode). Every page and the import report word the error in Dutch by it.
   */
  code: string;
  /** The code's parameters: the decorator's (`{max: 1000}`) or the rule's (`{id}`). */
  values?: FieldValues;
}

/**
 * A failure the API explains to its caller, named by a code from a library's error enum.
 * Status and title come from the problem catalogue (one place per code); `detail` says what
 * happened this time. The global filter turns it into problem+json.
 */
export class DomainException extends Error {
  readonly status: number;
  readonly title: string;
  readonly errors?: FieldError[];
  readonly headers?: Record<string, string>;

  constructor(
    readonly code: string,
    readonly detail?: string,
    options: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    const definition = problemDefinition(code);
    super(detail ?? definition?.title ?? code);
    this.name = 'DomainException';
    // An unregistered code is a programming error: it answers as an internal error.
    this.status = definition?.status ?? 500;
    this.title = definition?.title ?? 'Internal server error';
    this.errors = options.errors;
    this.headers = options.headers;
  }
}

export class NotFoundError extends DomainException {
  /** `code`: the library's not-found code, e.g. AssetError.NotFound. */
  constructor(code: string, what: string, id: string) {
    super(code, `No ${what} with id ${id}`);
  }
}

export class ForbiddenError extends DomainException {
  constructor(detail: string) {
    super(CommonError.Forbidden, detail);
  }
}

export class UnauthorizedError extends DomainException {
  constructor(detail = 'Authentication is required') {
    super(CommonError.Unauthorized, detail, { headers: { 'WWW-Authenticate': 'Bearer' } });
  }
}

/** At most this many field errors are listed, so a huge hostile body cannot make a huger answer. */
export const MAX_FIELD_ERRORS = 50;

export class ValidationFailedError extends DomainException {
  constructor(errors: FieldError[]) {
    super(
      CommonError.ValidationFailed,
      errors.length > MAX_FIELD_ERRORS
        ? `${errors.length} problems; the first ${MAX_FIELD_ERRORS} are listed`
        : `${errors.length} field(s) are invalid`,
      { errors: errors.slice(0, MAX_FIELD_ERRORS) },
    );
  }
}

export class PreconditionRequiredError extends DomainException {
  constructor() {
    super(
      CommonError.PreconditionRequired,
      'Send the ETag of the version you edited in an If-Match header, so a concurrent edit is never overwritten',
    );
  }
}

export class MalformedIfMatchError extends DomainException {
  constructor(detail: string) {
    super(CommonError.MalformedIfMatch, detail);
  }
}

export class PreconditionFailedError extends DomainException {
  /** `currentEtag` is sent back as ETag when it is one (not for a refused weak validator). */
  constructor(currentEtag: string, detail?: string) {
    super(
      CommonError.StaleVersion,
      detail ??
        `Your If-Match does not match the current version ${currentEtag}; reload, re-apply your change and retry`,
      { headers: currentEtag.startsWith('"') ? { ETag: currentEtag } : undefined },
    );
  }
}
