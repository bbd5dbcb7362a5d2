import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type as TransformType } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { PageMetaDto } from '@bouwsteen/common';
import { SEARCH_ANALYTICS_PERIODS, SearchAnalyticsPeriod } from '../usage-rules';

export class BlockUsageDto {
  @ApiProperty({ format: 'uuid' }) assetId: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Views of its page this calendar month (one per person a day)' })
  viewsThisMonth: number;
  @ApiProperty() viewsLastMonth: number;
  @ApiProperty({ description: 'Clicks through to its material this month' })
  clicksThisMonth: number;
  @ApiProperty() clicksLastMonth: number;
  @ApiProperty({ description: 'Requests for its material, all time' }) requests: number;
  @ApiProperty({ description: 'Reuse records, all time' }) reuses: number;
  @ApiProperty({ description: 'Courses that hold it' }) courses: number;
  @ApiProperty({ description: 'Visible reviews' }) reviews: number;
  @ApiProperty() followers: number;
}

export class ReferrerDto {
  @ApiProperty({ example: 'www.techport.nl', description: 'The referring host only' })
  host: string;
  @ApiProperty() views: number;
}

export class UsageDashboardDto extends PageMetaDto {
  @ApiProperty({
    type: [BlockUsageDto],
    description: 'The PPS’s published and archived blocks by title',
  })
  items: BlockUsageDto[];
  @ApiProperty({ format: 'date', description: 'First day of this month' }) month: string;
  @ApiProperty({ format: 'date' }) previousMonth: string;
  @ApiProperty({
    type: [ReferrerDto],
    description: 'Where views came from this month and the last',
  })
  referrers: ReferrerDto[];
}

export class SearchAnalyticsQueryDto {
  @ApiPropertyOptional({ enum: SEARCH_ANALYTICS_PERIODS, default: SEARCH_ANALYTICS_PERIODS[0] })
  @IsOptional()
  @TransformType(() => Number)
  @IsIn(SEARCH_ANALYTICS_PERIODS)
  days?: SearchAnalyticsPeriod;
}

export class QueryFigureDto {
  @ApiProperty({ description: 'Normalised words, as searched on /zoeken' }) query: string;
  @ApiProperty() searches: number;
  @ApiProperty() zeroResults: number;
  @ApiProperty() poorResults: number;
}

export class ZeroResultFigureDto {
  @ApiProperty() query: string;
  @ApiProperty({ description: 'A province code, or empty for searches without one' })
  province: string;
  @ApiProperty({ description: 'A sector code, or empty' }) sector: string;
  @ApiProperty() searches: number;
}

export class PoorWordDto {
  @ApiProperty() word: string;
  @ApiProperty() searches: number;
}

export class SearchAnalyticsDto {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ enum: SEARCH_ANALYTICS_PERIODS }) days: number;
  @ApiProperty({ type: [QueryFigureDto] }) topQueries: QueryFigureDto[];
  @ApiProperty({ type: [ZeroResultFigureDto] }) zeroResults: ZeroResultFigureDto[];
  @ApiProperty({ type: [PoorWordDto] }) poorWords: PoorWordDto[];
}
