import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  Constraint,
  DomainException,
  FieldCode,
  FieldError,
  NotFoundError,
  ValidationFailedError,
} from '@bouwsteen/common';
import { AuditTrail, LockSpace, TransactionRunner, lockKeys } from '@bouwsteen/database';
import { AuthError } from '../auth.errors';
import { AuthService } from '../auth.service';
import { DeleteOwnAccountDto } from '../dto/delete-account.dto';
import { emailKey, normaliseEmail } from '../email-address';
import { LoginAttemptsRepository } from '../login-attempts.repository';
import { Principal } from '../principal';
import { UsersRepository } from '../users.repository';
import { AccountDeletionEvents } from './account-deletion-events';

/** What an account's entries in the audit trail say instead of its address once it is gone. */
export const DELETED_ACCOUNT = 'verwijderd account';

/**
 * Deleting an account (its owner on /mijn-account/verwijderen or POST /me/deletion; an admin on
 * /beheer or DELETE /users/:id). One transaction removes everything personal: the account's row,
 * and through its foreign keys its sessions, tokens, linked institution accounts, follows,
 * notifications, webhooks, mail settings and queued mail, reviews and reports, lists and saved
 * searches; a course that was the account's own (listeners); its failed sign-in attempts and the
 * address in the audit trail. What it made for a PPS or office stays, without its name.
 */
@Injectable()
export class AccountDeletionService {
  constructor(
    private readonly users: UsersRepository,
    private readonly auth: AuthService,
    private readonly attempts: LoginAttemptsRepository,
    private readonly audit: AuditTrail,
    private readonly events: AccountDeletionEvents,
    private readonly tx: TransactionRunner,
  ) {}

  /**
   * The owner says it twice: the address typed again, and the password when the account has
   * one (checked and counted as a sign-in, so this cannot be used to guess it).
   */
  async deleteOwn(principal: Principal, dto: DeleteOwnAccountDto, address: string): Promise<void> {
    const user = await this.users.findWithHash(principal.userId);
    if (!user) throw new NotFoundError(AuthError.UserNotFound, 'user', principal.userId);
    const errors: FieldError[] = [];
    if (emailKey(normaliseEmail(dto.confirmation)) !== user.emailKey)
      errors.push({
        field: 'confirmation',
        message: 'is not the e-mail address of this account',
        code: FieldCode.ConfirmationMismatch,
      });
    if (user.passwordHash && !dto.currentPassword)
      errors.push({ field: 'currentPassword', message: 'is required', code: Constraint.IsDefined });
    if (errors.length > 0) throw new ValidationFailedError(errors);
    if (
      user.passwordHash &&
      !(await this.auth.checkPassword(user.emailKey, dto.currentPassword!, address))
    )
      throw new ValidationFailedError([
        {
          field: 'currentPassword',
          message: 'is not your current password',
          code: FieldCode.WrongCurrentPassword,
        },
      ]);
    await this.erase(principal.userId, null, 'deleted by its owner');
  }

  /** An admin deletes any account, their own too, but never the last active admin. */
  async deleteByAdmin(id: string, actor: Principal): Promise<void> {
    await this.erase(id, actor.userId === id ? null : actor.userId, 'deleted by an admin');
  }

  private async erase(id: string, actorId: string | null, summary: string): Promise<void> {
    await this.tx.run(async (manager) => {
      await lockKeys(manager, LockSpace.AccountDeletion, ['accounts']);
      const user = await this.users.lockForDeletion(manager, id);
      if (!user) throw new NotFoundError(AuthError.UserNotFound, 'user', id);
      if (
        user.role === 'admin' &&
        user.active &&
        (await this.users.otherActiveAdmins(manager, id)) === 0
      )
        throw new DomainException(AuthError.LastAdmin, 'The last active admin cannot be deleted');
      await this.events.emit(manager, id);
      await this.forget(manager, id, user.emailKey);
      await this.users.delete(manager, id);
      await this.audit.record(manager, {
        actorId,
        action: 'deleted',
        subjectType: 'account',
        subjectId: id,
        summary: `${DELETED_ACCOUNT}: ${summary}`,
      });
    });
  }

  /** What the foreign keys cannot reach: rows that hold the address, not the account's id. */
  private async forget(manager: EntityManager, id: string, key: string): Promise<void> {
    await this.attempts.forgetAccount(manager, key);
    await this.audit.forgetAccount(manager, id, DELETED_ACCOUNT);
  }
}
