import { Principal } from '../principal';

export const IDENTITY_PROVIDERS = Symbol('IDENTITY_PROVIDERS');

/**
 * One way of proving who is calling. Features only ever see a `Principal`, so an OIDC provider
 * (SURFconext, Entra ID) is added by registering one more implementation, without touching them.
 */
export interface IdentityProvider {
  /**
   * Returns `undefined` when the credential is not of this provider's kind, so the next provider
   * can try; throws `UnauthorizedError` when it is of this kind but invalid or expired.
   */
  authenticate(bearer: string): Promise<Principal | undefined>;
}
