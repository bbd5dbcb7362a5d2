import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Min,
} from 'class-validator';
import { MaxLength, MinLength } from '@bouwsteen/common/pure';
import { IsElectiveCode, IsEscoUri, NestedList, NestedObject } from '@bouwsteen/common';
import { PRICE_MAX_CENTS } from '../asset-codes';
import { NeededToPublish } from '../publish-needs';
import { PeriodDto, StudyLoadDto, StudyLoadViewDto } from './shared.dto';

export class LearningOutcomeDto {
  @ApiProperty({
    example: 'De student kalibreert een temperatuursensor volgens de werkinstructie.',
  })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  text: string;

  @ApiPropertyOptional({
    example: 'http://data.europa.eu/esco/skill/0b2e9b2c-8a4f-4a39-9f3e-5b0a5c6f8a11',
  })
  @IsOptional()
  @IsEscoUri()
  escoUri?: string;
}

export class AssessmentDto {
  @ApiProperty({ example: 'praktijkopdracht' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  type: string;

  @ApiPropertyOptional({ example: 'Beoordeling op de werkplek door docent en bedrijfscoach' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;
}

export class PrerequisitesDto {
  @ApiPropertyOptional({ type: [String], description: 'Module assets to complete first' })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  @ArrayUnique()
  @ArrayMaxSize(20)
  moduleIds?: string[];

  @ApiPropertyOptional({ example: 'Basiskennis elektrotechniek (niveau 2)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;
}

export class PriceDto {
  @ApiProperty({ example: 39500, description: 'Price per participant in euro cents, excl. VAT' })
  @IsInt()
  @Min(0)
  @Max(PRICE_MAX_CENTS)
  amountCents: number;

  @ApiProperty({ example: 'EUR', enum: ['EUR'] })
  @IsIn(['EUR'])
  currency: 'EUR';
}

export class OfferingDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "The offering's own id (OOAPI's offeringId), given by Bouwsteen: send it back to keep it when editing; leave it out for a new offering",
  })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ type: PeriodDto })
  @NestedObject(() => PeriodDto)
  period: PeriodDto;

  @ApiPropertyOptional({ example: 'Techport Innovatiecentrum, Beverwijk' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  location?: string;

  @ApiPropertyOptional({ example: 16 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  seats?: number;
}

export class MicroCredentialDto {
  @ApiProperty({ example: 'Nova College' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  awardingBody: string;

  @ApiPropertyOptional({ example: 'Kwaliteitsregister mbo-certificaten (MBO Raad)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  qualityAssurance?: string;

  @ApiPropertyOptional({ example: 'praktijkexamen' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  assessmentType?: string;

  @ApiPropertyOptional({ example: 'hybride' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  participation?: string;
}

export class ModuleDetailsDto {
  @ApiPropertyOptional({
    example: 'e-learning',
    description: 'moduleTypes code; needed to publish',
  })
  @NeededToPublish()
  @IsOptional()
  @IsString()
  moduleType?: string;

  @ApiPropertyOptional({
    type: [LearningOutcomeDto],
    description: 'Needed to publish (at least one)',
  })
  @NeededToPublish()
  @IsOptional()
  @NestedList(() => LearningOutcomeDto)
  @ArrayMaxSize(30)
  learningOutcomes?: LearningOutcomeDto[];

  @ApiPropertyOptional({ type: StudyLoadDto, description: 'Needed to publish' })
  @NeededToPublish()
  @IsOptional()
  @NestedObject(() => StudyLoadDto)
  studyLoad?: StudyLoadDto;

  @ApiPropertyOptional({
    type: [String],
    example: ['student', 'worker'],
    description: 'audiences codes; needed to publish (at least one)',
  })
  @NeededToPublish()
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @ArrayUnique()
  @ArrayMaxSize(5)
  audiences?: string[];

  @ApiPropertyOptional({
    example: 'formal',
    description: 'learningModes code: formal or non-formal; needed to publish',
  })
  @NeededToPublish()
  @IsOptional()
  @IsString()
  learningMode?: string;

  @ApiProperty({
    type: [String],
    example: ['online', 'workplace'],
    description: 'deliveryModes codes; needed to publish (at least one)',
  })
  @NeededToPublish()
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @ArrayUnique()
  @ArrayMaxSize(4)
  deliveryModes?: string[];

  @ApiPropertyOptional({ type: AssessmentDto })
  @IsOptional()
  @NestedObject(() => AssessmentDto)
  assessment?: AssessmentDto;

  @ApiPropertyOptional({
    example: 'micro-credential',
    description: 'certifications code; needed to publish',
  })
  @NeededToPublish()
  @IsOptional()
  @IsString()
  certification?: string;

  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  stackable?: boolean;

  @ApiPropertyOptional({ type: PrerequisitesDto })
  @IsOptional()
  @NestedObject(() => PrerequisitesDto)
  prerequisites?: PrerequisitesDto;

  @ApiPropertyOptional({ example: 'K0080' })
  @IsOptional()
  @IsElectiveCode()
  electiveCode?: string;

  @ApiPropertyOptional({ type: PriceDto })
  @IsOptional()
  @NestedObject(() => PriceDto)
  price?: PriceDto;

  @ApiPropertyOptional({ type: [OfferingDto] })
  @IsOptional()
  @NestedList(() => OfferingDto)
  @ArrayMaxSize(20)
  offerings?: OfferingDto[];

  @ApiPropertyOptional({ type: MicroCredentialDto })
  @IsOptional()
  @NestedObject(() => MicroCredentialDto)
  microCredential?: MicroCredentialDto;
}

export class ModuleViewDto extends ModuleDetailsDto {
  @ApiPropertyOptional({ type: StudyLoadViewDto, description: 'Absent only in a draft' })
  override studyLoad?: StudyLoadViewDto;
}
