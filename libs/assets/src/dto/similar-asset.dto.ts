import { ApiProperty } from '@nestjs/swagger';

export class SimilarityReasonDto {
  @ApiProperty({
    enum: [
      'learning-outcomes',
      'words',
      'synonyms',
      'compounds',
      'level',
      'qualification',
      'semantic',
    ],
    example: 'synonyms',
  })
  type: string;

  @ApiProperty({ example: 'same meaning: mkb = kleine bedrijven' })
  detail: string;

  @ApiProperty({
    type: [String],
    example: ['mkb = kleine bedrijven'],
    description:
      'What both share: words as the asked text writes them, "a = b" for thesaurus synonyms, "a ~ b" for compounds sharing a part, level codes, crebo codes, or the vector similarity (0..1) when an embedder is configured',
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
