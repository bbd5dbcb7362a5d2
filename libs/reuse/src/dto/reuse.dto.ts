import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { MaxLength, MinLength } from '@bouwsteen/common/pure';
import { IsCalendarDate } from '@bouwsteen/common';

export const REUSE_MODES = ['as-is', 'adapted', 'inspired'] as const;
export type ReuseMode = (typeof REUSE_MODES)[number];

export class RecordReuseDto {
  @ApiPropertyOptional({
    example: 2,
    description: 'The version adopted; defaults to the latest published one',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Your PPS that adopted it (or give adopterOrganisationId)',
  })
  @IsOptional()
  @IsUUID()
  adopterPpsId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Your organisation that adopted it (school, LLO office)',
  })
  @IsOptional()
  @IsUUID()
  adopterOrganisationId?: string;

  @ApiProperty({ enum: REUSE_MODES, example: 'adapted' })
  @IsIn(REUSE_MODES)
  mode: ReuseMode;

  @ApiProperty({
    example: 'BBL Eerste monteur, leerjaar 2',
    description: 'Where: programme or course',
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  context: string;

  @ApiPropertyOptional({ example: 60, description: 'Students reached per year' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  reachStudents?: number;

  @ApiPropertyOptional({ example: 20, description: 'Workers reached per year' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  reachWorkers?: number;

  @ApiPropertyOptional({ example: '2026-09-01' })
  @IsOptional()
  @IsCalendarDate()
  startedOn?: string;
}

export class AdopterDto {
  @ApiProperty({ enum: ['pps', 'organisation'], example: 'pps' })
  type: 'pps' | 'organisation';

  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'House of Logistics' })
  name: string;
}

export class ReuseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  assetId: string;

  @ApiProperty({ example: 'Veilig werken met de reachtruck' })
  assetTitle: string;

  @ApiProperty({ example: 1 })
  assetVersion: number;

  @ApiProperty({ type: AdopterDto })
  adopter: AdopterDto;

  @ApiProperty({ enum: REUSE_MODES, example: 'as-is' })
  mode: ReuseMode;

  @ApiProperty({ example: 'Entreeopleiding logistiek' })
  context: string;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 40 })
  reachStudents: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: null })
  reachWorkers: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-09-01' })
  startedOn: string | null;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;
}
