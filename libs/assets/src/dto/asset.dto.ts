import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsDateString, IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { MaxLength, MinLength } from '@bouwsteen/common/pure';
import { PageQueryDto, PatchType } from '@bouwsteen/common';
import { OrganisationRefDto } from '@bouwsteen/organisations';
import { ASSET_KINDS, ASSET_STATUSES, AssetKind, AssetStatus } from '../asset-codes';
import { AssetContentDto } from './asset-content.dto';
import { BasedOnDto } from './based-on.dto';
import { CurriculumViewDto } from './curriculum.dto';
import { InfrastructureDetailsDto } from './infrastructure.dto';
import { ModuleViewDto } from './module.dto';
import { PracticeDetailsDto } from './practice.dto';

export class CreateAssetDto extends AssetContentDto {
  @ApiProperty({ enum: ASSET_KINDS, example: 'module' })
  @IsIn(ASSET_KINDS)
  kind: AssetKind;

  @ApiProperty({
    format: 'uuid',
    description: 'The PPS that owns the asset; you must be one of its editors',
  })
  @IsUUID()
  ppsId: string;
}

/**
 * Shared fields merge; a kind's details object, when sent, replaces the stored one whole.
 * Owner, kind and status are not here on purpose: they change only through their own actions.
 */
export class UpdateAssetDto extends PatchType(AssetContentDto) {}

export class PublishAssetDto {
  @ApiPropertyOptional({
    example: 'Casus over de nieuwe cobot-lijn toegevoegd; toets herzien.',
    description: 'Required from the second version on',
  })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  changeNote?: string;
}

export class ArchiveAssetDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The published asset that replaces this one',
  })
  @IsOptional()
  @IsUUID()
  successorId?: string;
}

const csv = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((part) => part.trim()) : value;

export class AssetListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ASSET_KINDS,
    isArray: true,
    description: 'One or more kinds, comma-separated',
  })
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @IsIn(ASSET_KINDS, { each: true })
  kind?: AssetKind[];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ppsId?: string;

  @ApiPropertyOptional({
    enum: ASSET_STATUSES,
    isArray: true,
    description: 'Drafts only appear to those who may read them',
  })
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @IsIn(ASSET_STATUSES, { each: true })
  status?: AssetStatus[];

  @ApiPropertyOptional({ format: 'uuid', description: "Lead institution of the asset's PPS" })
  @IsOptional()
  @IsUUID()
  leadInstitution?: string;

  @ApiPropertyOptional({ example: 'flevoland', description: "A province of the asset's PPS" })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  province?: string;

  @ApiPropertyOptional({
    example: '2026-01-01T00:00:00Z',
    description: 'Only assets changed at or after this instant',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  updatedSince?: string;

  @ApiPropertyOptional({ enum: ['demo', 'user', 'import'] })
  @IsOptional()
  @IsIn(['demo', 'user', 'import'])
  source?: string;
}

export class PpsRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Techport mbo' })
  name: string;

  @ApiProperty({ example: 'techport-mbo' })
  slug: string;

  @ApiProperty({ type: [String], example: ['noord-holland'] })
  provinces: string[];

  @ApiProperty({ type: OrganisationRefDto })
  leadInstitution: OrganisationRefDto;
}

export class AssetVersionInfoDto {
  @ApiProperty({ example: 2, description: 'The version shown' })
  number: number;

  @ApiProperty({ enum: ['draft', 'published'], example: 'published' })
  state: 'draft' | 'published';

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Toets herzien' })
  changeNote: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  publishedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class AssetSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ASSET_KINDS, example: 'module' })
  kind: AssetKind;

  @ApiProperty({ enum: ASSET_STATUSES, example: 'published' })
  status: AssetStatus;

  @ApiProperty({ example: 'E-learning Veilig werken met cobots' })
  title: string;

  @ApiPropertyOptional({
    example: 'Online module van 8 uur over veilig samenwerken met cobots.',
    description: 'Absent only in a draft that has none yet',
  })
  summary?: string;

  @ApiProperty({ type: PpsRefDto })
  pps: PpsRefDto;

  @ApiProperty({ type: AssetVersionInfoDto })
  version: AssetVersionInfoDto;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 2,
    description: 'Latest published version number',
  })
  publishedVersion: number | null;

  @ApiProperty({
    example: false,
    description: 'An unpublished draft exists (visible to its editors)',
  })
  hasDraft: boolean;

  @ApiProperty({ example: 'user', description: 'demo, user or import' })
  source: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class AssetDto extends OmitType(AssetContentDto, [
  'curriculum',
  'module',
  'infrastructure',
  'practice',
] as const) {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ASSET_KINDS, example: 'module' })
  kind: AssetKind;

  @ApiProperty({ enum: ASSET_STATUSES, example: 'published' })
  status: AssetStatus;

  @ApiProperty({ type: PpsRefDto })
  pps: PpsRefDto;

  @ApiProperty({ type: AssetVersionInfoDto })
  version: AssetVersionInfoDto;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 2 })
  publishedVersion: number | null;

  @ApiProperty({ example: 3, description: 'Highest version number, draft included' })
  latestVersion: number;

  @ApiProperty({ example: false })
  hasDraft: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'Set when archived in favour of another asset',
  })
  successorId: string | null;

  @ApiProperty({ example: 'user' })
  source: string;

  @ApiPropertyOptional({
    example: 'TP-MOD-017',
    description: "The PPS's own code for this block, set by an import (unique within the PPS)",
  })
  sourceId?: string;

  @ApiProperty({ example: 3, description: 'Distinct PPS and organisations that recorded a reuse' })
  reuseCount: number;

  @ApiPropertyOptional({
    type: BasedOnDto,
    description: 'Set on a derivative: the source asset and version',
  })
  basedOn?: BasedOnDto;

  @ApiPropertyOptional({
    example:
      'Gebaseerd op "E-learning Veilig werken met cobots" (versie 2) van Techport mbo, CC-BY-SA-4.0',
  })
  attribution?: string;

  @ApiProperty({
    example: 4,
    description: 'Send as If-Match: "<revision>" when editing, publishing or archiving',
  })
  revision: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiPropertyOptional({ type: CurriculumViewDto })
  curriculum?: CurriculumViewDto;

  @ApiPropertyOptional({ type: ModuleViewDto })
  module?: ModuleViewDto;

  @ApiPropertyOptional({ type: InfrastructureDetailsDto })
  infrastructure?: InfrastructureDetailsDto;

  @ApiPropertyOptional({ type: PracticeDetailsDto })
  practice?: PracticeDetailsDto;
}

export class VersionSummaryDto extends AssetVersionInfoDto {
  @ApiProperty({ example: 'E-learning Veilig werken met cobots' })
  title: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}
