import { Injectable } from '@nestjs/common';
import type { Principal } from '@bouwsteen/auth';
import { ForbiddenError } from '@bouwsteen/common';
import { QueryFigure, SearchLogRepository, ZeroResultFigure } from './search-log.repository';
import { MIN_SEARCHERS_SHOWN, usageDay } from './usage-rules';
import { UsagePolicy } from './usage.policy';

const SHOWN = 50;

export interface SearchAnalytics {
  /** The first day counted (YYYY-MM-DD), `days` before today. */
  from: string;
  days: number;
  topQueries: QueryFigure[];
  zeroResults: ZeroResultFigure[];
  poorWords: { word: string; searches: number }[];
}

/**
 * The region's search analytics, from the per-day counts: most searched words, searches that
 * found nothing per province and sector (by the filters used: a search filtered by a province
 * counts there; one without counts under "every province"), and the words most searched
 * without a good result (at most POOR_RESULT_HITS hits); each only once MIN_SEARCHERS_SHOWN
 * distinct visitors searched it. For UsagePolicy.mayReadSearchAnalytics.
 */
@Injectable()
export class SearchAnalyticsService {
  constructor(private readonly searches: SearchLogRepository) {}

  async report(principal: Principal | undefined, days: number): Promise<SearchAnalytics> {
    if (!UsagePolicy.mayReadSearchAnalytics(principal))
      throw new ForbiddenError('Only admins and PPS leads read the search analytics');
    const from = usageDay(new Date(Date.now() - (days - 1) * 86_400_000));
    const [topQueries, zeroResults, poorWords] = await Promise.all([
      this.searches.topQueries(from, MIN_SEARCHERS_SHOWN, SHOWN),
      this.searches.zeroResults(from, MIN_SEARCHERS_SHOWN, SHOWN),
      this.searches.poorWords(from, MIN_SEARCHERS_SHOWN, SHOWN),
    ]);
    return { from, days, topQueries, zeroResults, poorWords };
  }
}
