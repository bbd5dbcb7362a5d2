import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { HasText, MaxLength } from '@bouwsteen/common/pure';
import { PageMetaDto } from '@bouwsteen/common';
import {
  REPORT_REASON_MAX,
  REVIEW_PATHWAYS,
  REVIEW_SETTINGS,
  REVIEW_TEXT_MAX,
  REVIEW_USES,
  RUBRIC_MAX,
  RUBRIC_MIN,
  type ReviewPathway,
  type ReviewSummary,
  type ReviewSetting,
  type ReviewUse,
} from '../review-rules';

/** A rubric item: a whole number from 1 (poor) to 5 (excellent). */
function Rubric(description: string): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ minimum: RUBRIC_MIN, maximum: RUBRIC_MAX, example: 4, description })(target, key);
    IsInt()(target, key);
    Min(RUBRIC_MIN)(target, key);
    Max(RUBRIC_MAX)(target, key);
  };
}

/** A review: the short structured form first, then (optionally) free text. */
export class ReviewInputDto {
  @ApiProperty({ enum: REVIEW_USES, example: 'used', description: 'Used it in class, or read it' })
  @IsIn(REVIEW_USES)
  use: ReviewUse;

  @ApiProperty({ minimum: 1, maximum: 4, example: 3, description: 'mbo level (niveau 1–4)' })
  @IsInt()
  @Min(1)
  @Max(4)
  level: number;

  @ApiProperty({ enum: REVIEW_PATHWAYS, example: 'bol', description: 'BOL or BBL' })
  @IsIn(REVIEW_PATHWAYS)
  pathway: ReviewPathway;

  @ApiProperty({
    enum: REVIEW_SETTINGS,
    example: 'school',
    description: 'At school, or in practice',
  })
  @IsIn(REVIEW_SETTINGS)
  setting: ReviewSetting;

  @Rubric('Bruikbaarheid: how well it works in class as it is')
  usability: number;

  @Rubric('Kwaliteit: content and form')
  quality: number;

  @Rubric('Aanpasbaarheid: how easily it is adapted to one’s own group')
  adaptability: number;

  @ApiPropertyOptional({
    maxLength: REVIEW_TEXT_MAX,
    example: 'Goed bruikbaar in leerjaar 2; de opdrachten heb ik iets ingekort.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(REVIEW_TEXT_MAX)
  body?: string;
}

export class ReplyInputDto {
  @ApiProperty({
    maxLength: REVIEW_TEXT_MAX,
    example: 'Dank u! De ingekorte versie delen we graag.',
    pattern: '\\S',
    description: 'Text: not empty, not only white space',
  })
  @IsString()
  @HasText()
  @MaxLength(REVIEW_TEXT_MAX)
  body: string;
}

export class ReportInputDto {
  @ApiProperty({
    maxLength: REPORT_REASON_MAX,
    example: 'Bevat persoonsgegevens van een student.',
    pattern: '\\S',
    description: 'Why: not empty, not only white space',
  })
  @IsString()
  @HasText()
  @MaxLength(REPORT_REASON_MAX)
  reason: string;
}

export class ReviewReplyDto {
  @ApiProperty({ example: 'Dank u! De ingekorte versie delen we graag.' }) body: string;
  @ApiProperty({ format: 'date-time' }) repliedAt: string;
}

export class ReviewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) assetId: string;
  @ApiProperty({ enum: REVIEW_USES }) use: ReviewUse;
  @ApiProperty({ minimum: 1, maximum: 4 }) level: number;
  @ApiProperty({ enum: REVIEW_PATHWAYS }) pathway: ReviewPathway;
  @ApiProperty({ enum: REVIEW_SETTINGS }) setting: ReviewSetting;
  @ApiProperty({ minimum: 1, maximum: 5 }) usability: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) quality: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) adaptability: number;
  @ApiProperty({ type: String, nullable: true }) body: string | null;
  @ApiProperty({ type: ReviewReplyDto, nullable: true }) reply: ReviewReplyDto | null;
  @ApiProperty({
    description: 'Hidden by the owning PPS after a report (shown only to its author)',
  })
  hidden: boolean;
  @ApiProperty({ example: 1, description: 'Also the ETag; send it as If-Match to edit' })
  revision: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class LevelCountDto {
  @ApiProperty({ example: 3 }) value: number;
  @ApiProperty({ example: 9 }) count: number;
}

export class ContextCountDto {
  @ApiProperty({ example: 'bol' }) value: string;
  @ApiProperty({ example: 10 }) count: number;
}

export class RubricAveragesDto {
  @ApiProperty({ example: 4.2 }) usability: number;
  @ApiProperty({ example: 3.9 }) quality: number;
  @ApiProperty({ example: 3.5 }) adaptability: number;
}

export class ReviewSummaryDto {
  @ApiProperty({ example: 12, description: 'Visible reviews' }) total: number;
  @ApiProperty({ example: 10, description: 'Of those, declaring the block was used' })
  used: number;
  @ApiProperty({ example: 2, description: 'Of those, by people who read it' }) read: number;
  @ApiProperty({ type: RubricAveragesDto, nullable: true, description: 'null without reviews' })
  averages: RubricAveragesDto | null;
  @ApiProperty({ type: [LevelCountDto], description: 'Per mbo level, most first' })
  byLevel: LevelCountDto[];
  @ApiProperty({ type: [ContextCountDto], description: 'Per BOL/BBL, most first' })
  byPathway: ContextCountDto[];
  @ApiProperty({ type: [ContextCountDto], description: 'Per school/practice, most first' })
  bySetting: ContextCountDto[];
}

export class ReviewListDto extends PageMetaDto {
  @ApiProperty({ type: ReviewSummaryDto }) summary: ReviewSummary;
  @ApiProperty({ type: [ReviewDto], description: 'Visible reviews, most recently changed first' })
  items: ReviewDto[];
}

export class ReviewReportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) reviewId: string;
  @ApiProperty({ format: 'uuid' }) assetId: string;
  @ApiProperty({ example: 'Veilig werken met de reachtruck' }) assetTitle: string;
  @ApiProperty({ example: 'Bevat persoonsgegevens van een student.' }) reason: string;
  @ApiProperty({ type: String, nullable: true }) reviewBody: string | null;
  @ApiProperty() reviewHidden: boolean;
  @ApiProperty({ format: 'date-time' }) reportedAt: string;
}
