import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { Clock, DomainException, NotFoundError, fingerprint } from '@bouwsteen/common';
import { AuditTrail, LockSpace, TransactionRunner, lockKeys } from '@bouwsteen/database';
import { AuthError } from '../auth.errors';
import { PasswordLinkDto } from '../dto/password.dto';
import { PasswordHasher } from '../password-hasher';
import { Principal } from '../principal';
import { UsersRepository } from '../users.repository';
import { PasswordLinkEvents } from './password-link-delivery';
import {
  LinkVerdict,
  PASSWORD_LINK_PATH,
  PasswordLinkPurpose,
  linkExpiry,
  linkVerdict,
} from './password-link-rules';
import { PasswordLinksRepository, StoredPasswordLink } from './password-links.repository';
import { PasswordsService, RenewedAccount } from './passwords.service';

/** A secret as this service makes them: 32 random bytes, base64url. Anything else is unknown. */
const SECRET_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const REFUSALS: Record<Exclude<LinkVerdict, 'live'>, AuthError> = {
  used: AuthError.PasswordLinkUsed,
  replaced: AuthError.PasswordLinkReplaced,
  expired: AuthError.PasswordLinkExpired,
};

/** Who a live link is for, as its page greets them. */
export interface OpenedPasswordLink {
  purpose: PasswordLinkPurpose;
  email: string;
  displayName: string;
}

/**
 * Invitation and reset links: an admin makes one for an account, is shown it, and it is mailed
 * to the account (libs/mail, when e-mail is set up); its owner opens it and chooses a password. A link holds a random secret stored only
 * as its SHA-256, works once, expires (INVITATION_LINK_HOURS, RESET_LINK_HOURS), and a newer link
 * of the same account — or a new password, or a deactivation — ends it.
 */
@Injectable()
export class PasswordLinksService {
  constructor(
    private readonly links: PasswordLinksRepository,
    private readonly users: UsersRepository,
    private readonly passwords: PasswordsService,
    private readonly hasher: PasswordHasher,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: PasswordLinkEvents,
  ) {}

  async issue(
    userId: string,
    purpose: PasswordLinkPurpose,
    actor: Principal,
  ): Promise<PasswordLinkDto> {
    const found = await this.users.findWithMemberships(userId);
    if (!found) throw new NotFoundError(AuthError.UserNotFound, 'user', userId);
    const { user } = found;
    const label = purpose === 'invitation' ? 'invitation link' : 'password reset link';
    const { url, expiresAt, mailed } = await this.make(user, purpose, actor.userId, label, true);
    return { purpose, url, expiresAt: expiresAt.toISOString(), mailed };
  }

  /**
   * A link for oneself, for an account without a password (made through an institution): its
   * owner, signed in, is sent straight to it to choose one — nothing is delivered. An account
   * with a password changes it with the current one instead (409).
   */
  async issueOwn(principal: Principal): Promise<string> {
    const user = await this.users.findWithHash(principal.userId);
    if (!user) throw new NotFoundError(AuthError.UserNotFound, 'user', principal.userId);
    if (user.passwordHash)
      throw new DomainException(AuthError.PasswordAlreadySet, `${user.email} has a password`);
    const { secret } = await this.make(user, 'reset', user.id, 'password link for oneself', false);
    return PASSWORD_LINK_PATH + secret;
  }

  private async make(
    user: { id: string; email: string; active: boolean },
    purpose: PasswordLinkPurpose,
    actorId: string,
    label: string,
    /** Whether its owner is also sent it (by e-mail, when set up); not a link for oneself. */
    mailed: boolean,
  ): Promise<{ secret: string; url: string; expiresAt: Date; mailed: boolean }> {
    if (!user.active)
      throw new DomainException(AuthError.AccountDeactivated, `${user.email} is deactivated`);
    const secret = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = linkExpiry(purpose, now, this.config.auth);
    const url = new URL(PASSWORD_LINK_PATH + secret, this.config.web.publicBaseUrl).toString();
    const queued = await this.tx.run(async (manager) => {
      // One live link per account, also when two admins make one at the same moment.
      await lockKeys(manager, LockSpace.AccountQuota, [`password-link:${user.id}`]);
      await this.links.replaceOpen(manager, user.id, now);
      const linkId = await this.links.create(manager, {
        userId: user.id,
        purpose,
        secretHash: fingerprint(secret),
        createdBy: actorId,
        expiresAt,
      });
      await this.audit.record(manager, {
        actorId,
        action: 'updated',
        subjectType: 'account',
        subjectId: user.id,
        summary: `${user.email}: ${label}`,
      });
      // The admin is shown the link; a mailer also sends it, queued with the link itself.
      return mailed
        ? this.events.emit(manager, { linkId, userId: user.id, purpose, url, expiresAt })
        : false;
    });
    return { secret, url, expiresAt, mailed: queued };
  }

  /**
   * A link's purpose and expiry while it still works and its account is active: a mail about
   * it is sent only then (a link used, replaced or expired before its mail went out is not).
   */
  async liveLink(
    linkId: string,
  ): Promise<{ purpose: PasswordLinkPurpose; expiresAt: Date } | undefined> {
    const link = await this.links.findById(linkId);
    if (!link || linkVerdict(link, this.clock.now()) !== 'live') return undefined;
    const found = await this.users.findWithMemberships(link.userId);
    return found?.user.active ? { purpose: link.purpose, expiresAt: link.expiresAt } : undefined;
  }

  /** Who a live link is for; a used, replaced or expired one is 410, an unknown one 404. */
  async open(secret: string): Promise<OpenedPasswordLink> {
    const link = await this.live(secret);
    const found = await this.users.findWithMemberships(link.userId);
    if (!found?.user.active) throw new DomainException(AuthError.PasswordLinkReplaced);
    return { purpose: link.purpose, email: found.user.email, displayName: found.user.displayName };
  }

  /**
   * Sets the password a link's owner chose and uses the link up. Of two requests with one link,
   * the second waits for the first's lock and finds it used. Every credential of the account
   * ends; the caller signs the owner in with what this returns.
   */
  async redeem(secret: string, password: string): Promise<RenewedAccount> {
    const link = await this.live(secret);
    const passwordHash = await this.hasher.hash(password);
    return this.tx.run(async (manager) => {
      this.refuseUnlessLive(await this.links.lock(manager, link.id));
      const user = await this.users.findWithHash(link.userId);
      if (!user?.active) throw new DomainException(AuthError.PasswordLinkReplaced);
      await this.links.markUsed(manager, link.id, this.clock.now());
      const how = link.purpose === 'invitation' ? 'invitation link' : 'reset link';
      return this.passwords.storeIn(manager, user, passwordHash, `chosen through a ${how}`);
    });
  }

  private async live(secret: string): Promise<StoredPasswordLink> {
    const link = SECRET_SHAPE.test(secret)
      ? await this.links.findBySecretHash(fingerprint(secret))
      : undefined;
    if (!link) throw new DomainException(AuthError.PasswordLinkNotFound, 'No link has this secret');
    this.refuseUnlessLive(link);
    return link;
  }

  private refuseUnlessLive(link: StoredPasswordLink): void {
    const verdict = linkVerdict(link, this.clock.now());
    if (verdict !== 'live') throw new DomainException(REFUSALS[verdict]);
  }
}
