import { Role } from './roles';

/** Who is calling, resolved once per request by whichever identity provider recognised them. */
export interface Principal {
  userId: string;
  email: string;
  role: Role;
  ppsIds: string[];
  organisationId: string | null;
  via: 'jwt' | 'api-token' | 'session' | 'oidc';
}

export function isAdmin(principal: Principal | undefined): boolean {
  return principal?.role === 'admin';
}
