import { Principal, isAdmin } from '@bouwsteen/auth';

/**
 * Who may speak for an adopter: its members (a PPS's members, an organisation's people) and
 * admins. A record is removed by whoever made it, or an admin.
 */
export const ReusePolicy = {
  mayRecordFor(
    principal: Principal,
    adopter: { ppsId?: string; organisationId?: string },
  ): boolean {
    if (isAdmin(principal)) return true;
    if (adopter.ppsId) return principal.ppsIds.includes(adopter.ppsId);
    return (
      adopter.organisationId !== undefined && adopter.organisationId === principal.organisationId
    );
  },

  mayRemove(principal: Principal, reuse: { recordedBy: string | null }): boolean {
    return isAdmin(principal) || reuse.recordedBy === principal.userId;
  },
};
