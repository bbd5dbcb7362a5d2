import { FieldCode, FieldError, ValidationFailedError } from '@bouwsteen/common/pure';
import { Term, Vocabulary } from './vocabulary';

/** Checks codes against the vocabularies, collecting every unknown one before failing once. */
export class CodeChecker {
  private readonly errors: FieldError[] = [];

  constructor(private readonly terms: Map<string, Map<string, Term>>) {}

  code(field: string, vocabulary: Vocabulary, value: string | number | null | undefined): this {
    if (value === null || value === undefined) return this;
    if (!this.terms.get(vocabulary)?.has(String(value))) {
      this.errors.push({
        field,
        message: `unknown ${vocabulary} code "${value}"${this.hint(vocabulary)}`,
        code: FieldCode.UnknownCode,
        values: { vocabulary, value },
      });
    }
    return this;
  }

  codes(
    field: string,
    vocabulary: Vocabulary,
    values: readonly (string | number)[] | undefined,
  ): this {
    values?.forEach((value, index) => this.code(`${field}.${index}`, vocabulary, value));
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

  private hint(vocabulary: Vocabulary): string {
    const known = [...(this.terms.get(vocabulary)?.keys() ?? [])];
    return known.length > 0 && known.length <= 20 ? `; expected one of ${known.join(', ')}` : '';
  }
}
