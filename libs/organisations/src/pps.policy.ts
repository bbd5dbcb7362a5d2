import { Principal, isAdmin } from '@bouwsteen/auth/pure';

/** Fields of a PPS only an admin may change: who it is and who leads it. */
export const ADMIN_ONLY_PPS_FIELDS = ['name', 'leadOrganisationId'] as const;

/**
 * Who may act for a PPS. Its editors (members with the pps-editor role) and admins write its
 * profile and its assets; only admins change what identifies it.
 */
export const PpsPolicy = {
  canEdit(principal: Principal | undefined, ppsId: string): boolean {
    if (!principal) return false;
    if (isAdmin(principal)) return true;
    return principal.role === 'pps-editor' && principal.ppsIds.includes(ppsId);
  },

  /** The admin-only fields among those an edit would change. */
  adminOnlyChanges(principal: Principal, changes: object): string[] {
    if (isAdmin(principal)) return [];
    return ADMIN_ONLY_PPS_FIELDS.filter(
      (field) => (changes as Record<string, unknown>)[field] !== undefined,
    );
  },
};
