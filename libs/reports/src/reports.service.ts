import { Injectable } from '@nestjs/common';
import {
  Clock,
  NotFoundError,
  TtlCache,
  ValidationFailedError,
  unknownCode,
} from '@bouwsteen/common';
import {
  SearchDocumentsRepository,
  SearchUnavailableError,
  SimilarityService,
  documentFeatures,
} from '@bouwsteen/search';
import { QualificationsService } from '@bouwsteen/qualifications';
import { TaxonomyService } from '@bouwsteen/taxonomy';
import {
  AssetReuseDto,
  CoverageReportDto,
  HeadlineDto,
  OverlapDto,
  PortfolioReportDto,
  PpsReportDto,
  PpsTotalsDto,
  RankingReportDto,
  ReuseLinkPageDto,
} from './dto/report.dto';
import {
  AssetReuse,
  NetworkEdge,
  PpsScope,
  PpsTotals,
  ReportsRepository,
} from './reports.repository';
import { OrganisationError } from '@bouwsteen/organisations';
import { coverageReport } from './coverage-report';

/** The published assets of a report whose overlaps are looked for (the most recent first). */
const OVERLAP_ASSETS = 100;
/** Overlaps change only when assets are published; reports may show them a few minutes late. */
const OVERLAP_TTL_MS = 10 * 60_000;
/** A page of a PPS's reuse list, and the most pages anyone may ask for (bounded offsets). */
const REUSE_PAGE_SIZE = 20;
const REUSE_MAX_PAGE = 500;

interface Overlaps {
  overlaps: OverlapDto[];
  overlapsChecked: boolean;
}

