import type { FederationClaim } from '@bouwsteen/config/pure';

/** What Bouwsteen reads of an issuer's claims: only those the issuer is declared to release. */
export interface ReleasedClaims {
  /** The issuer's persistent identifier of the person (`sub`). */
  subject: string;
  email?: string;
  name?: string;
  /** `schac_home_organization`: the domain of the person's institution. */
  homeOrganisation?: string;
  /** `eduperson_affiliation` values (may be empty). */
  affiliations: string[];
  /** Kept with the session only, for the issuer's logout (id_token_hint). */
  idToken: string;
}

/**
 * Picks the claims the issuer is declared to release (OIDC_<KEY>_CLAIMS) out of the ID token's
 * and userinfo's: a home organisation or affiliation from an issuer not declared to release
 * it is ignored, so eduID cannot place someone in an institution.
 */
export function releasedClaims(
  issuer: { claims: readonly FederationClaim[] },
  raw: Record<string, unknown>,
  idToken: string,
): ReleasedClaims {
  const released = (claim: FederationClaim): unknown =>
    issuer.claims.includes(claim) ? raw[claim] : undefined;
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 200) : undefined;
  const affiliation = released('eduperson_affiliation');
  const affiliations = (Array.isArray(affiliation) ? affiliation : [affiliation]).filter(
    (value): value is string => typeof value === 'string',
  );
  return {
    subject: String(raw.sub),
    // An address the issuer itself says it has not verified is not taken (OIDC email_verified).
    email: raw.email_verified === false ? undefined : text(released('email')),
    name: text(released('name')),
    homeOrganisation: text(released('schac_home_organization')),
    affiliations,
    idToken,
  };
}
