import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { MaxLength, MinLength } from '@bouwsteen/common/pure';

export class CreateApiTokenDto {
  @ApiProperty({ example: 'Roosterkoppeling Nova College' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({
    example: 90,
    minimum: 1,
    maximum: 365,
    description: 'Days until the token expires; omit for no expiry',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  expiresInDays?: number;
}

export class ApiTokenDto {
  @ApiProperty({ example: 'c3d4e5f6-0a1b-4c2d-8e3f-4a5b6c7d8e9f' })
  id: string;

  @ApiProperty({ example: 'Roosterkoppeling Nova College' })
  name: string;

  @ApiProperty({ example: 'bst_Ab12Cd', description: 'First characters, to recognise the token' })
  prefix: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  expiresAt: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  lastUsedAt: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  revokedAt: string | null;
}

export class CreatedApiTokenDto extends ApiTokenDto {
  @ApiProperty({ example: 'bst_Ab12Cd…', description: 'The secret; shown only in this response' })
  token: string;
}