/**
 * What funders, lead institutions and provinces ask: who reuses what, how much a PPS builds on
 * existing work, and where PPS overlap. Overlaps use the same similarity check as new drafts.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly documents: SearchDocumentsRepository,
    private readonly similarity: SimilarityService,
    private readonly taxonomy: TaxonomyService,
    private readonly qualifications: QualificationsService,
    private readonly clock: Clock,
  ) {}

  /**
   * Report endpoints are public, and overlaps cost one similarity check per asset: they are
   * computed in one batch and cached per scope, so repeated requests cost nothing.
   */
  private readonly overlapCache = new TtlCache<Overlaps>(OVERLAP_TTL_MS, 500, () =>
    this.clock.now().getTime(),
  );

  async pps(id: string): Promise<PpsReportDto> {
    const reuse = await this.ppsReuse(id);
    const [headline, overlaps] = await Promise.all([
      this.headline({ ppsId: id }),
      this.overlaps([id], undefined),
    ]);
    return { ...reuse, headline, ...overlaps };
  }

  /**
   * The PPS report without its headline figures and overlaps: no search engine needed, cheap
   * enough for every page view.
   */
  async ppsReuse(
    id: string,
  ): Promise<Omit<PpsReportDto, 'headline' | 'overlaps' | 'overlapsChecked'>> {
    const pps = await this.reports.pps(id);
    if (!pps) throw new NotFoundError(OrganisationError.PpsNotFound, 'pps', id);
    const [totals] = await this.reports.totals({ ppsId: id });
    const assets = await this.reports.assetReuse({ ppsId: id }, 500);
    return {
      pps: { id: pps.id, name: pps.name, leadInstitution: pps.leadName, provinces: pps.provinces },
      totals: toTotals(totals),
      assets: assets.map(toAssetReuse),
    };
  }

  async leadInstitution(organisationId: string): Promise<PortfolioReportDto> {
    const organisation = await this.reports.organisation(organisationId);
    if (!organisation)
      throw new NotFoundError(OrganisationError.NotFound, 'organisation', organisationId);
    const [portfolio, headline] = await Promise.all([
      this.reports.totals({ leadOrganisationId: organisationId }),
      this.headline({ leadOrganisationId: organisationId }),
    ]);
    const ppsIds = portfolio.map((row) => row.ppsId);
    return {
      scope: organisation,
      headline,
      portfolio: portfolio.map(toTotals),
      ...(ppsIds.length > 1
        ? await this.overlaps(ppsIds, new Set(ppsIds))
        : { overlaps: [], overlapsChecked: true }),
      crossovers: await this.reports.crossovers(ppsIds),
    };
  }

  async province(code: string): Promise<PortfolioReportDto> {
    const term = await this.taxonomy.term('provinces', code);
    if (!term) throw new ValidationFailedError([unknownCode('province', 'provinces', code)]);
    const [portfolio, headline] = await Promise.all([
      this.reports.totals({ province: code }),
      this.headline({ province: code }),
    ]);
    const ppsIds = portfolio.map((row) => row.ppsId);
    return {
      scope: { id: term.code, name: term.label },
      headline,
      portfolio: portfolio.map(toTotals),
      overlaps: [],
      overlapsChecked: true,
      crossovers: await this.reports.crossovers(ppsIds),
    };
  }

  /**
   * "Dekking" in a province: every qualification and keuzedeel of the structure with how much
   * listed material PPS working there made for it, and over every PPS; the rules and the split
   * of the gaps are coverage-report.ts's.
   */
  async coverage(code: string): Promise<CoverageReportDto> {
    const term = await this.taxonomy.term('provinces', code);
    if (!term) throw new ValidationFailedError([unknownCode('province', 'provinces', code)]);
    const [qualifications, electives, illustrative] = await Promise.all([
      this.qualifications.coverageOfQualifications({ province: code }),
      this.qualifications.coverageOfElectives({ province: code }),
      this.qualifications.onlyReference(),
    ]);
    // Which qualifications each keuzedeel belongs to: one query, after the keuzedelen are known.
    const crebosOfElectives = await this.qualifications.crebosOfElectives(
      electives.map((row) => row.code),
    );
    return coverageReport({
      scope: { id: term.code, name: term.label },
      qualifications,
      electives,
      crebosOfElectives,
      illustrative,
    });
  }

  /**
   * The region's reuse network: which PPS build on which (bounded to the strongest links); with
   * `ppsIds`, only the links between those PPS.
   */
  network(limit = 200, ppsIds?: string[]): Promise<NetworkEdge[]> {
    return this.reports.network(Math.min(limit, 500), ppsIds);
  }

  /** The figures at the top of a report, for one PPS, a portfolio or the whole region. */
  async headline(scope: PpsScope): Promise<HeadlineDto> {
    const row = await this.reports.headline(scope, this.clock.now());
    return {
      published: row.published,
      reusedByOthers: row.reusedByOthers,
      blocksReused: row.blocksReused,
      reusedShare:
        row.published === 0 ? 0 : Math.round((row.blocksReused / row.published) * 100) / 100,
      newThisQuarter: row.newThisQuarter,
      declaredUse: row.declaredUse,
      quarterStart: new Date(row.quarterStart).toISOString(),
    };
  }

  /**
   * One page (from 1) of what a PPS reused from others ('from') or of who reused its blocks
   * ('by'), newest first. A page past the end is empty, with the total to page back.
   */
  async reuseLinks(ppsId: string, direction: 'from' | 'by', page = 1): Promise<ReuseLinkPageDto> {
    const wanted = Number.isInteger(page) ? Math.min(Math.max(page, 1), REUSE_MAX_PAGE) : 1;
    const { rows, total } = await this.reports.reuseLinks(
      ppsId,
      direction,
      REUSE_PAGE_SIZE,
      (wanted - 1) * REUSE_PAGE_SIZE,
    );
    return {
      items: rows.map((row) => ({ ...row, recordedAt: new Date(row.recordedAt).toISOString() })),
      total,
      page: wanted,
      pageSize: REUSE_PAGE_SIZE,
    };
  }

  /** The region-wide ranking, with the region's headline figures. */
  async ranking(limit = 25): Promise<RankingReportDto> {
    const [headline, assets, adopters] = await Promise.all([
      this.headline({ region: true }),
      this.reports.assetReuse({ reusedOnly: true }, limit),
      this.reports.adopters(limit),
    ]);
    return { headline, assets: assets.map(toAssetReuse), adopters };
  }

  /**
   * For each published asset of `ppsIds` (at most OVERLAP_ASSETS), every asset of another PPS
   * it is similar to (restricted to `within` when given), deduplicated so a pair is listed once.
   */
  private overlaps(ppsIds: string[], within: Set<string> | undefined): Promise<Overlaps> {
    const key = `${[...ppsIds].sort().join(',')}|${within ? 'within' : 'all'}`;
    return this.overlapCache
      .get(key, () => this.computeOverlaps(ppsIds, within))
      .catch((error: unknown) => {
        if (error instanceof SearchUnavailableError)
          return { overlaps: [], overlapsChecked: false };
        throw error;
      });
  }

  private async computeOverlaps(
    ppsIds: string[],
    within: Set<string> | undefined,
  ): Promise<Overlaps> {
    const assets = await this.reports.publishedAssetIds(ppsIds, OVERLAP_ASSETS);
    const documents = await this.documents.documents(assets);
    const found = await this.similarity.similarMany(
      documents.map((document) => ({
        ...documentFeatures(document),
        kind: document.kind,
        excludePpsId: document.ppsId,
        excludeAssetId: document.id,
      })),
    );
    // Every finding of every block is an overlap (not only its best: a block like two others
    // overlaps with both); a pair found from both sides is listed once.
    const result: OverlapDto[] = [];
    const seen = new Set<string>();
    documents.forEach((document, index) => {
      // A near-identical copy by a third PPS (grouped under its finding) overlaps as well.
      for (const match of found[index].flatMap((lead) => [lead, ...lead.alsoPublishedBy])) {
        if (within && !within.has(match.pps.id)) continue;
        const pair = [document.id, match.id].sort().join('|');
        if (seen.has(pair)) continue;
        seen.add(pair);
        result.push({
          assetId: document.id,
          title: document.title,
          ppsName: document.ppsName,
          similarAssetId: match.id,
          similarTitle: match.title,
          similarPpsName: match.pps.name,
          score: match.score,
        });
      }
    });
    return { overlaps: result.sort((a, b) => b.score - a.score), overlapsChecked: true };
  }
}

function toTotals(row: PpsTotals): PpsTotalsDto {
  const { curriculum, module, infrastructure, practice, ...totals } = row;
  return {
    ...totals,
    byKind: { curriculum, module, infrastructure, practice },
    buildsOnExistingShare:
      row.assets === 0 ? 0 : Math.round((row.derivatives / row.assets) * 100) / 100,
  };
}

function toAssetReuse({ ppsId: _ppsId, ...row }: AssetReuse): AssetReuseDto {
  return row;
}
