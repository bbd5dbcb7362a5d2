import { releasedClaims } from './released-claims';

const raw = {
  sub: 'abc123',
  email: ' docent@novacollege.nl ',
  name: 'Dana Docent',
  schac_home_organization: 'novacollege.nl',
  eduperson_affiliation: ['employee', 'member'],
};

describe('the claims read of an issuer', () => {
  it('reads every claim the issuer is declared to release', () => {
    const claims = releasedClaims(
      { claims: ['email', 'name', 'schac_home_organization', 'eduperson_affiliation'] },
      raw,
      'id.token',
    );
    expect(claims).toEqual({
      subject: 'abc123',
      email: 'docent@novacollege.nl',
      name: 'Dana Docent',
      homeOrganisation: 'novacollege.nl',
      affiliations: ['employee', 'member'],
      idToken: 'id.token',
    });
  });

  it('ignores a home organisation and affiliation of an issuer not declared to release them', () => {
    const claims = releasedClaims({ claims: ['email'] }, raw, 'id.token');
    expect(claims.homeOrganisation).toBeUndefined();
    expect(claims.name).toBeUndefined();
    expect(claims.affiliations).toEqual([]);
  });

  it('takes a single affiliation given as a string', () => {
    const claims = releasedClaims(
      { claims: ['eduperson_affiliation'] },
      { sub: 'x', eduperson_affiliation: 'student' },
      't',
    );
    expect(claims.affiliations).toEqual(['student']);
  });

  it('does not take an address the issuer says it has not verified', () => {
    const issuer = { claims: ['email'] as const };
    expect(releasedClaims(issuer, { ...raw, email_verified: false }, 't').email).toBeUndefined();
    expect(releasedClaims(issuer, { ...raw, email_verified: true }, 't').email).toBe(
      'docent@novacollege.nl',
    );
  });
});
