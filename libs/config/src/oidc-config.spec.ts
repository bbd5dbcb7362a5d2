import { ConfigError, loadConfig } from './load-config';

const base = { JWT_SECRET: 'x'.repeat(32), MEILI_URL: 'http://127.0.0.1:7700' };

const surf = {
  OIDC_ISSUERS: 'surfconext, eduid',
  OIDC_SURFCONEXT_LABEL: 'SURFconext',
  OIDC_SURFCONEXT_DISCOVERY_URL:
    'https://connect.test.surfconext.nl/.well-known/openid-configuration',
  OIDC_SURFCONEXT_CLIENT_ID: 'bouwsteen',
  OIDC_SURFCONEXT_CLIENT_SECRET: 'surf-secret',
  OIDC_SURFCONEXT_CLAIMS: 'email,name,schac_home_organization,eduperson_affiliation',
  OIDC_EDUID_LABEL: 'eduID',
  OIDC_EDUID_DISCOVERY_URL: 'http://127.0.0.1:4000/.well-known/openid-configuration',
  OIDC_EDUID_CLIENT_ID: 'bouwsteen',
  OIDC_EDUID_CLIENT_SECRET: 'eduid-secret',
};

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return '';
}

describe('OIDC issuers in the configuration', () => {
  it('has none unless OIDC_ISSUERS lists some', () => {
    expect(loadConfig(base).auth.oidcIssuers).toEqual([]);
  });

  it('reads each listed issuer with its label, claims and scope', () => {
    const [surfconext, eduid] = loadConfig({ ...base, ...surf }).auth.oidcIssuers;
    expect(surfconext).toMatchObject({
      key: 'surfconext',
      label: 'SURFconext',
      clientId: 'bouwsteen',
      clientSecret: 'surf-secret',
      scope: 'openid email profile',
      claims: ['email', 'name', 'schac_home_organization', 'eduperson_affiliation'],
      insecureLocal: false,
    });
    expect(eduid).toMatchObject({ key: 'eduid', claims: ['email', 'name'], insecureLocal: true });
  });

  it('names every missing or wrong setting at once, never a secret', () => {
    const message = problemsOf({
      ...base,
      ...surf,
      OIDC_ISSUERS: 'surfconext,eduid,Entree!',
      OIDC_SURFCONEXT_CLIENT_SECRET: '',
      OIDC_EDUID_CLAIMS: 'email,roles',
      OIDC_EDUID_SCOPE: 'email',
    });
    expect(message).toContain('OIDC_SURFCONEXT_CLIENT_SECRET is required');
    expect(message).toContain('OIDC_EDUID_CLAIMS may list');
    expect(message).toContain('"roles"');
    expect(message).toContain('OIDC_EDUID_SCOPE must include openid');
    expect(message).toContain('OIDC_ISSUERS must list keys');
    expect(message).not.toContain('eduid-secret');
  });

  it('allows a plain-HTTP discovery URL only on this machine and never in production', () => {
    expect(
      problemsOf({ ...base, ...surf, OIDC_EDUID_DISCOVERY_URL: 'http://idp.example.nl/x' }),
    ).toContain('OIDC_EDUID_DISCOVERY_URL must use https:');
    expect(
      problemsOf({
        ...base,
        ...surf,
        NODE_ENV: 'production',
        PUBLIC_BASE_URL: 'https://bouwsteen.example.nl',
        OAI_REPOSITORY_IDENTIFIER: 'bouwsteen.example.nl',
        OAI_ADMIN_EMAIL: 'beheer@example.nl',
      }),
    ).toContain('OIDC_EDUID_DISCOVERY_URL must use https:');
  });
});
