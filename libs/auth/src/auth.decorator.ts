import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ProblemDetailsDto } from '@bouwsteen/common';
import { Role } from './roles';

export const AUTH_METADATA = 'bouwsteen:auth';

export interface AuthOptions {
  /** Anyone may call; a valid credential, when sent, is still resolved (so drafts can be shown). */
  public?: boolean;
  /** Roles allowed; empty means any signed-in user. */
  roles?: readonly Role[];
  /**
   * Open to an account that must still choose its own password (choosing it, reading who one
   * is, signing out). Every other route, public ones included, refuses such an account (403).
   */
  beforeNewPassword?: boolean;
}

/**
 * The one decorator every route carries. The global guard refuses a route without it, so a
 * forgotten decorator fails closed, and the Swagger security scheme always matches the rule.
 */
export function Auth(options: AuthOptions = {}): MethodDecorator & ClassDecorator {
  const decorators = [SetMetadata(AUTH_METADATA, options), ApiBearerAuth()];
  if (!options.public) {
    decorators.push(
      ApiUnauthorizedResponse({
        type: ProblemDetailsDto,
        description: 'Missing or invalid bearer token',
      }),
    );
    if (options.roles?.length) {
      decorators.push(
        ApiForbiddenResponse({
          type: ProblemDetailsDto,
          description: `Requires role: ${options.roles.join(', ')}`,
        }),
      );
    }
  }
  return applyDecorators(...decorators);
}
