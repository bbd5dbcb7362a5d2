import { FieldError, ValidationFailedError, unknownCode } from '@bouwsteen/common/pure';
import { Term, Vocabulary } from './vocabulary';

/** At most this many unknown codes of one list are reported one by one. */
export const MAX_UNKNOWN_PER_LIST = 5;

/** Checks codes against the vocabularies, collecting every unknown one before failing once. */
export class CodeChecker {
  private readonly errors: FieldError[] = [];

  constructor(private readonly terms: Map<string, Map<string, Term>>) {}

  code(field: string, vocabulary: Vocabulary, value: string | number | null | undefined): this {
    if (value === null || value === undefined || this.knows(vocabulary, value)) return this;
    return this.unknown(unknownCode(field, vocabulary, value), vocabulary);
  }

  /**
   * Each unknown code of a list by its index, up to MAX_UNKNOWN_PER_LIST; the last of those
   * counts the rest (`more`), so a list of thousands of unknown codes answers with a few.
   */
  codes(
    field: string,
    vocabulary: Vocabulary,
    values: readonly (string | number)[] | null | undefined,
  ): this {
    const unknown = (values ?? [])
      .map((value, index) => ({ value, index }))
      .filter(
        ({ value }) => value !== null && value !== undefined && !this.knows(vocabulary, value),
      );
    const shown = unknown.slice(0, MAX_UNKNOWN_PER_LIST);
    shown.forEach(({ value, index }, position) => {
      const more = position === shown.length - 1 ? unknown.length - shown.length : 0;
      this.unknown(unknownCode(`${field}.${index}`, vocabulary, value, more), vocabulary);
    });
    return this;
  }

  add(error: FieldError): this {
    this.errors.push(error);
    return this;
  }

  /** What was found so far, for callers that report rather than throw (imports). */
  get problems(): readonly FieldError[] {
    return this.errors;
  }

  throwIfInvalid(): void {
    if (this.errors.length > 0) throw new ValidationFailedError(this.errors);
  }

  private knows(vocabulary: Vocabulary, value: string | number): boolean {
    return this.terms.get(vocabulary)?.has(String(value)) ?? false;
  }

  private unknown(error: FieldError, vocabulary: Vocabulary): this {
    this.errors.push({ ...error, message: error.message + this.hint(vocabulary) });
    return this;
  }

  private hint(vocabulary: Vocabulary): string {
    const known = [...(this.terms.get(vocabulary)?.keys() ?? [])];
    return known.length > 0 && known.length <= 20 ? `; expected one of ${known.join(', ')}` : '';
  }
}
