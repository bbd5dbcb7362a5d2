import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FieldCode, NotFoundError, ValidationFailedError } from '@bouwsteen/common';
import { AuditTrail, TransactionRunner } from '@bouwsteen/database';
import { AccountCredentials } from '../account-credentials';
import { AuthError } from '../auth.errors';
import { AuthService } from '../auth.service';
import { ChangePasswordDto } from '../dto/password.dto';
import { PasswordHasher } from '../password-hasher';
import { Principal } from '../principal';
import { Role } from '../roles';
import { UsersRepository } from '../users.repository';
import { UserEntity } from '../entities/user.entity';

/** The account after its password changed: what a new session or access token is issued for. */
export interface RenewedAccount {
  id: string;
  role: Role;
  tokenVersion: number;
}

/** Changing one's own password (the API's POST /me/password and the page /mijn-account/wachtwoord). */
@Injectable()
export class PasswordsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly auth: AuthService,
    private readonly hasher: PasswordHasher,
    private readonly credentials: AccountCredentials,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditTrail,
  ) {}

  /** Whether the account has a password (one made through an institution has none at first). */
  async hasPassword(userId: string): Promise<boolean> {
    return !!(await this.users.findWithHash(userId))?.passwordHash;
  }

  /**
   * The current password is checked as a sign-in is (the same limiter counts a wrong one, so
   * this cannot be used to guess it); the new one must differ. Every credential of the account
   * ends (AccountCredentials); the caller issues the one it goes on with.
   */
  async changeOwn(
    principal: Principal,
    dto: ChangePasswordDto,
    address: string,
  ): Promise<RenewedAccount> {
    const user = await this.users.findWithHash(principal.userId);
    if (!user) throw new NotFoundError(AuthError.UserNotFound, 'user', principal.userId);
    if (!(await this.auth.checkPassword(user.emailKey, dto.currentPassword, address)))
      throw new ValidationFailedError([
        {
          field: 'currentPassword',
          message: 'is not your current password',
          code: FieldCode.WrongCurrentPassword,
        },
      ]);
    if (dto.newPassword === dto.currentPassword)
      throw new ValidationFailedError([
        {
          field: 'newPassword',
          message: 'must differ from your current password',
          code: FieldCode.SameAsCurrentPassword,
        },
      ]);
    return this.store(user, dto.newPassword, 'chosen by its owner');
  }

  /** Stores a password its owner chose and ends every credential, in one transaction. */
  async store(
    user: Pick<UserEntity, 'id' | 'email' | 'role'>,
    password: string,
    how: string,
  ): Promise<RenewedAccount> {
    const passwordHash = await this.hasher.hash(password);
    return this.tx.run((manager) => this.storeIn(manager, user, passwordHash, how));
  }

  /**
   * The same inside the caller's transaction (a link is used up with it); the audit trail says
   * how the password was chosen, never the password.
   */
  async storeIn(
    manager: EntityManager,
    user: Pick<UserEntity, 'id' | 'email' | 'role'>,
    passwordHash: string,
    how: string,
  ): Promise<RenewedAccount> {
    await this.users.setOwnPassword(manager, user.id, passwordHash);
    const tokenVersion = await this.credentials.endAll(manager, user.id);
    await this.audit.record(manager, {
      actorId: user.id,
      action: 'updated',
      subjectType: 'account',
      subjectId: user.id,
      summary: `${user.email}: password (${how})`,
    });
    return { id: user.id, role: user.role, tokenVersion };
  }
}
