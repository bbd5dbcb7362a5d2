import { Principal, isAdmin } from '@bouwsteen/auth';
import { PpsPolicy } from '@bouwsteen/organisations';

/**
 * Who may import and who may see an import — the one place these rules live. Importing is
 * writing: a PPS's editors (and admins) import into that PPS only. An import's report shows
 * the file's rows, so it is seen by whoever started it, the PPS's editors and admins.
 */
export const ImportPolicy = {
  canStart(principal: Principal | undefined, ppsId: string): boolean {
    return PpsPolicy.canEdit(principal, ppsId);
  },

  canRead(
    principal: Principal | undefined,
    job: { createdBy: string | null; ppsId: string },
  ): boolean {
    if (!principal) return false;
    return job.createdBy === principal.userId || PpsPolicy.canEdit(principal, job.ppsId);
  },

  /** canRead for a list query: everything, or one's own and one's PPS's. */
  scope(principal: Principal): { all: boolean; userId: string; ppsIds: string[] } {
    return {
      all: isAdmin(principal),
      userId: principal.userId,
      ppsIds: principal.role === 'pps-editor' ? principal.ppsIds : [],
    };
  },
};
