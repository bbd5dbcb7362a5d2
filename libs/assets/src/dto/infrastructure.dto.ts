import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { MaxLength, MinLength } from '@bouwsteen/common/pure';
import { AddressDto } from '@bouwsteen/organisations';
import { NestedList, NestedObject } from '@bouwsteen/common';
import { NeededToPublish } from '../publish-needs';
import { InNetherlands, NotSwapped } from '../coordinates';

export class LocationDto {
  @ApiProperty({ example: 'Techport Innovatiecentrum' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ type: AddressDto })
  @IsOptional()
  @NestedObject(() => AddressDto)
  address?: AddressDto;

  // A JSON number, never a numeric string ("52.3" was stored as text); class-validator's
  // IsLatitude takes strings and refuses numbers it prints in exponent form (-1e-7). Optional
  // for a draft, but both or neither (publishing needs them: completeness.ts); a location in
  // the Netherlands (no other country given) must lie there, and swapped numbers are named.
  @ApiPropertyOptional({
    example: 52.4866,
    minimum: -90,
    maximum: 90,
    description:
      'Needed to publish, with lng; inside the Netherlands unless address.country says otherwise',
  })
  @ValidateIf((location: LocationDto) => location.lat !== undefined || location.lng !== undefined)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  @NotSwapped()
  @InNetherlands('lat')
  lat?: number;

  @ApiPropertyOptional({
    example: 4.6565,
    minimum: -180,
    maximum: 180,
    description: 'Needed to publish, with lat',
  })
  @ValidateIf((location: LocationDto) => location.lat !== undefined || location.lng !== undefined)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  @InNetherlands('lng')
  lng?: number;
}

export class EquipmentDto {
  @ApiProperty({ example: 'Cobot-werkcel met visiesysteem' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The partner organisation that owns it' })
  @IsOptional()
  @IsUUID()
  ownerOrganisationId?: string;

  @ApiPropertyOptional({ example: 'Tata Steel' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  owner?: string;

  @ApiPropertyOptional({ example: 8, description: 'Participants at the same time' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity?: number;

  @ApiPropertyOptional({ example: 'Twee werkplekken, ook voor avondtrainingen' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;
}

export class SoftwareDto {
  @ApiProperty({ example: 'coaching', description: 'infrastructureSoftware code' })
  @IsString()
  code: string;

  @ApiPropertyOptional({
    example: 'Hybride docenten uit de bedrijven begeleiden op dinsdag en donderdag',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;
}

export class ContributionDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiProperty({ example: 'Tata Steel' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  partner: string;

  @ApiProperty({ example: 'Levert de procesinstallatie en twee leermeesters' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  contribution: string;
}

export class InfrastructureDetailsDto {
  @ApiProperty({
    example: 'central',
    description: 'infrastructureModels code: central, hub, distributed; needed to publish',
  })
  @NeededToPublish()
  @IsOptional()
  @IsString()
  model?: string;

  @ApiProperty({
    type: [String],
    example: ['physical'],
    description: 'infrastructureNature codes (physical, digital or both); needed to publish',
  })
  @NeededToPublish()
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @ArrayUnique()
  @ArrayMaxSize(2)
  natures?: string[];

  @ApiPropertyOptional({ type: [LocationDto] })
  @IsOptional()
  @NestedList(() => LocationDto)
  @ArrayMaxSize(50)
  locations?: LocationDto[];

  @ApiPropertyOptional({ type: [EquipmentDto] })
  @IsOptional()
  @NestedList(() => EquipmentDto)
  @ArrayMaxSize(100)
  equipment?: EquipmentDto[];

  @ApiPropertyOptional({
    type: [SoftwareDto],
    description: 'The "software" that brings the place to life',
  })
  @IsOptional()
  @NestedList(() => SoftwareDto)
  @ArrayMaxSize(4)
  software?: SoftwareDto[];

  @ApiPropertyOptional({ type: [ContributionDto] })
  @IsOptional()
  @NestedList(() => ContributionDto)
  @ArrayMaxSize(50)
  contributions?: ContributionDto[];

  @ApiPropertyOptional({
    type: [String],
    example: ['learning', 'innovating'],
    description: 'infrastructureUses codes',
  })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @ArrayUnique()
  @ArrayMaxSize(5)
  uses?: string[];

  @ApiPropertyOptional({ example: 'Open voor studenten en werkenden van alle PPS in de regio' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  access?: string;

  @ApiPropertyOptional({ example: 'Reserveren via het roosterbureau, minimaal twee weken vooraf' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  booking?: string;

  @ApiPropertyOptional({ example: 'ma–vr 8.00–21.00' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  openingHours?: string;

  @ApiPropertyOptional({ example: 'Dagdeeltarief voor externen; gratis voor partners' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  costModel?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Module and curriculum assets that use this place',
  })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  @ArrayUnique()
  @ArrayMaxSize(100)
  usedByIds?: string[];
}
