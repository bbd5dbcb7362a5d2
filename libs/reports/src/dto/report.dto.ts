import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class ReportFormatQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

/**
 * The figures at the top of every report page (published, reused by others, the share reused,
 * new this quarter), for the report's scope: the same numbers the page shows.
 */
export class HeadlineDto {
  @ApiProperty({ example: 32, description: 'Listed building blocks: published, not archived' })
  published: number;
  @ApiProperty({
    example: 14,
    description: 'Reuse records of those blocks by another PPS or organisation',
  })
  reusedByOthers: number;
  @ApiProperty({ example: 9, description: 'Of those blocks, how many were reused at least once' })
  blocksReused: number;
  @ApiProperty({ example: 0.28, description: 'blocksReused / published (0 when none)' })
  reusedShare: number;
  @ApiProperty({
    example: 4,
    description: 'Of those blocks, how many were first published since quarterStart',
  })
  newThisQuarter: number;
  @ApiProperty({
    example: 6,
    description:
      'Declared use: reviews of those blocks by teachers saying they used it (visible ones). Declared, not recorded: a lower bound of use beside the reuse records',
  })
  declaredUse: number;
  @ApiProperty({
    example: '2026-09-30T22:00:00.000Z',
    description: 'Start of the current calendar quarter, Dutch time',
  })
  quarterStart: string;
}

export class KindCountsDto {
  @ApiProperty({ example: 2 }) curriculum: number;
  @ApiProperty({ example: 5 }) module: number;
  @ApiProperty({ example: 1 }) infrastructure: number;
  @ApiProperty({ example: 2 }) practice: number;
}

export class PpsTotalsDto {
  @ApiProperty({ format: 'uuid' }) ppsId: string;
  @ApiProperty({ example: 'Techport mbo' }) ppsName: string;
  @ApiProperty({ example: 10, description: 'Published and archived assets' }) assets: number;
  @ApiProperty({ type: KindCountsDto }) byKind: KindCountsDto;
  @ApiProperty({ example: 7, description: 'Reuse records of its assets by others' })
  reusesReceived: number;
  @ApiProperty({ example: 3, description: 'Reuse records it made of others’ assets' })
  reusesMade: number;
  @ApiProperty({ example: 2, description: 'Its assets derived from another PPS’s asset' })
  derivatives: number;
  @ApiProperty({
    example: 0.2,
    description: 'derivatives / assets: how much it builds on what exists',
  })
  buildsOnExistingShare: number;
}

export class AssetReuseDto {
  @ApiProperty({ format: 'uuid' }) assetId: string;
  @ApiProperty({ example: 'Veilig werken met de reachtruck' }) title: string;
  @ApiProperty({ example: 'module' }) kind: string;
  @ApiProperty({ example: 'House of Logistics' }) ppsName: string;
  @ApiProperty({ example: 3, description: 'Distinct adopters' }) reuseCount: number;
  @ApiProperty({ example: 4 }) reuseRecords: number;
  @ApiProperty({ type: [String], example: ['Lelytalent', 'Techport mbo'] }) adopters: string[];
}

export class OverlapDto {
  @ApiProperty({ format: 'uuid' }) assetId: string;
  @ApiProperty({ example: 'E-learning Veilig werken met cobots' }) title: string;
  @ApiProperty({ example: 'Techport mbo' }) ppsName: string;
  @ApiProperty({ format: 'uuid' }) similarAssetId: string;
  @ApiProperty({ example: 'Samenwerken met robots: veiligheid bij cobots' }) similarTitle: string;
  @ApiProperty({ example: 'Fieldlab Robotica NH' }) similarPpsName: string;
  @ApiProperty({ example: 0.52 }) score: number;
}

export class CrossoverDto {
  @ApiProperty({ example: 'House of Digital', description: 'Owner of the asset' }) fromPps: string;
  @ApiProperty({ example: 'House of Logistics', description: 'PPS that reused it' }) toPps: string;
  @ApiProperty({ example: 'Data-analyse met Python voor het mbo' }) assetTitle: string;
  @ApiProperty({ example: 'adapted' }) mode: string;
}

