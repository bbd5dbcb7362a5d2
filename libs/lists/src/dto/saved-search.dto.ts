import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches } from 'class-validator';
import { MaxLength, MinLength } from '@bouwsteen/common/pure';
import { PageQueryDto } from '@bouwsteen/common';
import { LIST_NAME_MAX, SAVED_SEARCH_QUERY_MAX } from '../list-rules';

export class CreateSavedSearchDto {
  @ApiProperty({ example: 'Cobots mbo 2', maxLength: LIST_NAME_MAX })
  @IsString()
  @MinLength(1)
  @MaxLength(LIST_NAME_MAX)
  @Matches(/\S/)
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
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(LIST_NAME_MAX)
  @Matches(/\S/)
  name?: string;

  @ApiPropertyOptional({ example: false })
  @IsOptional()
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
