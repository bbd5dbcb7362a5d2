import { emailKey, isAsciiEmail, normaliseEmail } from './email-address';

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
});
