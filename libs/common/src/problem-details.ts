import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FieldValues } from './domain.exception';

export class FieldErrorDto {
  @ApiProperty({ example: 'module.studyLoad.value' })
  field: string;

  @ApiProperty({
    example: 'must not be less than 0',
    description: 'What went wrong, in English, for developers; a program reads `code` instead',
  })
  message: string;

  @ApiProperty({
    example: 'min',
    description:
      "What went wrong as a code: the name of the rule that failed (class-validator's, e.g. " +
      '`maxLength`, `isEmail`, `isCalendarDate`) or a domain rule of its own (`unknownAsset`, ' +
      '`endBeforeStart`, `neededToPublish`, …). Stable: word your own messages by it.',
  })
  code: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    example: { min: 0 },
    description:
      "The code's parameters: the rule's limits (`{max: 1000}`), the value it refers to " +
      '(`{id}`); `each: true` when the rule applies to each element of a list',
  })
  values?: FieldValues;
}

/** RFC 9457 problem details, the single error body of the API. */
export class ProblemDetailsDto {
  @ApiProperty({
    example: '/problems/validation-failed',
    description: 'Resolves to a page that explains the code (GET /problems lists them all)',
  })
  type: string;

  @ApiProperty({ example: 'Validation failed' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiPropertyOptional({ example: '1 field(s) are invalid' })
  detail?: string;

  @ApiProperty({ example: '/api/v1/assets' })
  instance: string;

  @ApiProperty({ example: 'validation-failed' })
  code: string;

  @ApiProperty({ example: '5b0c2a5e-3f7d-4d0e-9a0e-0c1b7a1b2c3d' })
  requestId: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];
}
