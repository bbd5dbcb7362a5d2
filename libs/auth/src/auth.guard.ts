import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { admit } from './admission';
import { AUTH_METADATA, AuthOptions } from './auth.decorator';
import { IDENTITY_PROVIDERS, IdentityProvider } from './identity/identity-provider';
import { Principal } from './principal';

export type AuthenticatedRequest = Request & { principal?: Principal };

/** The global guard: reads a route's @Auth() options and lets admit() decide. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    @Inject(IDENTITY_PROVIDERS) private readonly providers: IdentityProvider[],
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const options = this.reflector.getAllAndOverride<AuthOptions | undefined>(AUTH_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!options)
      this.logger.error(
        `Route ${context.getClass().name}.${context.getHandler().name} has no @Auth()`,
      );
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.principal = await admit(
      options,
      { authorization: request.headers.authorization, principal: request.principal },
      this.providers,
    );
    return true;
  }
}
