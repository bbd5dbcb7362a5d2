import { ApiProperty } from '@nestjs/swagger';

export class SimilarityReasonDto {
  @ApiProperty({
    enum: ['learning-outcomes', 'keywords', 'title', 'summary', 'level', 'qualification'],
    example: 'learning-outcomes',
  })
  type: string;

  @ApiProperty({ example: 'shared in learning outcomes: risicoanalyse, cobot, veiligheidszon' })
  detail: string;

  @ApiProperty({
    type: [String],
    example: ['risicoanalyse', 'cobot'],
    description: 'What both share: words (stemmed), level codes or crebo codes',
  })
  terms: string[];
}

class SimilarPpsDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Fieldlab Robotica NH' })
  name: string;
}

export class SimilarAssetDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'module' })
  kind: string;

  @ApiProperty({ example: 'Samenwerken met robots: veiligheid bij cobots' })
  title: string;

  @ApiProperty({ type: SimilarPpsDto })
  pps: SimilarPpsDto;

  @ApiProperty({ example: 0.62, description: '0..1; 0.3 and up is reported' })
  score: number;

  @ApiProperty({ type: [SimilarityReasonDto] })
  reasons: SimilarityReasonDto[];
}
