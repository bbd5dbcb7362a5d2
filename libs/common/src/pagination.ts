import { Type, applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  getSchemaPath,
} from '@nestjs/swagger';
import { Type as TransformType } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;

/** OOAPI-style paging: `pageNumber` from 1, `pageSize` capped at 100. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 10000, default: 1, example: 1 })
  @IsOptional()
  @TransformType(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  pageNumber: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20, example: 20 })
  @IsOptional()
  @TransformType(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize: number = 20;

  get offset(): number {
    return (this.pageNumber - 1) * this.pageSize;
  }
}

export class PageMetaDto {
  @ApiProperty({ example: 1 })
  pageNumber: number;

  @ApiProperty({ example: 20 })
  pageSize: number;

  @ApiProperty({ example: 64 })
  totalItems: number;

  @ApiProperty({ example: 4 })
  totalPages: number;
}

export interface Page<T> extends PageMetaDto {
  items: T[];
}

export function toPage<T>(items: T[], totalItems: number, query: PageQueryDto): Page<T> {
  return {
    items,
    pageNumber: query.pageNumber,
    pageSize: query.pageSize,
    totalItems,
    totalPages: Math.ceil(totalItems / query.pageSize),
  };
}

/** Documents a paged response of `model` without a hand-written wrapper class per model. */
export function ApiPageResponse(model: Type<unknown>): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(PageMetaDto, model),
    ApiOkResponse({
      schema: {
        allOf: [
          { $ref: getSchemaPath(PageMetaDto) },
          {
            properties: { items: { type: 'array', items: { $ref: getSchemaPath(model) } } },
            required: ['items'],
          },
        ],
      },
    }),
  );
}
