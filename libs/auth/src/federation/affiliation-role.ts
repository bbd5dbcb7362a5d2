import { DOMAIN_NAME } from '@bouwsteen/common/pure';
import { Role } from '../roles';

/** eduPerson affiliations of people who teach or work at the institution. */
const STAFF = new Set(['employee', 'staff', 'faculty']);

/**
 * The role a new account gets from its issuer's `eduperson_affiliation` (values such as
 * "employee" or "student@novacollege.nl": the scope after "@" is ignored). Staff teach; anyone
 * else gets the least privileged role there is — today that is `teacher` too, as Bouwsteen has
 * no student role: a role that gives more (PPS editor, LLO office, admin) is always granted by a
 * PPS's lead or an admin, never by a claim.
 */
export function roleForAffiliation(affiliations: readonly string[]): Role {
  const values = affiliations.map((value) => value.split('@')[0].trim().toLowerCase());
  if (values.some((value) => STAFF.has(value))) return 'teacher';
  return LEAST_PRIVILEGED_ROLE;
}

/** The role that may do least of all (ROLES lists the others above it). */
export const LEAST_PRIVILEGED_ROLE: Role = 'teacher';

/**
 * The domain of a `schac_home_organization` claim as organisations list it: lower case, without
 * a trailing dot; undefined when it is not a domain name.
 */
export function homeDomain(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const domain = value.trim().toLowerCase().replace(/\.$/, '');
  return DOMAIN_NAME.test(domain) ? domain : undefined;
}
