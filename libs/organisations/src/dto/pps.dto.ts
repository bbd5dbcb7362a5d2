import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  IsUrl,
  Max,
  Min,
} from 'class-validator';
import { MaxLength, MinLength } from '@bouwsteen/common/pure';
import {
  IsCalendarDate,
  IsNotBefore,
  NestedList,
  NestedObject,
  OptionalNotNull,
  PageQueryDto,
  PatchType,
} from '@bouwsteen/common';
import { OrganisationRefDto } from './organisation.dto';

export class PpsImpactDto {
  @ApiPropertyOptional({ example: 2021 })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ example: 350, description: 'Students reached directly per year' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  studentsDirect?: number;

  @ApiPropertyOptional({ example: 425 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  studentsIndirect?: number;

  @ApiPropertyOptional({ example: 40 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  teachersDirect?: number;

  @ApiPropertyOptional({ example: 80 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  teachersIndirect?: number;

  @ApiPropertyOptional({ example: 38 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  professionalsInvolved?: number;

  @ApiPropertyOptional({ example: 35 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  lloCustomers?: number;

  @ApiPropertyOptional({ example: 15 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  fieldPartnersCore?: number;

  @ApiPropertyOptional({ example: 33 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  fieldPartnersTotal?: number;
}

export class PpsFundingDto {
  @ApiPropertyOptional({ example: 'RIF' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  scheme?: string;

  @ApiPropertyOptional({ example: '2019-01-01' })
  @IsOptional()
  @IsCalendarDate()
  start?: string;

  @ApiPropertyOptional({ example: '2022-12-31' })
  @IsOptional()
  @IsCalendarDate()
  @IsNotBefore('start')
  end?: string;
}

export class PartnerInputDto {
  @ApiProperty({ example: '8f14e45f-ceea-4e6b-9a1d-3b2c1d0e9f8a' })
  @IsUUID()
  organisationId: string;

  @ApiProperty({ enum: ['core', 'other'], example: 'core' })
  @IsIn(['core', 'other'])
  tier: 'core' | 'other';

  @ApiProperty({ example: 'work-field', description: 'Code from the partnerRoles vocabulary' })
  @IsString()
  role: string;

  @ApiPropertyOptional({ example: 'Stelt de testlijn en twee bedrijfscoaches beschikbaar' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  contribution?: string;
}

export class CreatePpsDto {
  @ApiProperty({ example: 'Techport mbo' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({
    example: '8f14e45f-ceea-4e6b-9a1d-3b2c1d0e9f8a',
    description: 'The lead institution (penvoerder)',
  })
  @IsUUID()
  leadOrganisationId: string;

  @ApiProperty({ type: [String], example: ['noord-holland'] })
  @IsArray()
  @IsString({ each: true })
  @ArrayMinSize(1)
  @ArrayUnique()
  @ArrayMaxSize(2)
  provinces: string[];

  @ApiPropertyOptional({ type: [String], example: ['A', 'C'] })
  @OptionalNotNull()
  @IsArray()
  @IsString({ each: true })
  @ArrayUnique()
  @ArrayMaxSize(7)
  configurations?: string[];

  @ApiPropertyOptional({ type: [String], example: ['content', 'place'] })
  @OptionalNotNull()
  @IsArray()
  @IsString({ each: true })
  @ArrayUnique()
  @ArrayMaxSize(7)
  buildingBlocks?: string[];

  @ApiPropertyOptional({ type: [String], example: ['inflow', 'innovation'] })
  @OptionalNotNull()
  @IsArray()
  @IsString({ each: true })
  @ArrayUnique()
  @ArrayMaxSize(5)
  provincialThemes?: string[];

  @ApiPropertyOptional({ type: [String], example: ['digital'] })
  @OptionalNotNull()
  @IsArray()
  @IsString({ each: true })
  @ArrayUnique()
  @ArrayMaxSize(5)
  societalChallenges?: string[];

  @ApiPropertyOptional({ example: 'education' })
  @IsOptional()
  @IsString()
  focus?: string;

  @ApiPropertyOptional({ example: 3, minimum: 1, maximum: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  growthPhase?: number;

  @ApiPropertyOptional({ example: 2, minimum: 1, maximum: 4 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  wave?: number;

  @ApiPropertyOptional({ example: 2, minimum: 1, maximum: 4 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  coordinationPosition?: number;

  @ApiPropertyOptional({ example: 'embedded' })
  @IsOptional()
  @IsString()
  sustainmentModel?: string;

  @ApiPropertyOptional({ type: PpsFundingDto })
  @OptionalNotNull()
  @NestedObject(() => PpsFundingDto)
  funding?: PpsFundingDto;

  @ApiPropertyOptional({ example: 'active' })
  @OptionalNotNull()
  @IsString()
  status?: string;

  @ApiPropertyOptional({
    example: 'Te weinig technici in de Zaanstreek; bedrijven en school leiden samen op.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  purpose?: string;

  @ApiPropertyOptional({ type: PpsImpactDto })
  @IsOptional()
  @NestedObject(() => PpsImpactDto)
  impact?: PpsImpactDto;

  @ApiPropertyOptional({ example: 'https://www.techportmbo.nl' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  website?: string;

  @ApiPropertyOptional({ type: [PartnerInputDto] })
  @IsOptional()
  @NestedList(() => PartnerInputDto)
  @ArrayMaxSize(200)
  partners?: PartnerInputDto[];
}

/** Editors may change a PPS's profile; name and lead institution are an admin's to change. */
export class UpdatePpsDto extends PatchType(CreatePpsDto) {}

export class PpsListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'flevoland' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  province?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Lead institution (organisation id)' })
  @IsOptional()
  @IsUUID()
  leadInstitution?: string;

  @ApiPropertyOptional({ example: 'active' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  status?: string;

  @ApiPropertyOptional({ example: 'C' })
  @IsOptional()
  @IsString()
  @MaxLength(2)
  configuration?: string;

  @ApiPropertyOptional({ example: 'techniek', description: 'Matches the PPS name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class PartnerDto {
  @ApiProperty({ type: OrganisationRefDto })
  organisation: OrganisationRefDto;

  @ApiProperty({ enum: ['core', 'other'], example: 'core' })
  tier: 'core' | 'other';

  @ApiProperty({ example: 'work-field' })
  role: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: null })
  contribution: string | null;
}

export class PpsDto extends OmitType(CreatePpsDto, [
  'leadOrganisationId',
  'partners',
  'funding',
  'impact',
] as const) {
  @ApiProperty({ example: '5d1f3c1e-8b9a-4a51-9f7b-2c3e4d5f6a7b' })
  id: string;

  @ApiProperty({ example: 'techport-mbo' })
  slug: string;

  @ApiProperty({ type: OrganisationRefDto })
  leadInstitution: OrganisationRefDto;

  @ApiProperty({ type: PpsFundingDto })
  funding: PpsFundingDto;

  @ApiProperty({ type: PpsImpactDto })
  impact: PpsImpactDto;

  @ApiProperty({ type: [PartnerDto] })
  partners: PartnerDto[];

  @ApiProperty({ example: 'seed' })
  source: string;

  @ApiProperty({ example: 1, description: 'Send as If-Match: "<revision>" when editing' })
  revision: number;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class PpsSummaryDto extends OmitType(PpsDto, ['partners', 'impact', 'purpose'] as const) {}
