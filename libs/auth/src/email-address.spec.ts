import { emailKey, isAccountEmail, isAsciiEmail, normaliseEmail } from './email-address';

describe('an account’s e-mail address', () => {
  it('folds compatibility forms and trims, keeping the case it was typed in', () => {
    expect(normaliseEmail(' ＪＡＮ@ｓｃｈｏｏｌ.nl\u3000')).toBe('JAN@school.nl');
    // The Kelvin sign and the "fi" ligature are their letters.
    expect(normaliseEmail('\u212Aees@\uFB01rma.nl')).toBe('Kees@firma.nl');
  });

  it('finds an account by the folded address in lower case', () => {
    expect(emailKey('ＪＡＮ@ｓｃｈｏｏｌ.nl')).toBe(emailKey('jan@school.nl'));
    expect(emailKey('Jan@School.NL ')).toBe('jan@school.nl');
  });

  it('takes ASCII only once folded: other scripts’ look-alikes stay what they are', () => {
    expect(isAsciiEmail(normaliseEmail('ｊａｎ@school.nl'))).toBe(true);
    expect(isAsciiEmail(normaliseEmail('j\u0430n@school.nl'))).toBe(false);
    expect(isAsciiEmail(normaliseEmail('josé@school.nl'))).toBe(false);
  });

  it('takes from an institution only what an account may hold: one plain address', () => {
    expect(isAccountEmail('docent@novacollege.nl')).toBe(true);
    for (const released of [
      'notanemail',
      'victim2@a.nl,spy2@evil.nl',
      '"spy4@evil.nl"@a.nl',
      'eve5@a.nl>,<spy5@evil.nl',
      't1@example.org.',
    ])
      expect(isAccountEmail(released)).toBe(false);
  });
});
