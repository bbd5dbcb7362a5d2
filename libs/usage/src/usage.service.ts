import { Injectable } from '@nestjs/common';
import { AssetListQueryDto, AssetsService } from '@bouwsteen/assets';
import type { Principal } from '@bouwsteen/auth';
import { AssetError } from '@bouwsteen/assets';
import { ForbiddenError, NotFoundError, Page, toPage } from '@bouwsteen/common';
import { CoursesService } from '@bouwsteen/courses';
import { FollowService } from '@bouwsteen/follow';
import { RequestsService } from '@bouwsteen/requests';
import { ReuseService } from '@bouwsteen/reuse';
import { ReviewsService } from '@bouwsteen/reviews';
import { TOP_REFERRERS, monthOf, usageDay } from './usage-rules';
import { UsageError } from './usage.errors';
import { UsagePolicy } from './usage.policy';
import { ViewsRepository } from './views.repository';

/** One block's line on its PPS's dashboard (and in the CSV, with the same columns). */
export interface BlockUsage {
  assetId: string;
  title: string;
  viewsThisMonth: number;
  viewsLastMonth: number;
  clicksThisMonth: number;
  clicksLastMonth: number;
  requests: number;
  reuses: number;
  courses: number;
  reviews: number;
  followers: number;
}

export interface UsageDashboard extends Page<BlockUsage> {
  /** The first day of this month and of the month before (YYYY-MM-DD). */
  month: string;
  previousMonth: string;
  /** Hosts views came from, this month and the month before, most first. */
  referrers: { host: string; views: number }[];
}

/** The CSV holds at most this many blocks (a PPS has far fewer). */
export const CSV_MAX_BLOCKS = 5_000;
const CSV_PAGE = 100;

/**
 * What publishers learn from use: per block of a PPS its views (this month and last), link
 * clicks, requests for its material, reuse records, courses holding it, reviews and followers —
 * the last five asked of their own libraries — and where views came from. For that PPS's
 * editors and admins (UsagePolicy); everyone sees a block's public summary.
 */
@Injectable()
export class UsageService {
  constructor(
    private readonly views: ViewsRepository,
    private readonly assets: AssetsService,
    private readonly requests: RequestsService,
    private readonly reuse: ReuseService,
    private readonly courses: CoursesService,
    private readonly reviews: ReviewsService,
    private readonly follow: FollowService,
  ) {}

  /** A page of the PPS's published (and archived) blocks with their figures; 403 for others. */
  async dashboard(
    principal: Principal,
    ppsId: string,
    pageNumber: number,
    pageSize: number,
  ): Promise<UsageDashboard> {
    this.check(principal, ppsId);
    const { month, previousMonth } = months();
    const query = blocksQuery(ppsId, pageNumber, pageSize);
    const [blocks, referrers] = await Promise.all([
      this.assets.list(principal, query, { order: 'title' }),
      this.views.topReferrers(ppsId, previousMonth, TOP_REFERRERS),
    ]);
    const items = await this.figures(blocks.items, month, previousMonth);
    return { ...toPage(items, blocks.totalItems, query), month, previousMonth, referrers };
  }

  /**
   * Every block's line (for the CSV, which the page words with the dashboard's columns), at
   * most CSV_MAX_BLOCKS, with the months they count.
   */
  async everyBlock(
    principal: Principal,
    ppsId: string,
  ): Promise<{ month: string; previousMonth: string; rows: BlockUsage[] }> {
    this.check(principal, ppsId);
    const { month, previousMonth } = months();
    const rows: BlockUsage[] = [];
    for (let page = 1; rows.length < CSV_MAX_BLOCKS; page++) {
      const blocks = await this.assets.list(principal, blocksQuery(ppsId, page, CSV_PAGE), {
        order: 'title',
      });
      rows.push(...(await this.figures(blocks.items, month, previousMonth)));
      if (page >= blocks.totalPages) break;
    }
    return { month, previousMonth, rows: rows.slice(0, CSV_MAX_BLOCKS) };
  }

  /** A block's unique views this month, for everyone (its page's small summary). */
  viewsThisMonth(assetId: string): Promise<number> {
    return this.views.viewsSince(assetId, months().month);
  }

  /**
   * Where a material link of a published block leads: only a link stored on the block (its
   * current published version, as its page shows it), never an address from the request — no
   * open redirect. 404 for a block nobody may read, a position without a link, or a link that
   * is not http(s).
   */
  async linkTarget(assetId: string, position: string): Promise<string> {
    const asset = await this.assets.get(undefined, assetId);
    if (asset.publishedVersion === null)
      throw new NotFoundError(AssetError.NotFound, 'asset', assetId);
    const link = /^\d{1,3}$/.test(position) ? asset.links?.[Number(position)] : undefined;
    if (!link || !/^https?:\/\//i.test(link.url))
      throw new NotFoundError(UsageError.LinkNotFound, 'link', `${assetId}/${position}`);
    return link.url;
  }

  private check(principal: Principal, ppsId: string): void {
    if (!UsagePolicy.mayReadDashboard(principal, ppsId))
      throw new ForbiddenError('Only editors of this PPS see how its blocks are used');
  }

  private async figures(
    blocks: readonly { id: string; title: string }[],
    month: string,
    previousMonth: string,
  ): Promise<BlockUsage[]> {
    const ids = blocks.map((block) => block.id);
    const [use, requests, reuses, courses, reviews, followers] = await Promise.all([
      this.views.use(ids, month, previousMonth),
      this.requests.countsByAsset(ids),
      this.reuse.countsByAsset(ids),
      this.courses.countsByAsset(ids),
      this.reviews.countsByAsset(ids),
      this.follow.countsByAsset(ids),
    ]);
    return blocks.map((block) => ({
      assetId: block.id,
      title: block.title,
      viewsThisMonth: use.get(block.id)?.viewsThisMonth ?? 0,
      viewsLastMonth: use.get(block.id)?.viewsLastMonth ?? 0,
      clicksThisMonth: use.get(block.id)?.clicksThisMonth ?? 0,
      clicksLastMonth: use.get(block.id)?.clicksLastMonth ?? 0,
      requests: requests.get(block.id) ?? 0,
      reuses: reuses.get(block.id) ?? 0,
      courses: courses.get(block.id) ?? 0,
      reviews: reviews.get(block.id) ?? 0,
      followers: followers.get(block.id) ?? 0,
    }));
  }
}

function months(): { month: string; previousMonth: string } {
  const today = usageDay(new Date());
  return { month: monthOf(today), previousMonth: monthOf(today, -1) };
}

function blocksQuery(ppsId: string, pageNumber: number, pageSize: number): AssetListQueryDto {
  return Object.assign(new AssetListQueryDto(), {
    ppsId,
    status: ['published', 'archived'],
    pageNumber,
    pageSize,
  });
}
