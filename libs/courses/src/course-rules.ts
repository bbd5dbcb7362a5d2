import { FieldCode } from '@bouwsteen/common/pure';
import { CertificateDto, CourseIssueDto, CourseTotalsDto } from './dto/course.dto';

/** What the rules need to know about one item of a course. */
export interface ItemFacts {
  position: number;
  assetId: string;
  kind: string;
  title: string;
  status: string;
  version: number;
  latestVersion: number;
  studyLoadHours: number | null;
  priceCents: number | null;
  certification: string | null;
  stackable: boolean | null;
  deliveryModes: string[];
  levels: string[];
  nonCommercial: boolean;
  prerequisiteIds: string[];
}

const LEVEL_ORDER = ['vo', 'entree', 'mbo-2', 'mbo-3', 'mbo-4', 'ad', 'hbo', 'wo'];

function levelRanks(levels: string[]): number[] {
  return levels.map((level) => LEVEL_ORDER.indexOf(level)).filter((rank) => rank >= 0);
}

function highestLevel(levels: string[]): number | null {
  const ranks = levelRanks(levels);
  return ranks.length ? Math.max(...ranks) : null;
}

export function itemState(
  item: Pick<ItemFacts, 'status' | 'version' | 'latestVersion'>,
): 'current' | 'update-available' | 'withdrawn' {
  if (item.status === 'archived') return 'withdrawn';
  return item.latestVersion > item.version ? 'update-available' : 'current';
}

/**
 * Totals are always computed from the pinned versions, never stored: study load in hours
 * (sbu = 1 hour, 1 ECTS = 28 hours, converted when the module was stored), price = module prices
 * plus extras, certificates and whether they stack, the delivery-mode mix and the level range.
 */
export function totals(items: ItemFacts[], extrasCents: number): CourseTotalsDto {
  const modules = items.filter((item) => item.kind === 'module');
  const certificates: CertificateDto[] = modules
    .filter((item) => item.certification && item.certification !== 'none')
    .map((item) => ({
      assetId: item.assetId,
      title: item.title,
      certification: item.certification!,
      stackable: item.stackable === true,
    }));
  const deliveryModes: Record<string, number> = {};
  for (const item of modules)
    for (const mode of item.deliveryModes) deliveryModes[mode] = (deliveryModes[mode] ?? 0) + 1;
  // The range spans every level of every module: a module for mbo 2–4 makes the course 2–4,
  // not 4 (each module's highest level is only what the level-jump warning compares).
  const ranks = modules.flatMap((item) => levelRanks(item.levels));
  return {
    studyLoadHours:
      Math.round(modules.reduce((sum, item) => sum + (item.studyLoadHours ?? 0), 0) * 100) / 100,
    priceCents: modules.reduce((sum, item) => sum + (item.priceCents ?? 0), 0) + extrasCents,
    certificates,
    certificatesStack:
      certificates.length > 1 && certificates.every((certificate) => certificate.stackable),
    deliveryModes,
    levelRange: ranks.length
      ? { lowest: LEVEL_ORDER[Math.min(...ranks)], highest: LEVEL_ORDER[Math.max(...ranks)] }
      : null,
  };
}

/** Advice that does not block saving: prerequisites out of order, big level jumps, stale pins. */
export function warnings(items: ItemFacts[]): CourseIssueDto[] {
  const result: CourseIssueDto[] = [];
  const seen = new Set<string>();
  const titleOf = new Map(items.map((item) => [item.assetId, item.title]));
  let previousRank: number | null = null;
  items.forEach((item, index) => {
    const field = `items.${index}`;
    for (const prerequisite of item.prerequisiteIds) {
      if (!seen.has(prerequisite)) {
        const name = titleOf.get(prerequisite) ?? prerequisite;
        result.push({
          field: `${field}.assetId`,
          message: `prerequisite "${name}" is not earlier in the course`,
          code: FieldCode.PrerequisiteNotEarlier,
          values: { title: name },
        });
      }
    }
    if (item.kind === 'module') {
      const rank = highestLevel(item.levels);
      if (rank !== null && previousRank !== null && Math.abs(rank - previousRank) > 1) {
        result.push({
          field: `${field}.assetId`,
          message: `level jumps from ${LEVEL_ORDER[previousRank]} to ${LEVEL_ORDER[rank]}`,
          code: FieldCode.LevelJump,
          values: { from: LEVEL_ORDER[previousRank], to: LEVEL_ORDER[rank] },
        });
      }
      if (rank !== null) previousRank = rank;
    }
    const state = itemState(item);
    if (state === 'update-available')
      result.push({
        field: `${field}.version`,
        message: `update available: version ${item.latestVersion}`,
        code: FieldCode.UpdateAvailable,
        values: { version: item.latestVersion },
      });
    if (state === 'withdrawn')
      result.push({
        field: `${field}.assetId`,
        message: 'withdrawn: the asset was archived',
        code: FieldCode.Withdrawn,
      });
    seen.add(item.assetId);
  });
  return result;
}

/** Rules that make a course invalid: only published items, no duplicates, no NC in a paid course. */
export function errors(items: ItemFacts[], extrasCents: number): CourseIssueDto[] {
  const result: CourseIssueDto[] = [];
  const seen = new Set<string>();
  const coursePrice = totals(items, extrasCents).priceCents;
  const paid = coursePrice > 0;
  items.forEach((item, index) => {
    const field = `items.${index}.assetId`;
    if (item.kind !== 'module' && item.kind !== 'infrastructure') {
      result.push({
        field,
        message: `must be a module or an infrastructure profile, not a ${item.kind}`,
        code: FieldCode.NotCourseKind,
        values: { kind: item.kind },
      });
    }
    if (item.status !== 'published')
      result.push({ field, message: 'must be published', code: FieldCode.NotPublished });
    if (seen.has(item.assetId))
      result.push({ field, message: 'is already in the course', code: FieldCode.AlreadyInCourse });
    if (paid && item.nonCommercial) result.push(nonCommercialRefusal(item, field, coursePrice));
    seen.add(item.assetId);
  });
  return result;
}

/**
 * An NC module in a course that costs money. When the module has a price of its own, that price
 * is the reason (the course would be free without it), so the refusal names the module's price;
 * otherwise it names the course's price, which the other items and extras make.
 */
function nonCommercialRefusal(
  item: ItemFacts,
  field: string,
  coursePriceCents: number,
): CourseIssueDto {
  const own = item.priceCents ?? 0;
  return own > 0
    ? {
        field,
        message: `is licensed non-commercial (NC) and has a price of its own (${own} cents), which makes the course paid`,
        code: FieldCode.NonCommercialInPaidCourse,
        values: { modulePriceCents: own },
      }
    : {
        field,
        message: `is licensed non-commercial (NC) and cannot be part of a paid course (${coursePriceCents} cents)`,
        code: FieldCode.NonCommercialInPaidCourse,
        values: { coursePriceCents },
      };
}
