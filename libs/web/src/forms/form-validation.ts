import { ArgumentMetadata } from '@nestjs/common';
import {
  DomainException,
  FieldError,
  ValidationFailedError,
  createValidationPipe,
  formReadProblems,
  unsafeTextFields,
} from '@bouwsteen/common';
import { maxLengths } from './field-limits';
import { FORM_TOKEN_FIELD } from './form-token';

type Constructor<T> = new (...args: never[]) => T;

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const pipe = createValidationPipe();

/**
 * The API's own validation (the same pipe, the same DTO classes) applied to a page's form, so a
 * form can never accept what the API refuses. Field errors come back for the form to show next
 * to each field; anything else still fails the request. So do the problems the request's
 * reading found: text that cannot be stored (control characters, bytes that were not UTF-8) and
 * fields left out of a post that was too large, each beside its field.
 */
export async function validateForm<T extends object>(
  dto: Constructor<T>,
  body: Record<string, unknown>,
): Promise<FormResult<T>> {
  const { [FORM_TOKEN_FIELD]: _token, ...fields } = body;
  void _token;
  // Text that cannot be stored as typed, per field, with the characters made visible.
  const readErrors = [...tooLarge(dto, fields), ...unsafeTextFields(fields)];
  const metadata: ArgumentMetadata = { type: 'body', metatype: dto };
  try {
    const value = (await pipe.transform(fields, metadata)) as T;
    return readErrors.length > 0 ? { ok: false, errors: readErrors } : { ok: true, value };
  } catch (error) {
    const errors = fieldErrorsOf(error);
    if (!errors) throw error;
    // A field the post had to leave out is not also "required": its own message says why.
    const named = new Set(readErrors.map((problem) => problem.field));
    return {
      ok: false,
      errors: [...readErrors, ...errors.filter((problem) => !named.has(problem.field))],
    };
  }
}

/** The field errors of a failed validation (by the pipe or by a service's own rules). */
export function fieldErrorsOf(error: unknown): FieldError[] | undefined {
  if (error instanceof ValidationFailedError) return error.errors ?? [];
  if (error instanceof DomainException && error.status === 400 && error.errors?.length)
    return error.errors;
  return undefined;
}

/**
 * Fields the post left out (too large), at their own path; the part past what was read at the
 * form's longest text field, where a long paste most likely went.
 */
function tooLarge(dto: Constructor<object>, fields: Record<string, unknown>): FieldError[] {
  const problems = formReadProblems();
  if (problems.length === 0) return [];
  const longest = Object.entries(maxLengths(dto)).sort(([, a], [, b]) => b - a)[0]?.[0];
  const anchor =
    longest ??
    Object.keys(fields).find((key) => typeof fields[key] === 'string') ??
    Object.keys(fields)[0] ??
    'body';
  return problems.map((problem) =>
    problem.field === 'body' ? { ...problem, field: anchor } : problem,
  );
}
