import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@bouwsteen/common';
import { PasswordLinksRepository } from './passwords/password-links.repository';
import { WebSessionsRepository } from './sessions/web-sessions.repository';
import { UsersRepository } from './users.repository';

/**
 * The one rule of what a new password, a deactivation or "afmelden overal" ends: every
 * credential of the account, of every kind. The token version goes up, so access tokens, page
 * sessions and personal API tokens issued before stop working (PrincipalLoader refuses them);
 * the API tokens are marked revoked too (their owner's list says so), the sessions are deleted
 * (they leave the owner's list) and an open invitation or reset link is replaced.
 */
@Injectable()
export class AccountCredentials {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: WebSessionsRepository,
    private readonly links: PasswordLinksRepository,
    private readonly clock: Clock,
  ) {}

  /** Inside the change's transaction; returns the account's new token version. */
  async endAll(manager: EntityManager, userId: string): Promise<number> {
    const now = this.clock.now();
    const version = await this.users.raiseTokenVersion(manager, userId);
    await this.users.revokeAllTokens(manager, userId, now);
    await this.sessions.deleteAllOf(manager, userId);
    await this.links.replaceOpen(manager, userId, now);
    return version;
  }
}
