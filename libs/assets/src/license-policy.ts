import { FieldCode } from '@bouwsteen/common/pure';
import type { Term } from '@bouwsteen/taxonomy/pure';

export interface LicenseTerms {
  code: string;
  derivatives: boolean;
  shareAlike: boolean;
  nonCommercial: boolean;
  attribution: boolean;
}

/** A licence's terms from its vocabulary entry. */
export function licenseTerms(term: Term): LicenseTerms {
  const attributes = term.attributes as Partial<LicenseTerms>;
  return {
    code: term.code,
    derivatives: attributes.derivatives ?? false,
    shareAlike: attributes.shareAlike ?? false,
    nonCommercial: attributes.nonCommercial ?? false,
    attribution: attributes.attribution ?? true,
  };
}

/** Why a derivative may not carry a licence: a field error's code, values and English. */
export interface LicenseProblem {
  code: string;
  message: string;
  values: { source: string };
}

/** Why a derivative may not carry `derivative`, given its source's license; undefined when it may. */
export function derivativeLicenseProblem(
  source: LicenseTerms,
  derivative: LicenseTerms,
): LicenseProblem | undefined {
  const values = { source: source.code };
  if (source.shareAlike && derivative.code !== source.code) {
    return {
      code: FieldCode.LicenceShareAlike,
      message: `the source is ShareAlike (${source.code}): a derivative keeps the same license`,
      values,
    };
  }
  if (source.nonCommercial && !derivative.nonCommercial) {
    return {
      code: FieldCode.LicenceNonCommercial,
      message: `the source is NonCommercial (${source.code}): a derivative must stay NonCommercial`,
      values,
    };
  }
  return undefined;
}

/** What a derivative's author must know about the source license, in plain words. */
export function licenseNotes(source: LicenseTerms): string[] {
  const notes: string[] = [];
  if (source.attribution)
    notes.push('attribution: name the source and its PPS wherever the derivative is used');
  if (source.shareAlike) notes.push(`share-alike: the derivative keeps ${source.code}`);
  if (source.nonCommercial) notes.push('non-commercial: not for use in paid courses or offerings');
  return notes;
}

/** A Creative Commons licence's path below creativecommons.org, e.g. `licenses/by-sa/4.0/`. */
function creativeCommonsPath(code: string): string | undefined {
  if (code === 'CC0-1.0') return 'publicdomain/zero/1.0/';
  const match = /^CC-(BY(?:-(?:NC|SA|ND))*)-(\d\.\d)$/.exec(code);
  return match ? `licenses/${match[1].toLowerCase()}/${match[2]}/` : undefined;
}

/**
 * The licence's page for people (the Dutch deed for Creative Commons); undefined when there is
 * none (all rights reserved).
 */
export function licenseUrl(code: string): string | undefined {
  const path = creativeCommonsPath(code);
  return path ? `https://creativecommons.org/${path}deed.nl` : undefined;
}

/**
 * The licence's canonical URI, as machines compare it (schema.org `license`, LOM, Dublin
 * Core): `https://creativecommons.org/licenses/by/4.0/`; undefined for all rights reserved.
 */
export function canonicalLicenseUrl(code: string): string | undefined {
  const path = creativeCommonsPath(code);
  return path ? `https://creativecommons.org/${path}` : undefined;
}

/**
 * The licence as NL-LOM's copyright vocabulary names it (copyrightsandotherrestrictions
 * nllom 20180530: cc-by-sa-40, cc0-10, …); "yes" (restrictions apply) for all rights reserved.
 */
export function nlLomLicense(code: string): string {
  if (code === 'CC0-1.0') return 'cc0-10';
  const match = /^CC-(BY(?:-(?:NC|SA|ND))*)-(\d)\.(\d)$/.exec(code);
  return match ? `cc-${match[1].toLowerCase()}-${match[2]}${match[3]}` : 'yes';
}

/** Whether anyone may use it without asking: what OAI-PMH and schema.org call open access. */
export function isOpenLicense(code: string): boolean {
  return code.startsWith('CC');
}

