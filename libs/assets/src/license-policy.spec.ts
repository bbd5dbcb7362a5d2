import {
  LicenseTerms,
  attributionText,
  canonicalLicenseUrl,
  derivativeLicenseProblem,
  licenseExplanation,
  licenseInOneLine,
  licenseUrl,
} from './license-policy';

const terms = (code: string, overrides: Partial<LicenseTerms> = {}): LicenseTerms => ({
  code,
  derivatives: true,
  shareAlike: false,
  nonCommercial: false,
  attribution: true,
  ...overrides,
});

describe('licence terms', () => {
  it('links Creative Commons codes to their Dutch deed, and nothing else', () => {
    expect(licenseUrl('CC-BY-SA-4.0')).toBe(
      'https://creativecommons.org/licenses/by-sa/4.0/deed.nl',
    );
    expect(licenseUrl('CC-BY-NC-ND-4.0')).toBe(
      'https://creativecommons.org/licenses/by-nc-nd/4.0/deed.nl',
    );
    expect(licenseUrl('CC0-1.0')).toContain('publicdomain/zero/1.0');
    expect(licenseUrl('all-rights-reserved')).toBeUndefined();
  });

  it('names Creative Commons licences by their canonical URI for machines, and nothing else', () => {
    expect(canonicalLicenseUrl('CC-BY-4.0')).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(canonicalLicenseUrl('CC-BY-NC-SA-4.0')).toBe(
      'https://creativecommons.org/licenses/by-nc-sa/4.0/',
    );
    expect(canonicalLicenseUrl('CC0-1.0')).toBe(
      'https://creativecommons.org/publicdomain/zero/1.0/',
    );
    expect(canonicalLicenseUrl('all-rights-reserved')).toBeUndefined();
    expect(canonicalLicenseUrl('CC-BY-4.0-evil')).toBeUndefined();
  });

  it('explains each term in plain Dutch', () => {
    expect(licenseExplanation(terms('CC-BY-4.0')).join(' ')).toMatch(/aanpassen, ook in betaalde/);
    const ncsa = licenseExplanation(
      terms('CC-BY-NC-SA-4.0', { nonCommercial: true, shareAlike: true }),
    );
    expect(ncsa.join(' ')).toMatch(/niet commercieel/);
    expect(ncsa.join(' ')).toMatch(/onder dezelfde licentie/);
    expect(licenseExplanation(terms('CC-BY-ND-4.0', { derivatives: false })).join(' ')).toMatch(
      /niet aanpassen/,
    );
    expect(licenseExplanation(terms('CC0-1.0', { attribution: false })).join(' ')).toMatch(
      /niet verplicht/,
    );
    expect(
      licenseExplanation(terms('all-rights-reserved', { derivatives: false })).join(' '),
    ).toMatch(/toestemming/);
  });

  it('writes an attribution with title, version, maker, source and licence', () => {
    expect(
      attributionText({
        title: 'E-learning Veilig werken met cobots',
        version: 2,
        ppsName: 'Techport mbo',
        leadInstitutionName: 'Nova College',
        url: 'https://bouwsteen.nl/bouwstenen/1',
        licenseLabel: 'CC BY-SA 4.0',
        licenseCode: 'CC-BY-SA-4.0',
      }),
    ).toBe(
      '"E-learning Veilig werken met cobots" (versie 2) van Techport mbo (Nova College), via Bouwsteen: https://bouwsteen.nl/bouwstenen/1. Licentie: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/deed.nl).',
    );
  });

  it('keeps a ShareAlike source’s licence on its derivatives', () => {
    expect(
      derivativeLicenseProblem(terms('CC-BY-SA-4.0', { shareAlike: true }), terms('CC-BY-4.0')),
    ).toEqual({
      code: 'licenceShareAlike',
      message: 'the source is ShareAlike (CC-BY-SA-4.0): a derivative keeps the same license',
      values: { source: 'CC-BY-SA-4.0' },
    });
  });
});

describe('the licence in one line', () => {
  it('says what one may do and that the maker is named', () => {
    expect(licenseInOneLine(terms('CC-BY-4.0'))).toBe(
      'U mag dit gebruiken, delen en aanpassen, ook in betaald aanbod, met naamsvermelding.',
    );
    expect(
      licenseInOneLine(terms('CC-BY-NC-SA-4.0', { nonCommercial: true, shareAlike: true })),
    ).toBe(
      'U mag dit gebruiken, delen en aanpassen, niet in betaald aanbod, met naamsvermelding; wat u ervan maakt, deelt u onder dezelfde licentie.',
    );
    expect(licenseInOneLine(terms('CC-BY-ND-4.0', { derivatives: false }))).toMatch(
      /^U mag dit gebruiken en ongewijzigd delen \(niet aanpassen\)/,
    );
    expect(licenseInOneLine(terms('CC0-1.0', { attribution: false }))).not.toMatch(/naams/);
  });

  it('asks for permission when all rights are reserved', () => {
    // The page shows the licence's name just before this line: it is not said twice.
    const line = licenseInOneLine(terms('all-rights-reserved'));
    expect(line).toMatch(/^Vraag de PPS om toestemming/);
    expect(line).not.toMatch(/voorbehouden/);
  });
});
