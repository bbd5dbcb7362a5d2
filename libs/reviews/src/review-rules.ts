/**
 * The rules of a review, framework-free: what its structured form holds, its bounds, and how
 * reviews add up to the figures a block page shows (overall and per context).
 */

export const REVIEW_USES = ['used', 'read'] as const;
export type ReviewUse = (typeof REVIEW_USES)[number];
export const REVIEW_LEVELS = [1, 2, 3, 4] as const;
export const REVIEW_PATHWAYS = ['bol', 'bbl'] as const;
export type ReviewPathway = (typeof REVIEW_PATHWAYS)[number];
export const REVIEW_SETTINGS = ['school', 'practice'] as const;
export type ReviewSetting = (typeof REVIEW_SETTINGS)[number];
export const RUBRIC_ITEMS = ['usability', 'quality', 'adaptability'] as const;
export type RubricItem = (typeof RUBRIC_ITEMS)[number];
export const RUBRIC_MIN = 1;
export const RUBRIC_MAX = 5;
/** The free text of a review and of the owner's reply, in characters. */
export const REVIEW_TEXT_MAX = 2000;
/** The reason given with a report. */
export const REPORT_REASON_MAX = 500;
/** Reviews shown per page (block page and API alike). */
export const REVIEWS_PAGE_SIZE = 10;

/** One group of visible reviews with the same context (as the database counts them). */
export interface ReviewGroup {
  use: ReviewUse;
  level: number;
  pathway: ReviewPathway;
  setting: ReviewSetting;
  count: number;
  sums: Record<RubricItem, number>;
}

export interface ContextCount<T> {
  value: T;
  count: number;
}

export interface ReviewSummary {
  total: number;
  used: number;
  read: number;
  /** Average per rubric item, to one decimal; null when there are no reviews. */
  averages: Record<RubricItem, number> | null;
  /** Per context, most reviews first (then in the natural order); only contexts with reviews. */
  byLevel: ContextCount<number>[];
  byPathway: ContextCount<ReviewPathway>[];
  bySetting: ContextCount<ReviewSetting>[];
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

function countsBy<T>(groups: ReviewGroup[], key: (group: ReviewGroup) => T, order: readonly T[]) {
  const counts = new Map<T, number>();
  for (const group of groups) counts.set(key(group), (counts.get(key(group)) ?? 0) + group.count);
  return order
    .filter((value) => (counts.get(value) ?? 0) > 0)
    .map((value) => ({ value, count: counts.get(value)! }))
    .sort((a, b) => b.count - a.count);
}

/** The figures of a block's visible reviews, from their groups. */
export function summarise(groups: ReviewGroup[]): ReviewSummary {
  const total = groups.reduce((sum, group) => sum + group.count, 0);
  const used = groups.filter((g) => g.use === 'used').reduce((sum, g) => sum + g.count, 0);
  const average = (item: RubricItem) =>
    oneDecimal(groups.reduce((sum, group) => sum + group.sums[item], 0) / total);
  return {
    total,
    used,
    read: total - used,
    averages:
      total === 0
        ? null
        : {
            usability: average('usability'),
            quality: average('quality'),
            adaptability: average('adaptability'),
          },
    byLevel: countsBy(groups, (g) => g.level, REVIEW_LEVELS),
    byPathway: countsBy(groups, (g) => g.pathway, REVIEW_PATHWAYS),
    bySetting: countsBy(groups, (g) => g.setting, REVIEW_SETTINGS),
  };
}

/**
 * The line a page leads with: "Nog geen reviews", or how many reviews are about the level most
 * of them chose ("9 van 12 reviews voor mbo niveau 3"; "4 reviews, alle voor mbo niveau 2";
 * "1 review, voor mbo niveau 2"). Worded by what each reviewer declared (the level they used or
 * read it for), never by who they are: a reviewer may be a teacher or a lead of another PPS,
 * and may only have read it.
 */
export function summaryLine(summary: ReviewSummary): string {
  if (summary.total === 0) return 'Nog geen reviews';
  const top = summary.byLevel[0];
  if (summary.total === 1) return `1 review, voor mbo niveau ${top.value}`;
  if (top.count === summary.total) return `${top.count} reviews, alle voor mbo niveau ${top.value}`;
  return `${top.count} van ${summary.total} reviews voor mbo niveau ${top.value}`;
}
