import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ForbiddenError, UnauthorizedError } from '@bouwsteen/common';
import { AUTH_METADATA, AuthOptions } from './auth.decorator';
import { IDENTITY_PROVIDERS, IdentityProvider } from './identity/identity-provider';
import { Principal } from './principal';

export type AuthenticatedRequest = Request & { principal?: Principal };

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
    if (!options) {
      // Fail closed: a route nobody marked is a route nobody thought about.
      this.logger.error(
        `Route ${context.getClass().name}.${context.getHandler().name} has no @Auth()`,
      );
      throw new ForbiddenError('This route is not open');
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const bearer = this.bearerOf(request);
    if (bearer) request.principal = await this.resolve(bearer);
    if (options.public) return true;
    if (!request.principal) throw new UnauthorizedError();
    if (options.roles?.length && !options.roles.includes(request.principal.role)) {
      throw new ForbiddenError(`This action requires the role ${options.roles.join(' or ')}`);
    }
    return true;
  }

  private bearerOf(request: Request): string | undefined {
    const header = request.headers.authorization;
    if (!header) return undefined;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new UnauthorizedError('Use the Authorization: Bearer <token> scheme');
    return match[1];
  }

  private async resolve(bearer: string): Promise<Principal> {
    for (const provider of this.providers) {
      const principal = await provider.authenticate(bearer);
      if (principal) return principal;
    }
    throw new UnauthorizedError('The bearer token is not recognised');
  }
}
