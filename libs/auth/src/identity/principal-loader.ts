import { Injectable } from '@nestjs/common';
import { UnauthorizedError } from '@bouwsteen/common';
import { Principal } from '../principal';
import { UsersRepository } from '../users.repository';

/**
 * Loads the account behind a credential on every request, so that a role change, a removed
 * membership or a deactivation takes effect at once rather than when a token expires.
 *
 * The one rule of what a password change or a deactivation ends: every credential (access
 * token, session, personal API token) carries the account's token version it was issued under,
 * UsersService raises the version, and a credential of another version is refused here.
 */
@Injectable()
export class PrincipalLoader {
  constructor(private readonly users: UsersRepository) {}

  /**
   * `expect.tokenVersion`: the version the credential was issued under. Absent only for work
   * that acts on the account as it is now (an import job started by it), not for a credential.
   */
  async load(
    userId: string,
    via: Principal['via'],
    expect: { tokenVersion?: number } = {},
  ): Promise<Principal> {
    const found = await this.users.findWithMemberships(userId);
    if (!found || !found.user.active)
      throw new UnauthorizedError('The account is unknown or deactivated');
    if (expect.tokenVersion !== undefined && expect.tokenVersion !== found.user.tokenVersion)
      throw new UnauthorizedError(
        via === 'api-token'
          ? 'This API token was made before a password change or deactivation; make a new one'
          : 'This access token was issued before a password change or deactivation; sign in again',
      );
    return {
      userId: found.user.id,
      email: found.user.email,
      role: found.user.role,
      ppsIds: found.ppsIds,
      organisationId: found.user.organisationId,
      via,
      tokenVersion: found.user.tokenVersion,
      mustChangePassword: found.user.passwordChangeRequired,
    };
  }
}
