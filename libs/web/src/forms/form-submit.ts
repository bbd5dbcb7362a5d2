import { CommonError, DomainException, FieldError } from '@bouwsteen/common';
import type { MessageCode } from '@bouwsteen/taxonomy/pure';
import type { PageAnswer } from '../http/page-answer';
import { withFormProblems } from './amounts';
import { withoutFields } from './form-values';
import { fieldErrorsOf, validateForm } from './form-validation';

type Constructor<T> = new (...args: never[]) => T;

/** Problem codes a form shows at one of its fields → that field. */
type Conflicts = Partial<Record<MessageCode, string>>;

/** A write at a revision someone else has moved on from (412 in the API). */
export function isStale(error: unknown): boolean {
  return error instanceof DomainException && error.code === CommonError.StaleVersion;
}

/**
 * The one way a page form writes: the API's validation, then the service call; refusals the
 * person can fix (field errors, someone else's change) show the form again, anything else fails.
 */
export async function submitForm<T extends object>(options: {
  dto: Constructor<T>;
  input: Record<string, unknown>;
  /** Mistakes found while reading the form (a value no box sends), shown with validation's. */
  problems?: FieldError[];
  /**
   * The service's own rules (a date in the future, an unknown PPS) for what passed validation,
   * asked only when validation failed: so every mistake is named in one round, not the service's
   * after the shape's are fixed. Gets the input without the fields validation named.
   */
  alsoCheck?: (passed: Record<string, unknown>) => Promise<FieldError[]>;
  write: (value: T) => Promise<PageAnswer>;
  again: (errors: FieldError[], stale: boolean) => Promise<PageAnswer>;
  /**
   * Refusals (409 and the like) the person can fix in one field: the problem's code → that
   * field. The form comes back with the field named (its Dutch message keyed by the same code,
   * so only a code the message catalogue words is accepted) and everything kept, never an error
   * page that loses the work.
   */
  conflicts?: Conflicts;
}): Promise<PageAnswer> {
  const valid = await validateForm(options.dto, options.input);
  const problems = withFormProblems(options.problems ?? [], valid.ok ? [] : valid.errors);
  if (!valid.ok && options.alsoCheck) {
    const named = new Set(problems.map((problem) => problem.field.split('.')[0]));
    const passed = withoutFields(options.input, named);
    const more = await options.alsoCheck(passed);
    problems.push(...more.filter((problem) => !named.has(problem.field.split('.')[0])));
  }
  if (!valid.ok || problems.length > 0) return options.again(problems, false);
  try {
    return await options.write(valid.value);
  } catch (error) {
    if (isStale(error)) return options.again([], true);
    const errors = fieldErrorsOf(error) ?? conflictOf(error, options.conflicts);
    if (errors) return options.again(errors, false);
    throw error;
  }
}

/** A refusal named in `conflicts`, as the error of its field. */
export function conflictOf(error: unknown, conflicts: Conflicts = {}): FieldError[] | undefined {
  if (!(error instanceof DomainException)) return undefined;
  const field = (conflicts as Record<string, string | undefined>)[error.code];
  if (!Object.hasOwn(conflicts, error.code) || !field) return undefined;
  return [{ field, message: error.message, code: error.code }];
}