export class PpsReportDto {
  @ApiProperty({
    example: {
      id: '5d1f3c1e-8b9a-4a51-9f7b-2c3e4d5f6a7b',
      name: 'Techport mbo',
      leadInstitution: 'Nova College',
      provinces: ['noord-holland'],
    },
  })
  pps: { id: string; name: string; leadInstitution: string; provinces: string[] };
  @ApiProperty({
    type: HeadlineDto,
    description: 'The figures at the top of the report page, for this PPS',
  })
  headline: HeadlineDto;
  @ApiProperty({ type: PpsTotalsDto }) totals: PpsTotalsDto;
  @ApiProperty({
    type: [AssetReuseDto],
    description: 'Its assets, most reused first, with who reuses them',
  })
  assets: AssetReuseDto[];
  @ApiProperty({
    type: [OverlapDto],
    description: 'Its assets that probably overlap with another PPS’s',
  })
  overlaps: OverlapDto[];
  @ApiProperty({
    example: true,
    description:
      'false when the search engine could not be asked: "overlaps" is then empty, not "none found"',
  })
  overlapsChecked: boolean;
}

export class PortfolioReportDto {
  @ApiProperty({
    example: { id: '8f14e45f-ceea-4e6b-9a1d-3b2c1d0e9f8a', name: 'ROC van Amsterdam' },
  })
  scope: { id: string; name: string };
  @ApiProperty({
    type: HeadlineDto,
    description: 'The figures at the top of the report page, for the PPS of this portfolio',
  })
  headline: HeadlineDto;
  @ApiProperty({ type: [PpsTotalsDto] }) portfolio: PpsTotalsDto[];
  @ApiProperty({ type: [OverlapDto], description: 'Overlaps between PPS of this portfolio' })
  overlaps: OverlapDto[];
  @ApiProperty({
    example: true,
    description:
      'false when the search engine could not be asked: "overlaps" is then empty, not "none found"',
  })
  overlapsChecked: boolean;
  @ApiProperty({ type: [CrossoverDto], description: 'Reuse between PPS of this portfolio' })
  crossovers: CrossoverDto[];
}

export class AdopterRankDto {
  @ApiProperty({ format: 'uuid' }) ppsId: string;
  @ApiProperty({ example: 'House of Logistics' }) ppsName: string;
  @ApiProperty({ example: 6 }) reusesMade: number;
  @ApiProperty({ example: 3, description: 'Distinct PPS it reused from' }) sources: number;
}

export class RankingReportDto {
  @ApiProperty({
    type: HeadlineDto,
    description: 'The figures at the top of the report page, for the whole region (every PPS)',
  })
  headline: HeadlineDto;
  @ApiProperty({ type: [AssetReuseDto], description: 'Most reused assets in the region' })
  assets: AssetReuseDto[];
  @ApiProperty({ type: [AdopterRankDto], description: 'PPS that build most on the work of others' })
  adopters: AdopterRankDto[];
}

export class ReuseLinkDto {
  @ApiProperty({ format: 'uuid' }) assetId: string;
  @ApiProperty({ example: 'Veilig werken met de reachtruck' }) title: string;
  @ApiProperty({ example: 'module' }) kind: string;
  @ApiProperty({
    example: 'House of Logistics',
    description: 'The block’s owner (reused from) or the adopter (reused by)',
  })
  otherName: string;
  @ApiProperty({ example: 'adapted' }) mode: string;
  @ApiProperty({ example: '2026-11-02T09:30:00.000Z' }) recordedAt: string;
}

export class ReuseLinkPageDto {
  @ApiProperty({ type: [ReuseLinkDto] }) items: ReuseLinkDto[];
  @ApiProperty({ example: 23 }) total: number;
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 20 }) pageSize: number;
}

export class NationalMaterialDto {
  @ApiProperty({ example: 1 }) curricula: number;
  @ApiProperty({ example: 2 }) modules: number;
}

