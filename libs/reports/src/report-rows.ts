import {
  CoverageReportDto,
  PortfolioReportDto,
  PpsReportDto,
  RankingReportDto,
} from './dto/report.dto';
import { electiveHasModule, hasMaterial } from '@bouwsteen/qualifications/pure';
import { ILLUSTRATIVE_NOTE } from './coverage-report';

/** The one table of each report that a spreadsheet wants. */
export function asCsvRows(report: object): Record<string, unknown>[] {
  if ('electives' in report) return coverageRows(report as CoverageReportDto);
  if ('totals' in report) {
    const pps = report as PpsReportDto;
    const overlapOf = new Map(
      pps.overlaps.map((overlap) => [
        overlap.assetId,
        `${overlap.similarTitle} (${overlap.similarPpsName})`,
      ]),
    );
    return pps.assets.map((asset) => ({
      ...asset,
      overlapsWith: overlapOf.get(asset.assetId) ?? '',
    }));
  }
  if ('portfolio' in report) {
    return (report as PortfolioReportDto).portfolio.map(({ byKind, ...totals }) => ({
      ...totals,
      ...byKind,
    }));
  }
  return (report as RankingReportDto).assets.map((asset) => ({ ...asset }));
}

/**
 * Coverage: one row per qualification, then per keuzedeel, with what serves it in the province
 * and everywhere, and the flags of coverage-rules.ts as the report computed them. On the
 * illustrative reference set every row says so (a note column rather than a line above the
 * header, so a spreadsheet still reads the first line as the columns).
 */
function coverageRows(coverage: CoverageReportDto): Record<string, unknown>[] {
  const note = coverage.illustrative ? { note: ILLUSTRATIVE_NOTE } : {};
  return [
    ...coverage.qualifications.items.map((row) => ({
      type: 'kwalificatie',
      code: row.crebo,
      title: row.title,
      level: row.level ?? '',
      dossier: row.dossierTitle,
      current: row.current,
      curricula: row.curricula,
      modules: row.modules,
      covered: hasMaterial(row),
      gap: row.gap,
      nationalCurricula: row.national.curricula,
      nationalModules: row.national.modules,
      servedElsewhere: row.servedElsewhere,
      qualifications: '',
      ...note,
    })),
    ...coverage.electives.items.map((row) => ({
      type: 'keuzedeel',
      code: row.code,
      title: row.title,
      level: '',
      dossier: '',
      current: row.current,
      curricula: 0,
      modules: row.modules,
      covered: electiveHasModule(row),
      gap: row.gap,
      nationalCurricula: 0,
      nationalModules: row.nationalModules,
      servedElsewhere: row.servedElsewhere,
      qualifications: row.qualificationCount,
      ...note,
    })),
  ];
}
