import { getMetadataStorage } from 'class-validator';
import type { FieldValues } from './domain.exception';

/**
 * What each rule's parameters are called in a field error's values, by the rule's name: the
 * decorator's constraints array in order (`@MaxLength(1000)` → `{max: 1000}`). A rule not named
 * here gives its parameters as `p0`, `p1`…, when they are plain values.
 */
const PARAMETERS: Record<string, readonly string[]> = {
  maxLength: ['max'],
  minLength: ['min'],
  arrayMaxSize: ['max'],
  arrayMinSize: ['min'],
  max: ['max'],
  min: ['min'],
  isIn: ['allowed'],
  isNotBefore: ['start'],
  isUuid: ['version'],
};

export interface Constraint {
  values?: FieldValues;
  /** The rule checks each element of a list (`each: true`), not the list itself. */
  each: boolean;
}

/**
 * The parameters of the rule `name` on `property` of the class `owner` is an instance of, read
 * from class-validator's metadata storage (the decorator's own numbers, never its English).
 */
export function constraintOf(owner: unknown, property: string, name: string): Constraint {
  const target = owner && typeof owner === 'object' ? owner.constructor : undefined;
  if (!target || target === Object) return { each: false };
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((rule) => rule.propertyName === property && (rule.name ?? rule.type) === name);
  if (!metadata) return { each: false };
  const values: FieldValues = {};
  const names = PARAMETERS[name] ?? [];
  (metadata.constraints ?? []).forEach((constraint: unknown, index: number) => {
    const value = plain(constraint);
    if (value !== undefined) values[names[index] ?? `p${index}`] = value;
    // @IsNumber({ maxDecimalPlaces }): how many digits after the decimal comma a number may have.
    const decimals = (constraint as { maxDecimalPlaces?: unknown } | null)?.maxDecimalPlaces;
    if (name === 'isNumber' && typeof decimals === 'number') values.maxDecimals = decimals;
  });
  if (metadata.each) values.each = true;
  return {
    values: Object.keys(values).length > 0 ? values : undefined,
    each: Boolean(metadata.each),
  };
}

/** A parameter as a value: numbers and text as they are, a list of them joined; not objects. */
function plain(value: unknown): string | number | boolean | undefined {
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
    return value;
  if (Array.isArray(value) && value.every((item) => ['string', 'number'].includes(typeof item)))
    return value.join(', ');
  return undefined;
}
