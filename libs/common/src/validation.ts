import type { ValidationError } from '@nestjs/common';
import { constraintOf } from './constraint-values';
import { FieldError } from './domain.exception';
import { Constraint } from './messages/field-codes';

/**
 * When the value has the wrong type, only the type is reported: "must be an array (got a
 * string)" says what is wrong, where "must contain no more than 8 elements" would mislead.
 */
const TYPE_CONSTRAINTS = [
  'isDefined',
  'isArray',
  'isObject',
  'nestedValidation',
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
];

const EXPECTED: Record<string, string> = {
  isArray: 'an array',
  isObject: 'an object',
  nestedValidation: 'an object',
  isString: 'a string',
  isInt: 'an integer',
  isNumber: 'a number',
  isBoolean: 'true or false',
};

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  if (typeof value === 'boolean') return 'true or false';
  return typeof value;
}

/** What each element of a list must be, for the type checks that run per element. */
const ELEMENT_IS: Record<string, (value: unknown) => boolean> = {
  isObject: (value) => value !== null && typeof value === 'object' && !Array.isArray(value),
  isString: (value) => typeof value === 'string',
  isInt: (value) => Number.isInteger(value),
  isNumber: (value) => typeof value === 'number' && Number.isFinite(value),
  isBoolean: (value) => typeof value === 'boolean',
};

/**
 * One property's errors. Each carries the rule's name as its code and the decorator's
 * parameters as values, read from the metadata of the class the error was found on (the
 * validator is told to keep it: VALIDATOR_OPTIONS); the English stays for developers.
 */
function fieldErrors(error: ValidationError, field: string): FieldError[] {
  const constraints = error.constraints ?? {};
  const rule = (name: string) => constraintOf(error.target, error.property, name);
  const at = (code: string, message: string): FieldError[] => {
    const values = rule(code).values;
    return [{ field, message, code, ...(values ? { values } : {}) }];
  };
  if (constraints.whitelistValidation)
    return at(Constraint.Whitelisted, 'is not a known field; remove it');
  const typeErrors = TYPE_CONSTRAINTS.filter((name) => constraints[name]);
  if (typeErrors.length > 0) {
    const [first] = typeErrors;
    if (first === 'isDefined' || error.value === undefined)
      return [{ field, message: 'is required', code: Constraint.IsDefined }];
    const message = constraints[first];
    // "each value in contacts must be an object": the list is right, some elements are not.
    // Each wrong element is named by its index, with what it is (`contacts.0`: an array).
    if (rule(first).each) {
      const wrong = Array.isArray(error.value)
        ? error.value.flatMap((element: unknown, index): FieldError[] =>
            ELEMENT_IS[first] && !ELEMENT_IS[first](element)
              ? [
                  {
                    field: `${field}.${index}`,
                    message: `must be ${EXPECTED[first]} (got ${describe(element)})`,
                    code: first,
                  },
                ]
              : [],
          )
        : [];
      return wrong.length > 0
        ? wrong
        : at(first, message.replace(`each value in ${error.property} `, 'each value '));
    }
    if (EXPECTED[first])
      return at(first, `must be ${EXPECTED[first]} (got ${describe(error.value)})`);
    return at(first, stripPropertyPrefix(message, error.property));
  }
  return Object.entries(constraints).flatMap(([name, message]) =>
    at(name, stripPropertyPrefix(message, error.property)),
  );
}

/** Flattens class-validator's tree into dotted field paths such as `module.studyLoad.value`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  const seen = new Set<string>();
  const add = (error: FieldError) => {
    const key = `${error.field}\u0000${error.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    result.push(error);
  };
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    fieldErrors(error, field).forEach(add);
    // A value of the wrong type has nothing inside worth naming; a list with some elements of
    // the wrong type still has the others, whose own mistakes are named too.
    const constraints = error.constraints ?? {};
    const type = TYPE_CONSTRAINTS.find((name) => constraints[name]);
    const typeOnly = type !== undefined && !constraintOf(error.target, error.property, type).each;
    if (error.children?.length && !typeOnly)
      flattenValidationErrors(error.children, field).forEach(add);
  }
  return result;
}

function stripPropertyPrefix(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

/**
 * How a body is validated, for the API's pipe and anything that checks the same DTOs itself
 * (an import's rows): unknown fields refused, the value kept so a type error can say what
 * arrived (it is never echoed back), and the object the error was found on kept, so its
 * class's rules give the error's code and parameters (neither is ever sent).
 */
export const VALIDATOR_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  validationError: { target: true, value: true },
} as const;
