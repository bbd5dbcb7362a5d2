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

/** A near-identical copy of a finding, published by another PPS. */
export class SimilarSiblingDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Veilig werken met cobots' })
  title: string;

  @ApiProperty({ type: SimilarPpsDto, description: 'The PPS that published this copy' })
  pps: SimilarPpsDto;

  @ApiProperty({ example: 0.58, description: 'Its own score against the asked text, 0..1' })
  score: number;
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

  @ApiProperty({
    example: 0.62,
    description: '0..1 against the asked text; every candidate from 0.12 is a finding, best first',
  })
  score: number;

  @ApiProperty({ type: [SimilarityReasonDto] })
  reasons: SimilarityReasonDto[];

  @ApiProperty({
    type: [SimilarSiblingDto],
    description:
      'The same block as published by other PPS: findings near-identical to this one (their profiles score 0.7 or more against each other), listed here instead of as findings of their own; a limit counts this finding and its copies as one. Empty when there are none',
  })
  alsoPublishedBy: SimilarSiblingDto[];
}
