import type { Principal, Role } from '@bouwsteen/auth/pure';
import { PpsPolicy } from '@bouwsteen/organisations/pure';
import { ReviewError } from './review.errors';

/**
 * Who writes reviews: people who teach with material. Teachers, and PPS editors (the leads and
 * editors of a PPS are mbo teachers too) — but not of their own PPS's blocks, which would be
 * praising one's own work. LLO offices compose courses for employers and admins keep the site:
 * neither teaches with the block, so neither reviews.
 */
export const REVIEWER_ROLES: readonly Role[] = ['teacher', 'pps-editor'];

export const ReviewPolicy = {
  /** Why this person may not write (or edit) a review of a block of `ownerPpsId`, if so. */
  refusal(
    principal: Principal | undefined,
    ownerPpsId: string,
  ): ReviewError.RoleNotAllowed | ReviewError.OwnPps | undefined {
    if (!principal || !REVIEWER_ROLES.includes(principal.role)) return ReviewError.RoleNotAllowed;
    if (principal.role === 'pps-editor' && principal.ppsIds.includes(ownerPpsId))
      return ReviewError.OwnPps;
    return undefined;
  },

  mayWrite(principal: Principal | undefined, ownerPpsId: string): boolean {
    return this.refusal(principal, ownerPpsId) === undefined;
  },

  /**
   * The owner answers and moderates: the owning PPS's editors (its lead among them) and admins.
   * A PPS hides a review only after someone else reported it (reportCountsForHiding), never one
   * it merely dislikes.
   */
  mayAnswer(principal: Principal | undefined, ownerPpsId: string): boolean {
    return PpsPolicy.canEdit(principal, ownerPpsId);
  },

  /**
   * Why this person may not report a review of a block of `ownerPpsId`, if so. Reporting is for
   * readers: anyone signed in, except a member of the block's own PPS (in any role). That PPS
   * answers for its blocks and hides reported reviews; could it report them too, it could
   * silence any review of its own work by reporting it and then hiding it. It replies instead.
   */
  reportRefusal(
    principal: Principal | undefined,
    ownerPpsId: string,
  ): ReviewError.ReportOwnPps | undefined {
    if (principal?.ppsIds.includes(ownerPpsId)) return ReviewError.ReportOwnPps;
    return undefined;
  },

  mayReport(principal: Principal | undefined, ownerPpsId: string): boolean {
    return principal !== undefined && this.reportRefusal(principal, ownerPpsId) === undefined;
  },

  /**
   * Whether a report lets `hider` hide the review: only a report by someone else, who is not a
   * member of the block's PPS either. Members cannot report (reportRefusal), but someone who
   * reported before joining the PPS, or before that rule, would otherwise still open the way; and
   * an admin who reported a review leaves hiding it to another.
   */
  reportCountsForHiding(
    reporter: { userId: string; ppsIds: readonly string[] },
    hider: Principal,
    ownerPpsId: string,
  ): boolean {
    return reporter.userId !== hider.userId && !reporter.ppsIds.includes(ownerPpsId);
  },
};