/** What someone who wants to reuse it may and must do, in plain Dutch, from the licence's terms. */
export function licenseExplanation(terms: LicenseTerms): string[] {
  if (terms.code === 'all-rights-reserved')
    return [
      'Alle rechten zijn voorbehouden. Vraag de PPS om toestemming voordat u dit hergebruikt, deelt of aanpast.',
    ];
  const lines = [
    (terms.derivatives
      ? 'U mag dit gebruiken, delen en aanpassen'
      : 'U mag dit gebruiken en ongewijzigd delen, maar niet aanpassen') +
      (terms.nonCommercial
        ? ', maar niet commercieel: niet in betaalde cursussen of betaald aanbod.'
        : ', ook in betaalde cursussen.'),
  ];
  lines.push(
    terms.attribution
      ? 'Vermeld de maker en de licentie waar u het gebruikt (kopieer de naamsvermelding).'
      : 'Naamsvermelding is niet verplicht, maar wordt op prijs gesteld.',
  );
  if (terms.shareAlike && terms.derivatives)
    lines.push('Wat u ervan maakt, deelt u onder dezelfde licentie.');
  return lines;
}

/**
 * The licence in one plain Dutch sentence, for where there is room for one line (the
 * building-block page's "Zo krijgt u het materiaal"): what one may do, and with attribution.
 * The same terms as licenseExplanation, which says it line by line.
 */
export function licenseInOneLine(terms: LicenseTerms): string {
  if (terms.code === 'all-rights-reserved')
    return 'Vraag de PPS om toestemming voordat u dit gebruikt, deelt of aanpast.';
  const may = terms.derivatives
    ? 'U mag dit gebruiken, delen en aanpassen'
    : 'U mag dit gebruiken en ongewijzigd delen (niet aanpassen)';
  const paid = terms.nonCommercial ? ', niet in betaald aanbod' : ', ook in betaald aanbod';
  const credit = terms.attribution ? ', met naamsvermelding' : '';
  const same =
    terms.shareAlike && terms.derivatives
      ? '; wat u ervan maakt, deelt u onder dezelfde licentie'
      : '';
  return `${may}${paid}${credit}${same}.`;
}

export interface AttributionSource {
  title: string;
  version: number;
  ppsName: string;
  leadInstitutionName?: string;
  url: string;
  licenseLabel: string;
  licenseCode: string;
}

/**
 * The line to copy under reused material: title, maker, source and licence (the TASL pattern
 * Creative Commons recommends), with the version so the reuse can be traced back.
 */
export function attributionText(source: AttributionSource): string {
  const licence = licenseUrl(source.licenseCode);
  return (
    `"${source.title}" (versie ${source.version}) van ${source.ppsName}` +
    `${source.leadInstitutionName ? ` (${source.leadInstitutionName})` : ''}, ` +
    `via Bouwsteen: ${source.url}. Licentie: ${source.licenseLabel}${licence ? ` (${licence})` : ''}.`
  );
}

/** What building on a source means under its licence, in plain Dutch (derivatives' authors). */
export function derivativeRules(terms: LicenseTerms, sourcePps: string): string[] {
  if (!terms.derivatives)
    return [
      `Deze licentie staat geen afgeleide werken toe. Vraag ${sourcePps} om toestemming, of leg hergebruik "zoals het is" vast.`,
    ];
  const rules = [
    'U krijgt een eigen concept met de inhoud van de bron; u past het aan en publiceert het als bouwsteen van uw PPS.',
    `De bron (${sourcePps}) wordt bij uw bouwsteen vermeld, en het hergebruik is zichtbaar in de rapportages.`,
  ];
  if (terms.shareAlike)
    rules.push(`Uw afgeleide bouwsteen houdt dezelfde licentie (${terms.code}).`);
  if (terms.nonCommercial)
    rules.push(
      'Uw afgeleide bouwsteen blijft niet-commercieel: hij kan niet in betaalde cursussen of betaald aanbod.',
    );
  return rules;
}
