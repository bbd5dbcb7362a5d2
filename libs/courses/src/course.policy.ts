import { Principal, isAdmin } from '@bouwsteen/auth/pure';

/**
 * A course belongs to the LLO office that made it: its organisation, or the user when the
 * account has none. Only that office (and admins) see, change and share it.
 */
export const CoursePolicy = {
  canManage(
    principal: Principal,
    course: { ownerOrganisationId: string | null; ownerUserId: string | null },
  ): boolean {
    if (isAdmin(principal)) return true;
    if (principal.role !== 'llo-office') return false;
    return course.ownerOrganisationId
      ? course.ownerOrganisationId === principal.organisationId
      : course.ownerUserId === principal.userId;
  },

  /** The same rule for listing: whose courses this reader sees (null: everyone's). */
  ownerScope(principal: Principal): { organisationId: string | null; userId: string } | null {
    return isAdmin(principal)
      ? null
      : { organisationId: principal.organisationId, userId: principal.userId };
  },
};
