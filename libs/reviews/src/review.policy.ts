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
   * A PPS hides a review only after someone reported it, never one it merely dislikes.
   */
  mayAnswer(principal: Principal | undefined, ownerPpsId: string): boolean {
    return PpsPolicy.canEdit(principal, ownerPpsId);
  },

  /** Anyone signed in may report a review (with a reason). */
  mayReport(principal: Principal | undefined): boolean {
    return principal !== undefined;
  },
};
