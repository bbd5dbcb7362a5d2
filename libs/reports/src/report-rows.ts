import {
  CoverageReportDto,
  PortfolioReportDto,
  PpsReportDto,
  RankingReportDto,
} from './dto/report.dto';

/** The one table of each report that a spreadsheet wants. */
export function asCsvRows(report: object): Record<string, unknown>[] {
  if ('electives' in report) {
    // Coverage: one row per qualification, then per keuzedeel, with what serves it.
    const coverage = report as CoverageReportDto;
    return [
      ...coverage.qualifications.items.map((row) => ({
        type: 'kwalificatie',
        code: row.crebo,
        title: row.title,
        level: row.level ?? '',
        dossier: row.dossierTitle,
        curricula: row.curricula,
        modules: row.modules,
        covered: row.curricula + row.modules > 0,
      })),
      ...coverage.electives.items.map((row) => ({
        type: 'keuzedeel',
        code: row.code,
        title: row.title,
        level: '',
        dossier: '',
        curricula: 0,
        modules: row.modules,
        covered: row.modules > 0,
      })),
    ];
  }
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
