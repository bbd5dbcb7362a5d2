import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsString } from 'class-validator';
import { MaxLength, MinLength } from '@bouwsteen/common/pure';
import { NestedList, NestedObject, OptionalNotNull } from '@bouwsteen/common';
import { NeededToPublish } from '../publish-needs';
import { CurriculumDetailsDto } from './curriculum.dto';
import { InfrastructureDetailsDto } from './infrastructure.dto';
import { ModuleDetailsDto } from './module.dto';
import { PracticeDetailsDto } from './practice.dto';
import { ContactDto, LinkDto } from './shared.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** What every kind shares; the kind's own fields go in the object named after the kind. */
export class AssetContentDto {
  @ApiProperty({ example: 'E-learning Veilig werken met cobots', minLength: 3, maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({
    example:
      'Online module van 8 uur over risicoanalyse en veilig samenwerken met collaboratieve robots.',
    description: 'Needed to publish',
  })
  @NeededToPublish()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(10)
  @MaxLength(1000)
  summary?: string;

  @ApiPropertyOptional({
    example: 'De module combineert korte video’s met opdrachten in de eigen werkomgeving…',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['cobot', 'robotica', 'veiligheid'],
    description: 'Needed to publish (at least one)',
  })
  @NeededToPublish()
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(60, { each: true })
  @ArrayUnique()
  @ArrayMaxSize(30)
  keywords?: string[];

  @ApiPropertyOptional({ example: 'nl', default: 'nl', description: 'languages code (ISO 639-1)' })
  @IsOptional()
  @IsString()
  language?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['techniek', 'maakindustrie'],
    description: 'sectors codes; needed to publish (at least one)',
  })
  @NeededToPublish()
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @ArrayUnique()
  @ArrayMaxSize(5)
  sectors?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['mbo-3', 'mbo-4'],
    description: 'educationLevels codes; needed to publish (at least one)',
  })
  @NeededToPublish()
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @ArrayUnique()
  @ArrayMaxSize(8)
  levels?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['innovation'],
    description: 'provincialThemes codes',
  })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @ArrayUnique()
  @ArrayMaxSize(5)
  themes?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['digital'],
    description: 'societalChallenges codes',
  })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @ArrayUnique()
  @ArrayMaxSize(5)
  challenges?: string[];

  @ApiPropertyOptional({
    example: 'CC-BY-SA-4.0',
    description: 'licenses code (SPDX id or all-rights-reserved); needed to publish',
  })
  @NeededToPublish()
  @IsOptional()
  @IsString()
  license?: string;

  @ApiPropertyOptional({
    type: [ContactDto],
    description:
      'Who answers questions and requests for the material; needed to publish (at least one)',
  })
  @NeededToPublish()
  @IsOptional()
  @NestedList(() => ContactDto)
  @ArrayMaxSize(10)
  contacts?: ContactDto[];

  @ApiPropertyOptional({ type: [LinkDto] })
  @IsOptional()
  @NestedList(() => LinkDto)
  @ArrayMaxSize(30)
  links?: LinkDto[];

  @ApiPropertyOptional({
    type: CurriculumDetailsDto,
    description:
      "The curriculum's own fields; what a draft leaves out is asked for when it is published",
  })
  @OptionalNotNull()
  @NestedObject(() => CurriculumDetailsDto)
  curriculum?: CurriculumDetailsDto;

  @ApiPropertyOptional({
    type: ModuleDetailsDto,
    description:
      "The module's own fields; what a draft leaves out is asked for when it is published",
  })
  @OptionalNotNull()
  @NestedObject(() => ModuleDetailsDto)
  module?: ModuleDetailsDto;

  @ApiPropertyOptional({
    type: InfrastructureDetailsDto,
    description:
      "The infrastructure's own fields; what a draft leaves out is asked for when it is published",
  })
  @OptionalNotNull()
  @NestedObject(() => InfrastructureDetailsDto)
  infrastructure?: InfrastructureDetailsDto;

  @ApiPropertyOptional({
    type: PracticeDetailsDto,
    description:
      "The practice's own fields; what a draft leaves out is asked for when it is published",
  })
  @OptionalNotNull()
  @NestedObject(() => PracticeDetailsDto)
  practice?: PracticeDetailsDto;
}
