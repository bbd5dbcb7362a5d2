import { DomainException, ForbiddenError, UnauthorizedError } from '@bouwsteen/common/pure';
import { AuthError } from './auth.errors';
import type { AuthOptions } from './auth.decorator';
import type { IdentityProvider } from './identity/identity-provider';
import type { Principal } from './principal';

/** What a request brings: its Authorization header, and who a page session already found. */
export interface Credentials {
  authorization?: string;
  principal?: Principal;
}

/**
 * Who gets through a route, from its @Auth() options and the request's credentials: the
 * caller's principal (undefined on a public route called without one), or a 401 or 403. A
 * route without options is refused — a route nobody marked is one nobody thought about. A
 * bearer token that is sent is always checked, even on a public route, and decides over a
 * session. An account whose password someone else chose gets through only where the route says
 * `beforeNewPassword`, public routes included: it chooses its own before anything else.
 */
export async function admit(
  options: AuthOptions | undefined,
  credentials: Credentials,
  providers: readonly IdentityProvider[],
): Promise<Principal | undefined> {
  if (!options) throw new ForbiddenError('This route is not open');
  const bearer = bearerOf(credentials.authorization);
  const principal = bearer ? await resolve(bearer, providers) : credentials.principal;
  if (principal?.mustChangePassword && !options.beforeNewPassword)
    throw new DomainException(
      AuthError.PasswordChangeRequired,
      'Choose your own password first: POST /api/v1/me/password with currentPassword and newPassword',
    );
  if (options.public) return principal;
  if (!principal) throw new UnauthorizedError();
  if (options.roles?.length && !options.roles.includes(principal.role))
    throw new ForbiddenError(`This action requires the role ${options.roles.join(' or ')}`);
  return principal;
}

function bearerOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new UnauthorizedError('Use the Authorization: Bearer <token> scheme');
  return match[1];
}

/** The first provider that recognises the token decides. */
async function resolve(bearer: string, providers: readonly IdentityProvider[]): Promise<Principal> {
  for (const provider of providers) {
    const principal = await provider.authenticate(bearer);
    if (principal) return principal;
  }
  throw new UnauthorizedError('The bearer token is not recognised');
}
