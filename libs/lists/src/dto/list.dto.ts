import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { MaxLength, MinLength } from '@bouwsteen/common/pure';
import { NestedObject, OptionalNotNull, PageQueryDto, PatchType } from '@bouwsteen/common';
import {
  ITEM_NOTE_MAX,
  LIST_DESCRIPTION_MAX,
  LIST_NAME_MAX,
  LIST_VISIBILITIES,
  LeftOutReason,
  ListVisibility,
  MAX_ITEMS_PER_LIST,
} from '../list-rules';

/** A name of spaces only is no name: it is read without the spaces around it. */
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateListDto {
  @ApiProperty({ example: 'Cobots voor niveau 2', maxLength: LIST_NAME_MAX })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(LIST_NAME_MAX)
  name: string;

  @ApiPropertyOptional({ example: 'Voor het nieuwe keuzedeel in periode 3' })
  @IsOptional()
  @IsString()
  @MaxLength(LIST_DESCRIPTION_MAX)
  description?: string;

  @ApiPropertyOptional({
    enum: LIST_VISIBILITIES,
    default: 'private',
    description:
      'public: shown on the page of your organisation; private: only you (and whoever has its share link)',
  })
  @IsOptional()
  @IsIn(LIST_VISIBILITIES)
  visibility?: ListVisibility;
}

export class UpdateListDto extends PatchType(CreateListDto) {}

export class AddItemDto {
  @ApiProperty({ format: 'uuid', description: 'A published building block' })
  @IsUUID()
  assetId: string;

  @ApiPropertyOptional({ example: 'Eerst de veiligheidsles', maxLength: ITEM_NOTE_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(ITEM_NOTE_MAX)
  note?: string;
}

/** A change to one item (PATCH …/items/{assetId}): its note, its place, or both. */
export class ChangeItemDto {
  @ApiPropertyOptional({ example: 'Eerst de veiligheidsles', maxLength: ITEM_NOTE_MAX })
  @OptionalNotNull()
  @IsString()
  @MaxLength(ITEM_NOTE_MAX)
  note?: string;

  @ApiPropertyOptional({
    example: 1,
    description: 'Move the item here (1 = top); the others close up behind it',
  })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(MAX_ITEMS_PER_LIST)
  position?: number;
}

export class ListQueryDto extends PageQueryDto {}

export class ListItemDto {
  @ApiProperty({ example: 1 }) position: number;
  @ApiProperty({ format: 'uuid' }) assetId: string;
  @ApiProperty({ example: 'module' }) kind: string;
  @ApiProperty({ example: 'Veilig werken met cobots' }) title: string;
  @ApiProperty({ example: 'House of Digital' }) ppsName: string;
  @ApiProperty({ example: '' }) note: string;
  @ApiProperty({
    example: true,
    description:
      'false: archived since it was added (kept on the list, marked as no longer available)',
  })
  available: boolean;
  @ApiProperty({ format: 'date-time' }) addedAt: string;
}

export class ListDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Cobots voor niveau 2' }) name: string;
  @ApiProperty({ example: '' }) description: string;
  @ApiProperty({ enum: LIST_VISIBILITIES }) visibility: ListVisibility;
  @ApiProperty({ example: false, description: 'A share link is in force' }) shared: boolean;
  @ApiProperty({ example: 3 }) itemCount: number;
  @ApiProperty({ type: [ListItemDto], description: 'In order' }) items: ListItemDto[];
  @ApiProperty({ example: 3, description: 'Send as If-Match: "<revision>"' }) revision: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** A list as others see it (share link, organisation page): no owner, no link state. */
export class SharedListDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Cobots voor niveau 2' }) name: string;
  @ApiProperty({ example: '' }) description: string;
  @ApiProperty({ type: [ListItemDto] }) items: ListItemDto[];
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ListShareLinkDto {
  @ApiProperty({
    example: 'Xk2…',
    description: 'Anyone with it can read the list; revoke it with DELETE',
  })
  token: string;
  @ApiProperty({ example: '/lijst/Xk2…', description: 'The page' }) html: string;
  @ApiProperty({ example: '/api/v1/shared/lists/Xk2…' }) json: string;
}

export class CourseFromListEmployerDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ example: 'Installatiebedrijf De Vonk' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;
}

export class CourseFromListDto {
  @ApiPropertyOptional({ example: 'Omscholing cobots', description: "Defaults to the list's name" })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title?: string;

  @ApiProperty({ type: CourseFromListEmployerDto })
  @NestedObject(() => CourseFromListEmployerDto)
  employer: CourseFromListEmployerDto;

  @ApiProperty({ example: 'worker', description: 'audiences code' })
  @IsString()
  @MaxLength(100)
  audience: string;
}

export class LeftOutItemDto {
  @ApiProperty({ format: 'uuid' }) assetId: string;
  @ApiProperty({ example: 'Praktijkvoorbeeld cobots' }) title: string;
  @ApiProperty({
    enum: ['kind', 'unavailable', 'full'],
    description:
      'kind: a course cannot hold this kind; unavailable: archived; full: past the 40 items a course holds',
  })
  reason: LeftOutReason;
}

export class CourseFromListResultDto {
  @ApiProperty({ format: 'uuid', description: 'The new draft course (GET /api/v1/courses/{id})' })
  courseId: string;
  @ApiProperty({ example: 3 }) itemCount: number;
  @ApiProperty({ type: [LeftOutItemDto] }) leftOut: LeftOutItemDto[];
}
