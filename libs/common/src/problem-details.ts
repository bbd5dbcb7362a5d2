import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'module.studyLoad.value' })
  field: string;

  @ApiProperty({ example: 'must not be less than 0' })
  message: string;

  @ApiPropertyOptional({
    example: 'neededToPublish',
    description: 'What went wrong as a code, where the rule gives one',
  })
  code?: string;
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
