import type { FieldError } from '../domain.exception';
import { FieldCode } from './field-codes';

/**
 * The field errors many services raise alike: a reference to a PPS or an organisation that does
 * not exist, a code no vocabulary has. Written once, so each carries the same code, values and
 * English.
 */
export function unknownPps(field: string, id: string): FieldError {
  return { field, message: `unknown PPS ${id}`, code: FieldCode.UnknownPps, values: { id } };
}

export function unknownOrganisation(field: string, id: string): FieldError {
  return {
    field,
    message: `unknown organisation ${id}`,
    code: FieldCode.UnknownOrganisation,
    values: { id },
  };
}

/** At most this many characters of what someone sent are echoed in an error. */
export const MAX_ECHOED_LENGTH = 60;

/**
 * What someone sent, as an error may echo it: at most MAX_ECHOED_LENGTH characters (an ellipsis
 * says there was more), so a huge hostile value never makes a huger answer.
 */
export function echoed(value: string | number): string | number {
  if (typeof value === 'number') return value;
  const characters = [...value];
  return characters.length > MAX_ECHOED_LENGTH
    ? `${characters.slice(0, MAX_ECHOED_LENGTH - 1).join('')}…`
    : value;
}

/**
 * A code `vocabulary` does not have. The value is echoed once, in `values` (never again in the
 * English), and bounded; `more` counts the further unknown codes of the same list that are not
 * reported one by one ("en 3 meer").
 */
export function unknownCode(
  field: string,
  vocabulary: string,
  value: string | number,
  more = 0,
): FieldError {
  return {
    field,
    message: `is not a known ${vocabulary} code${more > 0 ? ` (and ${more} more in this list)` : ''}`,
    code: FieldCode.UnknownCode,
    values: { vocabulary, value: echoed(value), ...(more > 0 ? { more } : {}) },
  };
}
