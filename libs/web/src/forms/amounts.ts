import { FieldError, readEuros } from '@bouwsteen/common/pure';

/**
 * Euros as typed → whole cents, read as an import reads a spreadsheet's amount (one rule for
 * "12,50", "€ 1.250,00", "12,-"); a value that is not an amount is kept as typed, for the form
 * to show again with amountProblem's message.
 */
export function euroCents(value: string, maxCents: number): number | string {
  const reading = readEuros(value, false, maxCents);
  return 'cents' in reading ? reading.cents : value;
}

/** What is wrong with an amount as typed, at `field`; undefined when it reads as one. */
export function amountProblem(
  field: string,
  typed: string,
  maxCents: number,
): FieldError | undefined {
  const reading = readEuros(typed, false, maxCents);
  if ('cents' in reading) return undefined;
  return { field, message: reading.problem.code, ...reading.problem };
}

/**
 * Problems a form found while reading (an amount it could not read) instead of validation's
 * errors at the same fields: "1.250 kan € 1.250,00 of € 1,25 zijn" rather than "must be a
 * whole number" for what was typed.
 */
export function withFormProblems(problems: FieldError[], errors: FieldError[]): FieldError[] {
  const fields = new Set(problems.map((problem) => problem.field));
  return [...problems, ...errors.filter((problem) => !fields.has(problem.field))];
}
