import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { ASSET_KINDS, AssetKind } from '@bouwsteen/assets';
import { PageQueryDto } from '@bouwsteen/common';
import { IMPORT_FORMATS, ImportFormat } from '../readers';

const flag = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' || value === ''
    ? true
    : value === 'false' || value === '0'
      ? false
      : value;

export class StartImportQueryDto {
  @ApiProperty({ format: 'uuid', description: 'The PPS the building blocks go into' })
  @IsUUID()
  ppsId: string;

  @ApiPropertyOptional({
    enum: IMPORT_FORMATS,
    description: 'Overrides what Content-Type and file name say',
  })
  @IsOptional()
  @IsIn(IMPORT_FORMATS)
  format?: ImportFormat;

  @ApiPropertyOptional({ default: false, description: 'Check and report only; nothing changes' })
  @IsOptional()
  @Transform(flag)
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({
    default: false,
    description: 'Publish what the import creates or changes (else it stays a draft)',
  })
  @IsOptional()
  @Transform(flag)
  @IsBoolean()
  publish?: boolean;

  @ApiPropertyOptional({
    default: true,
    description:
      'Check every new row against what other PPS published ("dit bestaat al"), after the rows are written (see similarCheck); false skips it (a bulk migration)',
  })
  @IsOptional()
  @Transform(flag)
  @IsBoolean()
  checkSimilar?: boolean;
}

export class RunImportQueryDto {
  @ApiPropertyOptional({
    description: 'Publish what the import creates or changes; the dry run’s choice when left out',
  })
  @IsOptional()
  @Transform(flag)
  @IsBoolean()
  publish?: boolean;

  @ApiPropertyOptional({
    description: 'Check new rows for "dit bestaat al"; the dry run’s choice when left out',
  })
  @IsOptional()
  @Transform(flag)
  @IsBoolean()
  checkSimilar?: boolean;
}

export class ImportListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ppsId?: string;
}

export class ImportProgressDto {
  @ApiProperty({ example: 10485760 })
  bytesRead: number;
  @ApiProperty({ example: 20971520 })
  bytesTotal: number;
  @ApiProperty({ example: 50, description: 'Share of the file read, 0–100' })
  percent: number;
  @ApiProperty({ example: 5000 })
  rowsRead: number;
}

export class ImportTotalsDto {
  @ApiProperty({ example: 4200 }) created: number;
  @ApiProperty({ example: 300 }) updated: number;
  @ApiProperty({ example: 480 }) unchanged: number;
  @ApiProperty({ example: 4500, description: 'Published by this import' }) published: number;
  @ApiProperty({ example: 20, description: 'Rows not imported (see the report)' }) failed: number;
  @ApiProperty({ example: 12, description: 'New rows like something another PPS published' })
  similar: number;
}

export class ImportSimilarCheckDto {
  @ApiProperty({
    enum: ['off', 'waiting', 'done'],
    description:
      '"Dit bestaat al" for the new rows runs after the import has written them: off (not asked), waiting (rows still to check, their findings follow in the report), done',
  })
  status: 'off' | 'waiting' | 'done';
  @ApiProperty({ example: 1200, description: 'New rows still to check' })
  rowsLeft: number;
}

export class ImportJobDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) ppsId: string;
  @ApiProperty({ enum: IMPORT_FORMATS }) format: ImportFormat;
  @ApiPropertyOptional({ type: String, nullable: true }) fileName: string | null;
  @ApiProperty() dryRun: boolean;
  @ApiProperty() publish: boolean;
  @ApiProperty() checkSimilar: boolean;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed', 'cancelled'] }) status: string;
  @ApiProperty() cancelRequested: boolean;
  @ApiProperty({ type: ImportProgressDto }) progress: ImportProgressDto;
  @ApiProperty({ type: ImportTotalsDto }) totals: ImportTotalsDto;
  @ApiProperty({ type: ImportSimilarCheckDto }) similarCheck: ImportSimilarCheckDto;
  @ApiProperty({
    description:
      'Lines in the report (all of them are counted; at most IMPORT_MAX_REPORT_LINES are kept)',
  })
  reportLines: number;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Why the job failed' })
  error: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) startedAt:
    | string
    | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) finishedAt:
    | string
    | null;
  @ApiProperty({ example: '/api/v1/imports/…/report' }) reportUrl: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    description:
      'A finished dry run keeps its file until then: POST /imports/{id}/run imports it for real without sending it again',
  })
  fileKeptUntil: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The dry run whose file this import read',
  })
  dryRunId: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'On a dry run: the real import of its file, once started',
  })
  realImportId: string | null;
}

export class ImportReportLineDto {
  @ApiProperty({ enum: ['error', 'warning', 'similar'] }) severity: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'rij 12' }) row: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) sourceId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'module.studyLoad.value' })
  field: string | null;
  @ApiProperty({ example: 'moet een getal zijn' }) message: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'veertig' }) value: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) assetId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' })
  similarAssetId: string | null;
}

export const EXPORT_FORMATS = ['csv', 'xlsx', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class ExportQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat = 'xlsx';

  @ApiPropertyOptional({ format: 'uuid', description: 'One PPS (else the whole registry)' })
  @IsOptional()
  @IsUUID()
  ppsId?: string;

  @ApiPropertyOptional({ enum: ASSET_KINDS })
  @IsOptional()
  @IsIn(ASSET_KINDS)
  kind?: AssetKind;
}
