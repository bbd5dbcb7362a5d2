import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class RefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Techport mbo' })
  name: string;
}

class GeoPointDto {
  @ApiProperty({ example: 52.47 })
  lat: number;

  @ApiProperty({ example: 4.63 })
  lng: number;
}

export class SearchHitDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'module' })
  kind: string;

  @ApiProperty({ example: 'E-learning Veilig werken met cobots' })
  title: string;

  @ApiProperty({
    example: 'Online module over risicoanalyse en veilig samenwerken met collaboratieve robots…',
  })
  summary: string;

  @ApiProperty({
    example: {
      title: 'E-learning Veilig werken met <mark>cobots</mark>',
      summary: '…samenwerken met collaboratieve <mark>robots</mark>…',
    },
  })
  highlights: { title: string; summary: string };

  @ApiProperty({ type: RefDto })
  pps: RefDto;

  @ApiProperty({ type: RefDto })
  leadInstitution: RefDto;

  @ApiProperty({ type: [String], example: ['noord-holland'] })
  provinces: string[];

  @ApiProperty({ type: [String], example: ['mbo-3'] })
  levels: string[];

  @ApiPropertyOptional({ type: Number, nullable: true, example: 8 })
  studyLoadHours: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 19500,
    description: 'Price per participant in euro cents, excl. VAT (modules that name one)',
  })
  priceCents: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'micro-credential' })
  certification: string | null;

  @ApiProperty({ type: [String], example: ['online'] })
  deliveryModes: string[];

  @ApiProperty({ example: 'CC-BY-SA-4.0', description: 'licenses code: what reuse it allows' })
  license: string;

  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty({ example: 0 })
  reuseCount: number;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiPropertyOptional({ type: GeoPointDto })
  location?: GeoPointDto;

  @ApiPropertyOptional({ example: 1240, description: 'Metres from lat/lng, when given' })
  distanceMeters?: number;
}

export class SearchResultDto {
  @ApiProperty({ type: [SearchHitDto] })
  hits: SearchHitDto[];

  @ApiProperty({
    example: { kind: { module: 12, curriculum: 3 } },
    description: 'Counts per value of each requested facet',
  })
  facets: Record<string, Record<string, number>>;

  @ApiProperty({ example: 15 })
  totalHits: number;

  @ApiProperty({ example: 1 })
  totalPages: number;

  @ApiProperty({ example: 1 })
  pageNumber: number;

  @ApiProperty({ example: 20 })
  pageSize: number;

  @ApiProperty({ example: 4, description: "Meilisearch's own processing time" })
  processingTimeMs: number;
}
