import { ValidationPipe } from '@nestjs/common';
import { ValidationFailedError } from './domain.exception';
import { VALIDATOR_OPTIONS, flattenValidationErrors } from './validation';
import { cacheValidationMetadata } from './validation-metadata-cache';

/** The API's (and the forms' and imports') one validation pipe: field errors as problem+json. */
export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new ValidationPipe({
    ...VALIDATOR_OPTIONS,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => new ValidationFailedError(flattenValidationErrors(errors)),
  });
}
