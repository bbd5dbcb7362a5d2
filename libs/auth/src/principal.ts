import { Role } from './roles';

/** Who is calling, resolved once per request by whichever identity provider recognised them. */
export interface Principal {
  userId: string;
  email: string;
  role: Role;
  ppsIds: string[];
  organisationId: string | null;
  via: 'jwt' | 'api-token' | 'oidc';
}

export function isAdmin(principal: Principal | undefined): boolean {
  return principal?.role === 'admin';
}

/** The one rule for writing a PPS's assets and profile: admin, or an editor who is a member. */
export function canEditPps(principal: Principal | undefined, ppsId: string): boolean {
  if (!principal) return false;
  if (principal.role === 'admin') return true;
  return principal.role === 'pps-editor' && principal.ppsIds.includes(ppsId);
}

/** Unpublished drafts are visible to their editors, admins and LLO offices ("reads everything"). */
export function canReadDrafts(principal: Principal | undefined, ppsId: string): boolean {
  if (!principal) return false;
  return principal.role === 'llo-office' || canEditPps(principal, ppsId);
}
