import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString } from 'class-validator';
import { MaxLength, MinLength } from '@bouwsteen/common/pure';
import { OptionalNotNull, PageQueryDto } from '@bouwsteen/common';
import { LIST_NAME_MAX, SAVED_SEARCH_QUERY_MAX } from '../list-rules';

/** A name of spaces only is no name: it is read without the spaces around it. */
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateSavedSearchDto {
  @ApiProperty({ example: 'Cobots mbo 2', maxLength: LIST_NAME_MAX })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(LIST_NAME_MAX)
  name: string;

  @ApiProperty({
    example: 'q=cobots&level=mbo-2',
    maxLength: SAVED_SEARCH_QUERY_MAX,
    description:
      'The search, as the query string of GET /api/v1/search (words and filters; paging and facets are left out)',
  })
  @IsString()
  @MaxLength(SAVED_SEARCH_QUERY_MAX)
  query: string;

  @ApiPropertyOptional({
    example: true,
    default: false,
    description: 'Be told (an in-app notification) of newly published blocks it finds',
  })
  @IsOptional()
  @IsBoolean()
  alerts?: boolean;
}

export class UpdateSavedSearchDto {
  @ApiPropertyOptional({ example: 'Cobots mbo 2', maxLength: LIST_NAME_MAX })
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(LIST_NAME_MAX)
  name?: string;

  @ApiPropertyOptional({
    example: 'q=cobots&level=mbo-2,mbo-3',
    maxLength: SAVED_SEARCH_QUERY_MAX,
    description: 'Another search in its place (checked as on create); new blocks count from now',
  })
  @OptionalNotNull()
  @IsString()
  @MaxLength(SAVED_SEARCH_QUERY_MAX)
  query?: string;

  @ApiPropertyOptional({ example: false })
  @OptionalNotNull()
  @IsBoolean()
  alerts?: boolean;
}

export class SavedSearchQueryDto extends PageQueryDto {}

export class SavedSearchDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Cobots mbo 2' }) name: string;
  @ApiProperty({
    example: 'q=cobots&level=mbo-2',
    description: 'GET /api/v1/search?{query} runs it',
  })
  query: string;
  @ApiProperty({ example: true }) alerts: boolean;
  @ApiProperty({ format: 'date-time', description: 'Blocks published after this are new to it' })
  checkedUntil: string;
  @ApiProperty({ example: 1, description: 'Send as If-Match: "<revision>"' }) revision: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