export class CoveredQualificationDto {
  @ApiProperty({ example: '25831' }) crebo: string;
  @ApiProperty({ example: 'Eerste monteur elektrotechnische installaties' }) title: string;
  @ApiProperty({ example: 3, nullable: true, type: Number }) level: number | null;
  @ApiProperty({ example: 'Elektrotechnische installaties' }) dossierTitle: string;
  @ApiProperty({
    example: true,
    description: 'Still open for intake; a qualification whose intake ended is never a gap',
  })
  current: boolean;
  @ApiProperty({ example: 1, description: 'Listed curricula of PPS in the scope serving it' })
  curricula: number;
  @ApiProperty({ example: 2, description: 'Listed modules of PPS in the scope serving it' })
  modules: number;
  @ApiProperty({
    type: NationalMaterialDto,
    description: 'The same counts over the PPS of every province (what exists elsewhere)',
  })
  national: NationalMaterialDto;
  @ApiProperty({
    example: false,
    description: 'Current, and no curriculum or module of a PPS in the scope serves it',
  })
  gap: boolean;
  @ApiProperty({
    example: false,
    description: 'A gap in the scope for which a PPS elsewhere has material (reuse it)',
  })
  servedElsewhere: boolean;
}

export class CoveredElectiveDto {
  @ApiProperty({ example: 'K0771' }) code: string;
  @ApiProperty({ example: 'Installeren en onderhouden van warmtepompen' }) title: string;
  @ApiProperty({ example: 240, nullable: true, type: Number }) studyLoadSbu: number | null;
  @ApiProperty({
    example: true,
    description: 'Still valid; an expired keuzedeel is never a gap',
  })
  current: boolean;
  @ApiProperty({ example: 1, description: 'Listed modules of PPS in the scope carrying it' })
  modules: number;
  @ApiProperty({ example: 2, description: 'Listed modules of PPS in every province carrying it' })
  nationalModules: number;
  @ApiProperty({ example: false, description: 'Valid, and no module in the scope carries it' })
  gap: boolean;
  @ApiProperty({
    example: false,
    description: 'A gap in the scope for which a PPS elsewhere has a module (reuse it)',
  })
  servedElsewhere: boolean;
  @ApiProperty({ example: 12, description: 'Qualifications it combines with' })
  qualificationCount: number;
  @ApiProperty({
    example: ['25830', '25831'],
    description: 'The first three of those crebos (by crebo); the count says how many in all',
  })
  qualifications: string[];
}

export class QualificationCoverageDto {
  @ApiProperty({
    example: 40,
    description: 'Current qualifications (intake open) in the imported structure',
  })
  total: number;
  @ApiProperty({ example: 12, description: 'Of those, how many a curriculum or module serves' })
  withMaterial: number;
  @ApiProperty({
    example: 20,
    description: 'Of the others (gaps), how many a PPS elsewhere serves: reuse before funding',
  })
  servedElsewhere: number;
  @ApiProperty({ example: 8, description: 'Gaps nobody serves anywhere' })
  nowhere: number;
  @ApiProperty({ example: 2, description: 'Qualifications whose intake ended (not counted)' })
  expired: number;
  @ApiProperty({
    type: [CoveredQualificationDto],
    description: 'Every qualification (expired ones too), by dossier, level and title',
  })
  items: CoveredQualificationDto[];
}

export class ElectiveCoverageDto {
  @ApiProperty({ example: 60, description: 'Valid keuzedelen in the imported structure' })
  total: number;
  @ApiProperty({ example: 5, description: 'Of those, how many a module carries' })
  withModule: number;
  @ApiProperty({
    example: 10,
    description: 'Of the others (gaps), how many a module of a PPS elsewhere carries',
  })
  servedElsewhere: number;
  @ApiProperty({ example: 45, description: 'Gaps no module anywhere carries' })
  nowhere: number;
  @ApiProperty({ example: 3, description: 'Expired keuzedelen (not counted)' })
  expired: number;
  @ApiProperty({ type: [CoveredElectiveDto], description: 'Every keuzedeel, by code' })
  items: CoveredElectiveDto[];
}

/**
 * "Dekking": which mbo qualifications and keuzedelen already have reusable material made by
 * PPS working in a province, and which are gaps — what a region asks before funding new work.
 */
export class CoverageReportDto {
  @ApiProperty({ example: { id: 'flevoland', name: 'Flevoland' } })
  scope: { id: string; name: string };
  @ApiProperty({
    example: false,
    description:
      'The structure is the bundled illustrative reference set, not SBB\'s data ("Voorbeeldgegevens")',
  })
  illustrative: boolean;
  @ApiProperty({ type: QualificationCoverageDto }) qualifications: QualificationCoverageDto;
  @ApiProperty({ type: ElectiveCoverageDto }) electives: ElectiveCoverageDto;
}
