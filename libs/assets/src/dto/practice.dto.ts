import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsString, IsUUID } from 'class-validator';
import { MaxLength, MinLength } from '@bouwsteen/common/pure';
import { NestedObject } from '@bouwsteen/common';
import { NeededToPublish } from '../publish-needs';
import { PeriodDto } from './shared.dto';

export class PracticeDetailsDto {
  @ApiPropertyOptional({
    example: 'Drie ROC’s en twaalf installatiebedrijven in de Metropoolregio',
  })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  context?: string;

  @ApiPropertyOptional({
    example: 'Bedrijven haakten af omdat stagiairs te laat konden meedraaien in echte projecten.',
    description: 'Needed to publish',
  })
  @NeededToPublish()
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  problem?: string;

  @ApiPropertyOptional({
    example: 'Een gezamenlijke leerwerkplaats waar elke week een bedrijf de opdracht levert.',
    description: 'Needed to publish',
  })
  @NeededToPublish()
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  approach?: string;

  @ApiPropertyOptional({ example: 'Uitval in het eerste jaar daalde van 18% naar 9%.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  results?: string;

  @ApiPropertyOptional({ type: [String], example: ['Vaste contactpersoon per bedrijf'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  @ArrayMaxSize(20)
  successConditions?: string[];

  @ApiPropertyOptional({ type: [String], example: ['Roosters van school en bedrijf botsen'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  @ArrayMaxSize(20)
  pitfalls?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['form', 'place'],
    description: 'buildingBlocks codes it illustrates',
  })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @ArrayUnique()
  @ArrayMaxSize(7)
  buildingBlocks?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['B', 'C'],
    description: 'configurations codes it illustrates',
  })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @ArrayUnique()
  @ArrayMaxSize(7)
  configurations?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Partner organisations involved' })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  @ArrayUnique()
  @ArrayMaxSize(50)
  partnerOrganisationIds?: string[];

  @ApiPropertyOptional({ type: PeriodDto })
  @IsOptional()
  @NestedObject(() => PeriodDto)
  period?: PeriodDto;

  @ApiPropertyOptional({ example: 'Zaanstreek' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;
}
