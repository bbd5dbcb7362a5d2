import { homeDomain, roleForAffiliation } from './affiliation-role';

describe('the role an affiliation gives a new federated account', () => {
  it('makes staff, employees and faculty teachers, scoped or not', () => {
    expect(roleForAffiliation(['employee'])).toBe('teacher');
    expect(roleForAffiliation(['member', 'Faculty@novacollege.nl'])).toBe('teacher');
  });

  it('gives students, affiliates and people without affiliation the least privileged role', () => {
    expect(roleForAffiliation(['student'])).toBe('teacher');
    expect(roleForAffiliation(['affiliate'])).toBe('teacher');
    expect(roleForAffiliation([])).toBe('teacher');
  });

  it('never grants more than a teacher, whatever the claim says', () => {
    expect(roleForAffiliation(['admin', 'pps-editor', 'llo-office'])).toBe('teacher');
  });
});

describe('the home organisation domain', () => {
  it('reads a domain in any case, without a trailing dot', () => {
    expect(homeDomain('NovaCollege.nl.')).toBe('novacollege.nl');
  });

  it('refuses what is not a domain name', () => {
    expect(homeDomain('nova college')).toBeUndefined();
    expect(homeDomain('localhost')).toBeUndefined();
    expect(homeDomain(['novacollege.nl'])).toBeUndefined();
  });
});
