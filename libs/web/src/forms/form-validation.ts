import { ArgumentMetadata } from '@nestjs/common';
import {
  DomainException,
  FieldError,
  ValidationFailedError,
  createValidationPipe,
  unsafeTextFields,
} from '@bouwsteen/common';
import { FORM_TOKEN_FIELD } from './form-token';

type Constructor<T> = new (...args: never[]) => T;

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const pipe = createValidationPipe();

/**
 * The API's own validation (the same pipe, the same DTO classes) applied to a page's form, so a
 * form can never accept what the API refuses. Field errors come back for the form to show next
 * to each field; anything else still fails the request.
 */
export async function validateForm<T extends object>(
  dto: Constructor<T>,
  body: Record<string, unknown>,
): Promise<FormResult<T>> {
  const { [FORM_TOKEN_FIELD]: _token, ...fields } = body;
  void _token;
  // Text that cannot be stored as typed (bytes that were not UTF-8, control characters) is
  // named beside its field like any other mistake, so the form comes back with the rest kept.
  const textErrors = unsafeTextFields(fields);
  const metadata: ArgumentMetadata = { type: 'body', metatype: dto };
  try {
    const value = (await pipe.transform(fields, metadata)) as T;
    return textErrors.length > 0 ? { ok: false, errors: textErrors } : { ok: true, value };
  } catch (error) {
    const errors = fieldErrorsOf(error);
    if (errors) return { ok: false, errors: [...textErrors, ...errors] };
    throw error;
  }
}

/** The field errors of a failed validation (by the pipe or by a service's own rules). */
export function fieldErrorsOf(error: unknown): FieldError[] | undefined {
  if (error instanceof ValidationFailedError) return error.errors ?? [];
  if (error instanceof DomainException && error.status === 400 && error.errors?.length)
    return error.errors;
  return undefined;
}
