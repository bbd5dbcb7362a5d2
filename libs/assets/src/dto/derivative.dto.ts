import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { SimilarAssetDto } from './similar-asset.dto';
import { AssetDto } from './asset.dto';

export class DeriveAssetDto {
  @ApiProperty({ format: 'uuid', description: 'Your PPS, which will own the derivative draft' })
  @IsUUID()
  ppsId: string;
}

export class DerivativeDto extends AssetDto {
  @ApiProperty({
    type: [String],
    example: [
      'attribution: name the source and its PPS wherever the derivative is used',
      'non-commercial: not for use in paid courses or offerings',
    ],
  })
  licenseNotes: string[];
}

export class LineageNodeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'module' })
  kind: string;

  @ApiProperty({ example: 'E-learning Veilig werken met cobots' })
  title: string;

  @ApiProperty({ example: 'published' })
  status: string;

  @ApiProperty({ example: 'Techport mbo' })
  ppsName: string;

  @ApiProperty({ example: 1, description: 'Distance from the asset asked about' })
  depth: number;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The asset this one is based on',
  })
  basedOnAssetId: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 2,
    description: 'The version of that asset it is based on',
  })
  basedOnVersion: number | null;
}

export class LineageDto {
  @ApiProperty({
    type: [LineageNodeDto],
    description: 'What this asset is based on, nearest first',
  })
  ancestors: LineageNodeDto[];

  @ApiProperty({
    type: [LineageNodeDto],
    description: 'Everything derived from it, directly or further down',
  })
  descendants: LineageNodeDto[];
}

export class AssetWithSimilarDto extends AssetDto {
  @ApiProperty({
    type: [SimilarAssetDto],
    description:
      'Published assets of other PPS that probably cover the same ground: every finding above the threshold, best first, at most 20, with reasons',
  })
  similar: SimilarAssetDto[];

  @ApiProperty({
    example: true,
    description:
      'false when the search engine could not be asked (an outage): then an empty "similar" means "not checked", not "nothing like this exists"',
  })
  similarChecked: boolean;
}
