import { ApiTokenDto } from './dto/api-token.dto';
import { UserDto } from './dto/user.dto';
import { ApiTokenEntity } from './entities/api-token.entity';
import { UserEntity } from './entities/user.entity';

export function toUserDto(user: UserEntity, ppsIds: string[]): UserDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    ppsIds,
    organisationId: user.organisationId,
    active: user.active,
    passwordChangeRequired: user.passwordChangeRequired,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    revision: user.rowVersion,
  };
}

export function toApiTokenDto(token: ApiTokenEntity): ApiTokenDto {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}
