import { isLocalHost } from './local-identity';

/** The claims an issuer may be declared to release, beside `sub` (always there). */
export const FEDERATION_CLAIMS = [
  'email',
  'name',
  'schac_home_organization',
  'eduperson_affiliation',
] as const;
export type FederationClaim = (typeof FEDERATION_CLAIMS)[number];

/** One OpenID Connect issuer people may sign in through (SURFconext, Entree Federatie, eduID). */
export interface OidcIssuerConfig {
  /** Its key: in the settings' names (OIDC_<KEY>_…) and the pages' addresses. */
  key: string;
  /** What the sign-in button says, in Dutch ("SURFconext", "eduID"). */
  label: string;
  discoveryUrl: string;
  clientId: string;
  /** Never logged or put on a command line: read from the environment only. */
  clientSecret: string;
  /** The scopes asked for; `openid` always among them. */
  scope: string;
  /**
   * The claims this issuer is trusted to release: a home organisation or affiliation claim of
   * an issuer not declared to release it is ignored (eduID knows no institution).
   */
  claims: FederationClaim[];
  /** A plain-HTTP discovery URL on this machine: tests and local trials only, never production. */
  insecureLocal: boolean;
}

type Env = Record<string, string | undefined>;

const KEY = /^[a-z][a-z0-9]{0,29}$/;

/**
 * OIDC_ISSUERS=surfconext,eduid and, per key, OIDC_<KEY>_LABEL, _DISCOVERY_URL, _CLIENT_ID,
 * _CLIENT_SECRET (required), _SCOPE ("openid email profile") and _CLAIMS ("email,name"). None
 * set: no issuer, and the sign-in page shows only the password form. Problems are added to
 * `problems`, like every other setting's.
 */
export function oidcIssuers(env: Env, production: boolean, problems: string[]): OidcIssuerConfig[] {
  const raw = (env.OIDC_ISSUERS ?? '').trim();
  if (!raw) return [];
  const keys = raw.split(',').map((key) => key.trim());
  const issuers: OidcIssuerConfig[] = [];
  for (const key of keys) {
    if (!KEY.test(key)) {
      problems.push(
        `OIDC_ISSUERS must list keys of lower-case letters and digits, starting with a letter, e.g. surfconext,eduid (got "${key}")`,
      );
      continue;
    }
    if (issuers.some((issuer) => issuer.key === key)) {
      problems.push(`OIDC_ISSUERS names ${key} twice`);
      continue;
    }
    const name = (part: string) => `OIDC_${key.toUpperCase()}_${part}`;
    const required = (part: string) => {
      const value = (env[name(part)] ?? '').trim();
      if (!value) problems.push(`${name(part)} is required when OIDC_ISSUERS lists ${key}`);
      return value;
    };
    const label = required('LABEL');
    if (label.length > 60) problems.push(`${name('LABEL')} must be at most 60 characters`);
    const discoveryUrl = required('DISCOVERY_URL');
    let insecureLocal = false;
    if (discoveryUrl) {
      if (!URL.canParse(discoveryUrl)) problems.push(`${name('DISCOVERY_URL')} is not a valid URL`);
      else {
        const url = new URL(discoveryUrl);
        insecureLocal = url.protocol === 'http:' && isLocalHost(url.hostname);
        if (url.protocol !== 'https:' && !(insecureLocal && !production))
          problems.push(
            `${name('DISCOVERY_URL')} must use https: (plain http only on this machine, outside production)`,
          );
      }
    }
    const clientId = required('CLIENT_ID');
    const clientSecret = required('CLIENT_SECRET');
    const scope = (env[name('SCOPE')] ?? '').trim() || 'openid email profile';
    if (!scope.split(/\s+/).includes('openid'))
      problems.push(`${name('SCOPE')} must include openid (got "${scope}")`);
    const claims = claimList(env[name('CLAIMS')], name('CLAIMS'), problems);
    issuers.push({
      key,
      label,
      discoveryUrl,
      clientId,
      clientSecret,
      scope,
      claims,
      insecureLocal,
    });
  }
  return issuers;
}

function claimList(raw: string | undefined, name: string, problems: string[]): FederationClaim[] {
  const text = (raw ?? '').trim() || 'email,name';
  const claims = text.split(',').map((claim) => claim.trim());
  const unknown = claims.filter(
    (claim) => !(FEDERATION_CLAIMS as readonly string[]).includes(claim),
  );
  if (unknown.length > 0)
    problems.push(`${name} may list ${FEDERATION_CLAIMS.join(', ')} (got "${unknown.join(', ')}")`);
  return [...new Set(claims.filter((claim): claim is FederationClaim => !unknown.includes(claim)))];
}
