import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Min,
} from 'class-validator';
import { MaxLength, MinLength } from '@bouwsteen/common/pure';
import { IsCreboCode, IsElectiveCode, NestedList, NestedObject } from '@bouwsteen/common';
import { NeededToPublish } from '../publish-needs';
import { StudyLoadDto, StudyLoadViewDto } from './shared.dto';

export class CoreTaskDto {
  @ApiProperty({ example: 'B1-K1' })
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  code: string;

  @ApiProperty({ example: 'Installeert en onderhoudt elektrotechnische installaties' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional({ type: [String], example: ['B1-K1-W1 Bereidt werkzaamheden voor'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  @ArrayMaxSize(20)
  workProcesses?: string[];
}

export class CurriculumDetailsDto {
  @ApiPropertyOptional({
    type: [String],
    example: ['25831'],
    description: 'Crebo codes (5 digits); a curriculum outside the mbo qualifications has none',
  })
  @IsOptional()
  @IsArray()
  @IsCreboCode({ each: true })
  @ArrayUnique()
  @ArrayMaxSize(10)
  creboCodes?: string[];

  @ApiPropertyOptional({ example: 'Eerste monteur elektrotechnische installaties' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  qualificationDossier?: string;

  @ApiPropertyOptional({ type: [String], example: ['Eerste monteur woning'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @ArrayMaxSize(10)
  qualifications?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['bbl'],
    description: 'learningPaths codes (bol, bbl)',
  })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @ArrayUnique()
  @ArrayMaxSize(2)
  learningPaths?: string[];

  @ApiPropertyOptional({ example: 36, minimum: 1, maximum: 72 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(72)
  durationMonths?: number;

  @ApiPropertyOptional({ type: StudyLoadDto })
  @IsOptional()
  @NestedObject(() => StudyLoadDto)
  studyLoad?: StudyLoadDto;

  @ApiPropertyOptional({ type: [CoreTaskDto] })
  @IsOptional()
  @NestedList(() => CoreTaskDto)
  @ArrayMaxSize(30)
  coreTasks?: CoreTaskDto[];

  @ApiPropertyOptional({
    type: [String],
    example: ['K0080'],
    description: 'Elective (keuzedeel) codes: K + 4 digits',
  })
  @IsOptional()
  @IsArray()
  @IsElectiveCode({ each: true })
  @ArrayUnique()
  @ArrayMaxSize(30)
  electiveCodes?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Module assets this curriculum is built from; needed to publish (at least one)',
  })
  @NeededToPublish()
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  @ArrayUnique()
  @ArrayMaxSize(50)
  moduleIds?: string[];

  @ApiPropertyOptional({ example: 'Vmbo-diploma kader of gemengde leerweg' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  admissionRequirements?: string;

  @ApiPropertyOptional({ example: 'mbo-diploma niveau 3' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  credential?: string;
}

export class CurriculumViewDto extends CurriculumDetailsDto {
  @ApiPropertyOptional({ type: StudyLoadViewDto })
  override studyLoad?: StudyLoadViewDto;

  @ApiPropertyOptional({
    example: 3,
    nullable: true,
    type: Number,
    description: 'NLQF level derived from the highest education level (EQF is the same number)',
  })
  nlqfLevel: number | null;
}
