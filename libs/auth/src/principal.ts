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
  /**
   * Someone else chose the account's password: until its owner chooses their own, only routes
   * marked `beforeNewPassword` admit it (see admit).
   */
  mustChangePassword?: boolean;
}

export function isAdmin(principal: Principal | undefined): boolean {
  return principal?.role === 'admin';
}
