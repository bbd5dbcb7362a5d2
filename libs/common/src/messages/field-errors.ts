import type { FieldError } from '../domain.exception';
import { FieldCode } from './field-codes';

/**
 * The field errors many services raise alike: a reference to a PPS or an organisation that does
 * not exist. Written once, so each carries the same code, values and English.
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
