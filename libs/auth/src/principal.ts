import { Role } from './roles';

/** Who is calling, resolved once per request by whichever identity provider recognised them. */
export interface Principal {
  userId: string;
  email: string;
  role: Role;
  ppsIds: string[];
  organisationId: string | null;
  via: 'jwt' | 'api-token' | 'session' | 'oidc';
  /**
   * The account's token version the credential was issued under (see PrincipalLoader). Absent
   * for principals made in code (seed, benchmarks), which act on the account as it is now.
   */
  tokenVersion?: number;
}

export function isAdmin(principal: Principal | undefined): boolean {
  return principal?.role === 'admin';
}
