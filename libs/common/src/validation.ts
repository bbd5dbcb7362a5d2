import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ValidationFailedError } from './domain.exception';
import { cacheValidationMetadata } from './validation-metadata-cache';

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

function messages(error: ValidationError): string[] {
  const constraints = error.constraints ?? {};
  if (constraints.whitelistValidation) return ['is not a known field; remove it'];
  const typeErrors = TYPE_CONSTRAINTS.filter((name) => constraints[name]);
  if (typeErrors.length > 0) {
    const [first] = typeErrors;
    if (first === 'isDefined' || error.value === undefined) return ['is required'];
    const message = constraints[first];
    // "each value in keywords must be a string": the list is right, an element is not.
    if (message.startsWith('each value in '))
      return [message.replace(`each value in ${error.property} `, 'each value ')];
    if (EXPECTED[first]) return [`must be ${EXPECTED[first]} (got ${describe(error.value)})`];
    return [stripPropertyPrefix(message, error.property)];
  }
  return Object.values(constraints).map((message) => stripPropertyPrefix(message, error.property));
}

/** Flattens class-validator's tree into dotted field paths such as `module.studyLoad.value`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = messages(error);
    for (const message of own) result.push({ field, message });
    const typeOnly = error.constraints && TYPE_CONSTRAINTS.some((name) => error.constraints![name]);
    if (error.children?.length && !typeOnly)
      result.push(...flattenValidationErrors(error.children, field));
  }
  return result;
}

function stripPropertyPrefix(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

/**
 * How a body is validated, for the API's pipe and anything that checks the same DTOs itself
 * (an import's rows): unknown fields refused, the value kept so a type error can say what
 * arrived (it is never echoed back).
 */
export const VALIDATOR_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  validationError: { target: false, value: true },
} as const;

export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new ValidationPipe({
    ...VALIDATOR_OPTIONS,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => new ValidationFailedError(flattenValidationErrors(errors)),
  });
}
