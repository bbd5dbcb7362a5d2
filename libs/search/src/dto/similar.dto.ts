import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { MaxLength, MinLength } from '@bouwsteen/common/pure';
import { IsCreboCode } from '@bouwsteen/common';
import { SEARCH_KINDS } from './search-query.dto';

/** A text that is not stored yet: a funder checking a proposal, or a PPS about to write a module. */
export class SimilarQueryDto {
  @ApiProperty({ example: 'Veilig samenwerken met cobots' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ example: 'Online module over risico’s van samenwerkende robots.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  summary?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['Maakt een risicobeoordeling van een cobot-werkplek.'],
  })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  @ArrayMaxSize(30)
  learningOutcomes?: string[];

  @ApiPropertyOptional({ type: [String], example: ['cobot', 'veiligheid'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  @ArrayMaxSize(30)
  keywords?: string[];

  @ApiPropertyOptional({ type: [String], example: ['mbo-3'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @ArrayMaxSize(8)
  levels?: string[];

  @ApiPropertyOptional({ type: [String], example: ['25923'] })
  @IsOptional()
  @IsArray()
  @IsCreboCode({ each: true })
  @ArrayMaxSize(10)
  creboCodes?: string[];

  @ApiPropertyOptional({
    example: 'Vier lessen met filmpjes en opdrachten op de eigen laptop.',
    description: 'Longer text (description, approach); compared when the candidate has it too',
  })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ enum: SEARCH_KINDS, example: 'module' })
  @IsOptional()
  @IsIn(SEARCH_KINDS)
  kind?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Leave out the building blocks of this PPS: a PPS asking about its own text need not see its own blocks',
  })
  @IsOptional()
  @IsUUID()
  excludePpsId?: string;
}
