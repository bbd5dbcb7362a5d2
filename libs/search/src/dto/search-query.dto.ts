import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Min,
} from 'class-validator';
import { IsCreboCode } from '@bouwsteen/common';
import { MaxLength } from '@bouwsteen/common/pure';

const csv = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
    : value;
const bool = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export const SEARCH_KINDS = ['curriculum', 'module', 'infrastructure', 'practice'] as const;
export const SEARCH_SORTS = [
  'relevance',
  'updated',
  '-updated',
  'title',
  '-title',
  'studyLoad',
  '-studyLoad',
  'reuseCount',
  '-reuseCount',
  'distance',
] as const;
/** Facet names are the query parameter names; each maps to one index attribute. */
export const FACETS = {
  kind: 'kind',
  province: 'provinces',
  theme: 'themes',
  challenge: 'challenges',
  configuration: 'configurations',
  buildingBlock: 'buildingBlocks',
  level: 'levels',
  audience: 'audiences',
  deliveryMode: 'deliveryModes',
  learningMode: 'learningMode',
  license: 'license',
  language: 'language',
  sector: 'sectors',
  moduleType: 'moduleType',
  certification: 'certification',
  certifiable: 'certifiable',
  ppsId: 'ppsId',
  leadInstitution: 'leadInstitutionId',
  qualification: 'qualificationCrebos',
} as const;
export type FacetName = keyof typeof FACETS;

function codes(example: string, vocabulary: string) {
  return ApiPropertyOptional({
    type: String,
    example,
    description: `Comma-separated ${vocabulary} codes (any of them matches)`,
  });
}

export class SearchQueryDto {
  @ApiPropertyOptional({
    example: 'veilig werken met cobots',
    description: 'Words to find; typos and Dutch synonyms are tolerated',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    enum: ['llo'],
    description:
      'llo: the LLO office catalogue — modules suitable for workers (combine with certifiable, deliveryMode, studyLoadMin/Max, province)',
  })
  @IsOptional()
  @IsIn(['llo'])
  preset?: 'llo';

  @ApiPropertyOptional({
    type: String,
    example: 'module,curriculum',
    description: 'Comma-separated kinds',
  })
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @IsIn(SEARCH_KINDS, { each: true })
  @ArrayMaxSize(4)
  kind?: string[];

  @ApiPropertyOptional({ type: String, description: 'Comma-separated PPS ids' })
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(50)
  ppsId?: string[];

  @ApiPropertyOptional({
    type: String,
    description: 'Comma-separated organisation ids of lead institutions',
  })
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(50)
  leadInstitution?: string[];

  @codes('flevoland', 'provinces')
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @IsString({ each: true })
  @ArrayMaxSize(20)
  province?: string[];
  @codes('llo', 'provincialThemes')
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @IsString({ each: true })
  @ArrayMaxSize(20)
  theme?: string[];
  @codes('energy', 'societalChallenges')
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @IsString({ each: true })
  @ArrayMaxSize(20)
  challenge?: string[];
  @codes('C', 'configurations')
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @IsString({ each: true })
  @ArrayMaxSize(20)
  configuration?: string[];
  @codes('place', 'buildingBlocks')
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @IsString({ each: true })
  @ArrayMaxSize(20)
  buildingBlock?: string[];
  @codes('mbo-3,mbo-4', 'educationLevels')
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @IsString({ each: true })
  @ArrayMaxSize(20)
  level?: string[];
  @codes('worker', 'audiences')
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @IsString({ each: true })
  @ArrayMaxSize(20)
  audience?: string[];
  @codes('online', 'deliveryModes')
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @IsString({ each: true })
  @ArrayMaxSize(20)
  deliveryMode?: string[];
  @codes('formal', 'learningModes')
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @IsString({ each: true })
  @ArrayMaxSize(20)
  learningMode?: string[];
  @codes('CC-BY-SA-4.0', 'licenses')
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @IsString({ each: true })
  @ArrayMaxSize(20)
  license?: string[];
  @codes('nl', 'languages')
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @IsString({ each: true })
  @ArrayMaxSize(20)
  language?: string[];
  @codes('techniek', 'sectors')
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @IsString({ each: true })
  @ArrayMaxSize(20)
  sector?: string[];
  @codes('e-learning', 'moduleTypes')
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @IsString({ each: true })
  @ArrayMaxSize(20)
  moduleType?: string[];
  @codes('micro-credential', 'certifications')
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @IsString({ each: true })
  @ArrayMaxSize(20)
  certification?: string[];

  @ApiPropertyOptional({
    type: String,
    example: '25831',
    description:
      'Comma-separated crebo codes (5 digits, at most 20) of mbo qualifications: curricula that name one and modules whose keuzedeel combines with one (any of them matches)',
  })
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @IsCreboCode({ each: true })
  @ArrayMaxSize(20)
  qualification?: string[];

  @ApiPropertyOptional({
    example: true,
    description: 'Only modules that lead to a certificate (true) or not (false)',
  })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  certifiable?: boolean;

  @ApiPropertyOptional({
    example: true,
    description: 'Only building blocks with a place (infrastructure profiles with a location)',
  })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  located?: boolean;

  @ApiPropertyOptional({ example: 8, description: 'Minimum study load in hours' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(100000)
  studyLoadMin?: number;

  @ApiPropertyOptional({ example: 80, description: 'Maximum study load in hours' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(100000)
  studyLoadMax?: number;

  @ApiPropertyOptional({ example: '2026-01-01T00:00:00Z', description: 'Published at or after' })
  @IsOptional()
  @IsDateString({ strict: true })
  updatedSince?: string;

  @ApiPropertyOptional({
    example: 52.37,
    description: 'With lng and radiusKm: only places within the radius',
  })
  @IsOptional()
  @Type(() => Number)
  @IsLatitude()
  lat?: number;

  @ApiPropertyOptional({ example: 4.89 })
  @IsOptional()
  @Type(() => Number)
  @IsLongitude()
  lng?: number;

  @ApiPropertyOptional({ example: 25, minimum: 0.1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0.1)
  @Max(500)
  radiusKm?: number;

  @ApiPropertyOptional({
    enum: SEARCH_SORTS,
    default: 'relevance',
    description: '"-" sorts descending; distance needs lat and lng',
  })
  @IsOptional()
  @IsIn(SEARCH_SORTS)
  sort?: (typeof SEARCH_SORTS)[number];

  @ApiPropertyOptional({
    type: String,
    example: 'kind,level,province',
    description: `Facets to count: ${Object.keys(FACETS).join(', ')}`,
  })
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @IsIn(Object.keys(FACETS), { each: true })
  @ArrayMaxSize(19)
  facets?: FacetName[];

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageNumber: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  pageSize: number = 20;
}
