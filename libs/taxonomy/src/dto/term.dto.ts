import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class TermDto {
  @ApiProperty({ example: 'mbo-3' })
  code: string;

  @ApiProperty({ example: 'mbo niveau 3' })
  label: string;

  @ApiPropertyOptional({ example: 'mbo level 3', nullable: true, type: String })
  labelEn: string | null;

  @ApiProperty({ example: { nlqf: 3 }, type: 'object', additionalProperties: true })
  attributes: Record<string, unknown>;
}

export class VocabularyDto {
  @ApiProperty({ example: 'educationLevels' })
  name: string;

  @ApiProperty({ type: [TermDto] })
  terms: TermDto[];
}
