import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { updateAtRevision } from '@bouwsteen/database';
import { ApiTokenEntity } from './entities/api-token.entity';
import { PpsMembershipEntity } from './entities/pps-membership.entity';
import { UserEntity } from './entities/user.entity';
import { Role } from './roles';
import { AuthError } from './auth.errors';

export interface UserWithMemberships {
  user: UserEntity;
  ppsIds: string[];
}

export interface UserListFilter {
  role?: Role;
  ppsId?: string;
  offset: number;
  limit: number;
}

@Injectable()
export class UsersRepository {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(PpsMembershipEntity)
    private readonly memberships: Repository<PpsMembershipEntity>,
  ) {}

  async findWithMemberships(id: string): Promise<UserWithMemberships | undefined> {
    const user = await this.users.findOneBy({ id });
    if (!user) return undefined;
    return { user, ppsIds: await this.ppsIdsOf(id) };
  }

  async ppsIdsOf(userId: string): Promise<string[]> {
    const rows = await this.memberships.find({ where: { userId }, order: { createdAt: 'ASC' } });
    return rows.map((row) => row.ppsId);
  }

  async membershipsOf(userIds: string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0) return result;
    const rows = await this.memberships.find({
      where: { userId: In(userIds) },
      order: { createdAt: 'ASC' },
    });
    for (const row of rows) result.get(row.userId)!.push(row.ppsId);
    return result;
  }

  /** The roles of a PPS's active member accounts, each once (pps_membership_pps_idx, one query). */
  async activeMemberRoles(ppsId: string): Promise<Role[]> {
    const rows: { role: Role }[] = await this.users.manager.query(
      `SELECT DISTINCT u.role FROM pps_membership m JOIN app_user u ON u.id = m.user_id
        WHERE m.pps_id = $1 AND u.active`,
      [ppsId],
    );
    return rows.map((row) => row.role);
  }

  /** The PPS's active member accounts and their roles (who may be told about its requests). */
  async activeMembers(ppsId: string): Promise<{ id: string; role: Role }[]> {
    return this.users.manager.query(
      `SELECT u.id, u.role FROM pps_membership m JOIN app_user u ON u.id = m.user_id
        WHERE m.pps_id = $1 AND u.active ORDER BY u.id`,
      [ppsId],
    );
  }

  findByEmailWithHash(emailKey: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.emailKey = :emailKey', { emailKey })
      .getOne();
  }

  existsByEmail(emailKey: string): Promise<boolean> {
    return this.users.existsBy({ emailKey });
  }

  async list(filter: UserListFilter): Promise<[UserEntity[], number]> {
    const query = this.users
      .createQueryBuilder('u')
      .orderBy('u.emailKey', 'ASC')
      .skip(filter.offset)
      .take(filter.limit);
    if (filter.role) query.andWhere('u.role = :role', { role: filter.role });
    if (filter.ppsId) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM pps_membership m WHERE m.user_id = u.id AND m.pps_id = :ppsId)',
        {
          ppsId: filter.ppsId,
        },
      );
    }
    return query.getManyAndCount();
  }

  async existingPpsIds(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await this.users.manager.query(
      'SELECT id FROM pps_public WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  async organisationExists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.users.manager.query(
      'SELECT 1 FROM organisation_public WHERE id = $1',
      [id],
    );
    return rows.length > 0;
  }

  insert(manager: EntityManager, user: Partial<UserEntity>): Promise<UserEntity> {
    return manager.getRepository(UserEntity).save(manager.getRepository(UserEntity).create(user));
  }

  /** Applies `changes` only at the revision the editor read (412 otherwise); always a new revision. */
  update(
    manager: EntityManager,
    id: string,
    revision: number,
    changes: QueryDeepPartialEntity<UserEntity>,
  ): Promise<void> {
    return updateAtRevision(manager, UserEntity, AuthError.UserNotFound, id, revision, {
      ...changes,
      updatedAt: () => 'now()',
    });
  }

  async replaceMemberships(
    manager: EntityManager,
    userId: string,
    ppsIds: string[],
  ): Promise<void> {
    await manager.getRepository(PpsMembershipEntity).delete({ userId });
    if (ppsIds.length > 0) {
      await manager
        .getRepository(PpsMembershipEntity)
        .insert(ppsIds.map((ppsId) => ({ userId, ppsId })));
    }
  }

  /**
   * The organisation of an account that has none (an institution named it at sign-in); false
   * when the account has one meanwhile, which stays. A change of the account: a new revision.
   */
  async setOrganisationIfNone(
    manager: EntityManager,
    id: string,
    organisationId: string,
  ): Promise<boolean> {
    const [, affected]: [unknown[], number] = await manager.query(
      `UPDATE app_user SET organisation_id = $2, row_version = row_version + 1, updated_at = now()
        WHERE id = $1 AND organisation_id IS NULL`,
      [id, organisationId],
    );
    return affected > 0;
  }

  /** Not an edit of the account: plain SQL, so the revision (ETag) stays as it was. */
  async touchLogin(id: string, at: Date): Promise<void> {
    await this.users.query('UPDATE app_user SET last_login_at = $2 WHERE id = $1', [id, at]);
  }

  /** Raises the account's token version (see AccountCredentials); not an edit (no new revision). */
  async raiseTokenVersion(manager: EntityManager, id: string): Promise<number> {
    const [rows]: [{ token_version: number }[], number] = await manager.query(
      'UPDATE app_user SET token_version = token_version + 1 WHERE id = $1 RETURNING token_version',
      [id],
    );
    return rows[0].token_version;
  }

  /**
   * A password the account's owner chose (themselves, or through a link): stored with the
   * flag that someone else chose it cleared. A new revision, as any change of the account.
   */
  async setOwnPassword(manager: EntityManager, id: string, passwordHash: string): Promise<void> {
    await manager.query(
      `UPDATE app_user SET password_hash = $2, password_change_required = false,
              row_version = row_version + 1, updated_at = now()
       WHERE id = $1`,
      [id, passwordHash],
    );
  }

  findWithHash(id: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id })
      .getOne();
  }

  /** A new password or a deactivation ends the account's integrations: its API tokens are revoked. */
  async revokeAllTokens(manager: EntityManager, userId: string, at: Date): Promise<void> {
    await manager
      .getRepository(ApiTokenEntity)
      .createQueryBuilder()
      .update()
      .set({ revokedAt: at })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .execute();
  }

  /** The account's row, locked until the deletion's transaction ends (null: none, or gone). */
  async lockForDeletion(
    manager: EntityManager,
    id: string,
  ): Promise<{ emailKey: string; role: Role; active: boolean } | null> {
    const rows: { emailKey: string; role: Role; active: boolean }[] = await manager.query(
      `SELECT email_key AS "emailKey", role, active FROM app_user WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  async otherActiveAdmins(manager: EntityManager, id: string): Promise<number> {
    const [row]: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM app_user WHERE role = 'admin' AND active AND id <> $1`,
      [id],
    );
    return row.count;
  }

  /** The foreign keys remove or unname the rest (migrations AccountDeletion and before). */
  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query('DELETE FROM app_user WHERE id = $1', [id]);
  }
}
