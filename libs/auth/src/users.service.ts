import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import {
  Constraint,
  DomainException,
  FieldCode,
  NotFoundError,
  Page,
  ValidationFailedError,
  toPage,
  unknownOrganisation,
  unknownPps,
} from '@bouwsteen/common';
import { AuditTrail, TransactionRunner, changedFields } from '@bouwsteen/database';
import { CreateUserDto, UpdateUserDto, UserDto, UserListQueryDto } from './dto/user.dto';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { UserEntity } from './entities/user.entity';
import { PasswordHasher } from './password-hasher';
import { Principal } from './principal';
import { Role } from './roles';
import { emailKey, isAsciiEmail, normaliseEmail } from './email-address';
import { toUserDto } from './user.mapper';
import { UsersRepository } from './users.repository';
import { AuthError } from './auth.errors';
import { AccountCredentials } from './account-credentials';

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditTrail,
    private readonly credentials: AccountCredentials,
  ) {}

  /** The first admin comes from the environment, so no default credentials ever exist. */
  async onApplicationBootstrap(): Promise<void> {
    const { bootstrapAdminEmail: email, bootstrapAdminPassword: password } = this.config.auth;
    if (!email || !password) return;
    const created = await this.ensureAdmin(email, password);
    if (created) this.logger.log(`Created the first admin account ${email}`);
  }

  exists(email: string): Promise<boolean> {
    return this.users.existsByEmail(emailKey(email));
  }

  /** Creates an admin unless the email is taken; returns whether one was created. */
  async ensureAdmin(email: string, password: string, displayName = 'Beheerder'): Promise<boolean> {
    if (await this.users.existsByEmail(emailKey(email))) return false;
    await this.create({ email, password, displayName, role: 'admin' });
    return true;
  }

  /**
   * A non-login account that system jobs (the demo loader) act as, so every version still
   * names who created it. It is inactive and has no password.
   */
  async serviceAccount(address: string, displayName: string): Promise<Principal> {
    const email = accountEmail(address);
    const key = emailKey(email);
    let user = await this.users.findByEmailWithHash(key);
    if (!user) {
      user = await this.tx.run((manager) =>
        this.users.insert(manager, {
          email,
          emailKey: key,
          displayName,
          passwordHash: null,
          role: 'admin',
          active: false,
        }),
      );
    }
    return {
      userId: user.id,
      email: user.email,
      role: 'admin',
      ppsIds: [],
      organisationId: null,
      via: 'jwt',
      tokenVersion: user.tokenVersion,
    };
  }

  /** The roles the active accounts of a PPS have (who could act for it: see its policies). */
  activeMemberRoles(ppsId: string): Promise<Role[]> {
    return this.users.activeMemberRoles(ppsId);
  }

  /** The active member accounts of a PPS with their roles (who is told about its requests). */
  activeMembers(ppsId: string): Promise<{ id: string; role: Role }[]> {
    return this.users.activeMembers(ppsId);
  }

  /** The PPS each of these accounts is a member of (none: an empty list). */
  membershipsOf(userIds: string[]): Promise<Map<string, string[]>> {
    return this.users.membershipsOf(userIds);
  }

  async get(id: string): Promise<UserDto> {
    const found = await this.users.findWithMemberships(id);
    if (!found) throw new NotFoundError(AuthError.UserNotFound, 'user', id);
    return toUserDto(found.user, found.ppsIds);
  }

  async list(query: UserListQueryDto): Promise<Page<UserDto>> {
    const [rows, total] = await this.users.list({
      role: query.role,
      ppsId: query.ppsId,
      offset: query.offset,
      limit: query.pageSize,
    });
    const memberships = await this.users.membershipsOf(rows.map((row) => row.id));
    return toPage(
      rows.map((row) => toUserDto(row, memberships.get(row.id) ?? [])),
      total,
      query,
    );
  }

  /** `actor`: who made the account (absent for the bootstrap admin and seeded accounts). */
  async create(dto: CreateUserDto, actor?: Principal): Promise<UserDto> {
    const email = accountEmail(dto.email);
    const key = emailKey(email);
    if (await this.users.existsByEmail(key)) {
      throw new DomainException(AuthError.EmailTaken, `An account for ${email} already exists`);
    }
    const ppsIds = dto.ppsIds ?? [];
    await this.checkReferences(dto.role, ppsIds, dto.organisationId);
    // Without a password the account waits for its invitation link (PasswordLinksService). A
    // password an admin chose is temporary: its owner chooses their own at first sign-in.
    const passwordHash = dto.password === undefined ? null : await this.hasher.hash(dto.password);
    const user = await this.tx.run(async (manager) => {
      const saved = await this.users.insert(manager, {
        email,
        emailKey: key,
        displayName: dto.displayName,
        passwordHash,
        passwordChangeRequired: passwordHash !== null && actor !== undefined,
        role: dto.role,
        organisationId: dto.organisationId ?? null,
      });
      await this.users.replaceMemberships(manager, saved.id, ppsIds);
      await this.audit.record(manager, {
        actorId: actor?.userId ?? null,
        action: 'created',
        subjectType: 'account',
        subjectId: saved.id,
        summary: `${email} (${dto.role})`,
      });
      return saved;
    });
    return toUserDto(user, ppsIds);
  }

  async update(
    id: string,
    revision: number,
    dto: UpdateUserDto,
    actor?: Principal,
  ): Promise<UserDto> {
    const found = await this.users.findWithMemberships(id);
    if (!found) throw new NotFoundError(AuthError.UserNotFound, 'user', id);
    const role = dto.role ?? found.user.role;
    const ppsIds = dto.ppsIds ?? found.ppsIds;
    const organisationId =
      dto.organisationId === undefined ? found.user.organisationId : dto.organisationId;
    await this.checkReferences(role, ppsIds, organisationId);
    const changes: QueryDeepPartialEntity<UserEntity> = {};
    const email = dto.email === undefined ? undefined : accountEmail(dto.email);
    if (email !== undefined && emailKey(email) !== found.user.emailKey) {
      if (await this.users.existsByEmail(emailKey(email))) {
        throw new DomainException(AuthError.EmailTaken, `An account for ${email} already exists`);
      }
      changes.emailKey = emailKey(email);
    }
    if (email !== undefined && email !== found.user.email) changes.email = email;
    if (dto.displayName !== undefined) changes.displayName = dto.displayName;
    if (dto.role !== undefined) changes.role = dto.role;
    if (dto.organisationId !== undefined) changes.organisationId = dto.organisationId;
    if (dto.active !== undefined) changes.active = dto.active;
    if (dto.password !== undefined) {
      changes.passwordHash = await this.hasher.hash(dto.password);
      // A password chosen for someone else is theirs to replace before anything else.
      changes.passwordChangeRequired = actor?.userId !== id;
    }
    // A new password or a deactivation ends every credential issued before (AccountCredentials).
    const endsCredentials =
      dto.password !== undefined || (dto.active === false && found.user.active);
    await this.tx.run(async (manager) => {
      await this.users.update(manager, id, revision, changes);
      if (dto.ppsIds !== undefined) await this.users.replaceMemberships(manager, id, ppsIds);
      if (endsCredentials) await this.credentials.endAll(manager, id);
      await this.audit.record(manager, {
        actorId: actor?.userId ?? null,
        action: dto.active === false && found.user.active ? 'deactivated' : 'updated',
        subjectType: 'account',
        subjectId: id,
        summary: `${found.user.email}: ${changedFields({
          ...dto,
          password: dto.password && 'new',
        })
          .split(', ')
          // A role change says from which role to which (role codes, no personal data).
          .map((field) =>
            field === 'role' && dto.role !== found.user.role
              ? `role (${found.user.role} → ${dto.role})`
              : field,
          )
          .join(', ')}`,
      });
    });
    return this.get(id);
  }

  private async checkReferences(
    role: Role,
    ppsIds: string[],
    organisationId: string | null | undefined,
  ): Promise<void> {
    const errors = [];
    if (role === 'pps-editor' && ppsIds.length === 0) {
      errors.push({
        field: 'ppsIds',
        message: 'a pps-editor must be a member of at least one PPS',
        code: FieldCode.EditorNeedsPps,
      });
    }
    const known = await this.users.existingPpsIds(ppsIds);
    ppsIds.forEach((id, index) => {
      if (!known.has(id)) errors.push(unknownPps(`ppsIds.${index}`, id));
    });
    if (organisationId && !(await this.users.organisationExists(organisationId))) {
      errors.push(unknownOrganisation('organisationId', organisationId));
    }
    if (errors.length > 0) throw new ValidationFailedError(errors);
  }
}

/**
 * An account's address as it is stored (email-address.ts): normalised, and refused when it is
 * not ASCII, also on the paths no DTO checks (the CLI, the first admin from the environment).
 */
function accountEmail(address: string): string {
  const email = normaliseEmail(address);
  if (!isAsciiEmail(email))
    throw new ValidationFailedError([
      {
        field: 'email',
        message: 'must hold ASCII characters only (after Unicode compatibility folding)',
        code: Constraint.IsAsciiEmail,
      },
    ]);
  return email;
}
