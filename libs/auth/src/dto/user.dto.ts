import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
} from 'class-validator';
import { MaxLength, MinLength } from '@bouwsteen/common/pure';
import { OptionalNotNull, PageQueryDto, PatchType } from '@bouwsteen/common';
import { AccountEmail } from '../email-address';
import { ROLES, Role } from '../roles';

export class UserDto {
  @ApiProperty({ example: '0b7f6a54-3c39-4c55-9d0a-3d1f8f6f9a10' })
  id: string;

  @ApiProperty({ example: 'projectleider@techport.nl' })
  email: string;

  @ApiProperty({ example: 'Sanne de Vries' })
  displayName: string;

  @ApiProperty({ enum: ROLES, example: 'pps-editor' })
  role: Role;

  @ApiProperty({
    type: [String],
    example: ['5d1f3c1e-8b9a-4a51-9f7b-2c3e4d5f6a7b'],
    description: 'PPS the user is a member of',
  })
  ppsIds: string[];

  @ApiPropertyOptional({ type: String, nullable: true, example: null })
  organisationId: string | null;

  @ApiProperty({ example: true })
  active: boolean;

  @ApiProperty({
    example: false,
    description:
      'Someone else chose the password: the account must choose its own (POST /me/password) before anything else',
  })
  passwordChangeRequired: boolean;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  lastLoginAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({
    example: 3,
    description: 'Send as If-Match (also the ETag) to change the account',
  })
  revision: number;
}

export class CreateUserDto {
  @ApiProperty({
    example: 'docent@novacollege.nl',
    description:
      'Stored with Unicode compatibility forms folded (NFKC) and trimmed; found in lower case. An address that is not ASCII after that is refused (isAsciiEmail).',
  })
  @AccountEmail()
  email: string;

  @ApiProperty({ example: 'Ahmed Yilmaz' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  displayName: string;

  @ApiPropertyOptional({
    example: 'a-long-passphrase-of-12+',
    minLength: 12,
    description:
      'A first password, which its owner must replace at first sign-in. Leave it out to invite by link instead (POST /users/{id}/invitation).',
  })
  @OptionalNotNull()
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  password?: string;

  @ApiProperty({ enum: ROLES, example: 'teacher' })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({
    type: [String],
    example: [],
    description: 'Required (one or more) for pps-editor',
  })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  @ArrayUnique()
  @ArrayMaxSize(50)
  ppsIds?: string[];

  @ApiPropertyOptional({ example: null, type: String, nullable: true })
  @IsOptional()
  @IsUUID()
  organisationId?: string | null;
}

export class UpdateUserDto extends PatchType(CreateUserDto) {
  @ApiPropertyOptional({ example: false })
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;
}

export class UserListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ppsId?: string;
}
