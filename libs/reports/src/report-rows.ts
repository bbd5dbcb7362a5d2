import { PortfolioReportDto, PpsReportDto, RankingReportDto } from './dto/report.dto';

/** The one table of each report that a spreadsheet wants. */
export function asCsvRows(report: object): Record<string, unknown>[] {
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
