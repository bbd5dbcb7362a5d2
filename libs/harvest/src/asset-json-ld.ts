import type { AssetDto, PublicRelations, RelatedBlock } from '@bouwsteen/assets';
import { canonicalLicenseUrl, licenseUrl } from '@bouwsteen/assets/pure';
import { LabelBook, OBK_SOURCE, obkIri, obkLevelPath } from '@bouwsteen/taxonomy/pure';
import { NO_QUALIFICATION_NAMES, QualificationNames } from './qualification-names';

/** schema.org's course modes for our delivery modes. */
const COURSE_MODES: Record<string, string> = {
  online: 'online',
  'on-site': 'onsite',
  hybrid: 'blended',
  workplace: 'onsite',
};

/** schema.org course modes (online, onsite, blended) of delivery mode codes. */
export function courseModes(codes: Iterable<string>): string[] {
  return [...new Set([...codes].map((code) => COURSE_MODES[code] ?? code))];
}

/** ISO 8601 duration of a number of hours: PT8H, PT1H30M. */
export function isoHours(hours: number): string {
  const whole = Math.floor(hours);
  const minutes = Math.round((hours - whole) * 60);
  return `PT${whole ? `${whole}H` : ''}${minutes ? `${minutes}M` : whole ? '' : '0H'}`;
}

/**
 * schema.org types per kind; LearningResource on every kind that is offered for learning (LRMI
 * means it "as an addition to a primary type"), and schema.org lets a node carry several:
 * - module: Course — "a description of an educational course", with CourseInstances for its
 *   offerings;
 * - curriculum: EducationalOccupationalProgram — "a program offered by an institution which
 *   determines the learning progress to achieve an outcome, usually a credential", which a
 *   curriculum leading to an mbo qualification (crebo) is;
 * - infrastructure: Place — "entities that have a somewhat fixed, physical extension": the
 *   profile describes a learning and working environment with locations and equipment;
 * - practice: CreativeWork — an account of what a PPS learned (problem, approach, results), not
 *   the sequence of steps with tools and supplies that HowTo describes; CreativeWork named
 *   explicitly as Edurep's own schema.org records do.
 */
const TYPES: Record<string, string[]> = {
  module: ['LearningResource', 'Course'],
  curriculum: ['LearningResource', 'EducationalOccupationalProgram'],
  infrastructure: ['LearningResource', 'Place'],
  practice: ['LearningResource', 'CreativeWork'],
};

export function jsonLdTypes(kind: string): string[] {
  return TYPES[kind] ?? ['LearningResource'];
}

/** The public pages of a qualification and a keuzedeel (libs/web's /kwalificaties routes). */
const qualificationPage = (crebo: string) => `/kwalificaties/${crebo}`;
const electivePage = (code: string) => `/kwalificaties/keuzedelen/${code}`;

/** The framework qualification and keuzedeel codes belong to. */
const QUALIFICATION_FRAMEWORK = 'Kwalificatiestructuur mbo (SBB)';

/**
 * Drops what says nothing: undefined, null, empty strings, empty lists and objects left empty
 * (a `@type` alone says nothing either), so no consumer meets `""` or `null`.
 */
export function pruneEmpty<T>(value: T): T | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (Array.isArray(value)) {
    const items = value.map(pruneEmpty).filter((item) => item !== undefined);
    return items.length ? (items as T) : undefined;
  }
  if (typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => [key, pruneEmpty(item)] as const)
      .filter(([, item]) => item !== undefined);
    if (!entries.some(([key]) => key !== '@type')) return undefined;
    return Object.fromEntries(entries) as T;
  }
  return value;
}

/**
 * The building block as schema.org JSON-LD (LRMI): types per kind (above), labels as
 * DefinedTerms with their codes, qualification codes as AlignmentObjects, and its listed
 * relations (hasPart, isPartOf, isBasedOn) as nodes with the related block's page as @id.
 * Levels are the OnderwijsBegrippenKader's concepts, as Edurep names them; other labels are
 * DefinedTerms of our own vocabularies.
 */
export function assetJsonLd(
  asset: AssetDto,
  labels: LabelBook,
  url: (path: string) => string,
  relations?: PublicRelations,
  names: QualificationNames = NO_QUALIFICATION_NAMES,
): object {
  const term = (set: string, code: string, name: string) => ({
    '@type': 'DefinedTerm',
    termCode: code,
    name,
    inDefinedTermSet: url(`/api/v1/taxonomy/${set}`),
  });
  const module = asset.module;
  const curriculum = asset.curriculum;
  const page = url(`/bouwstenen/${asset.id}`);
  const publisher = {
    '@type': 'Organization',
    name: asset.pps.name,
    url: url(`/pps/${asset.pps.id}`),
  };
  const related = (blocks: RelatedBlock[] | undefined) =>
    (blocks ?? []).map((block) => ({
      '@id': url(`/bouwstenen/${block.id}`),
      '@type': jsonLdTypes(block.kind),
      name: block.title,
    }));
  // targetName is the qualification's or keuzedeel's name; a code the structure lacks, the code.
  // targetUrl is our public page of it, only for a code the structure holds (the page of any
  // other code is a 404) and not for a dossier's crebo (its qualifications have the pages).
  const alignment = (
    kind: string,
    codes: string[],
    known: ReadonlyMap<string, { title: string; dossier?: boolean }>,
    path: (code: string) => string,
  ) =>
    codes.map((code) => {
      const name = known.get(code);
      return {
        '@type': 'AlignmentObject',
        alignmentType: 'teaches',
        educationalFramework: QUALIFICATION_FRAMEWORK,
        targetName: name?.title ?? `${kind} ${code}`,
        targetCode: code,
        ...(name && !name.dossier ? { targetUrl: url(path(code)) } : {}),
      };
    });
  const base: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': jsonLdTypes(asset.kind),
    '@id': page,
    url: page,
    identifier: asset.id,
    name: asset.title,
    // A falsy test, not `??`: an empty description says nothing and the summary does.
    description: asset.description || asset.summary,
    abstract: asset.summary,
    inLanguage: asset.language || 'nl',
    keywords: asset.keywords,
    version: asset.version.number,
    datePublished: asset.version.publishedAt,
    dateModified: asset.updatedAt,
    creativeWorkStatus: asset.status === 'archived' ? 'Archived' : 'Published',
    ...licence(asset, publisher, page),
    learningResourceType: labels.kind(asset.kind),
    educationalLevel: (asset.levels ?? []).map((code) => {
      const concept = obkLevelPath(code).at(-1);
      return concept
        ? {
            '@type': 'DefinedTerm',
            '@id': obkIri(concept),
            termCode: concept.id,
            name: concept.label,
            alternateName: labels.label('educationLevels', code),
            inDefinedTermSet: OBK_SOURCE,
          }
        : term('educationLevels', code, labels.label('educationLevels', code));
    }),
    educationalAlignment: [
      ...alignment('Crebo', curriculum?.creboCodes ?? [], names.crebos, qualificationPage),
      ...alignment(
        'Keuzedeel',
        [
          ...(curriculum?.electiveCodes ?? []),
          ...(module?.electiveCode ? [module.electiveCode] : []),
        ],
        names.electives,
        electivePage,
      ),
    ],
    about: [
      ...(asset.sectors ?? []).map((code) => term('sectors', code, labels.label('sectors', code))),
      ...(asset.challenges ?? []).map((code) =>
        term('societalChallenges', code, labels.label('societalChallenges', code)),
      ),
    ],
    publisher,
    provider: { '@type': 'Organization', name: asset.pps.leadInstitution.name },
    hasPart: related(relations?.hasPart),
    isPartOf: related(relations?.isPartOf),
    isBasedOn: related(relations?.isBasedOn),
  };
  if (curriculum) {
    // EducationalOccupationalProgram's own words for the same facts.
    base.hasCourse = base.hasPart;
    base.educationalCredentialAwarded = curriculum.credential;
    if (curriculum.durationMonths) base.timeToComplete = `P${curriculum.durationMonths}M`;
  }
  if (module) {
    // Published blocks always have a study load; JSON-LD is only made of published versions.
    if (module.studyLoad) base.timeRequired = isoHours(module.studyLoad.hours);
    base.teaches = (module.learningOutcomes ?? []).map((outcome) => ({
      '@type': 'DefinedTerm',
      name: outcome.text,
      ...(outcome.escoUri ? { '@id': outcome.escoUri } : {}),
    }));
    base.audience = (module.audiences ?? []).map((code) => ({
      '@type': 'EducationalAudience',
      educationalRole: labels.label('audiences', code),
    }));
    base.isAccessibleForFree = !module.price || module.price.amountCents === 0;
    const modes = courseModes(module.deliveryModes ?? []);
    base.hasCourseInstance = (module.offerings?.length ? module.offerings : [{}]).map(
      (offering: { period?: { start?: string; end?: string }; location?: string }) => ({
        '@type': 'CourseInstance',
        courseMode: modes,
        courseWorkload: module.studyLoad ? isoHours(module.studyLoad.hours) : undefined,
        startDate: offering.period?.start,
        endDate: offering.period?.end,
        location: offering.location,
      }),
    );
    if (module.price)
      base.offers = {
        '@type': 'Offer',
        category: 'Paid',
        price: (module.price.amountCents / 100).toFixed(2),
        priceCurrency: module.price.currency,
      };
  }
  if (asset.infrastructure?.locations?.length)
    base.contentLocation = asset.infrastructure.locations.map((location) => ({
      '@type': 'Place',
      name: location.name,
      geo: { '@type': 'GeoCoordinates', latitude: location.lat, longitude: location.lng },
      address: location.address
        ? {
            '@type': 'PostalAddress',
            streetAddress: location.address.street,
            postalCode: location.address.postalCode,
            addressLocality: location.address.city,
            addressCountry: 'NL',
          }
        : undefined,
    }));
  return pruneEmpty(base) ?? {};
}

/**
 * The licence as schema.org says it. Creative Commons: `license` is the licence's canonical
 * URI (what machines compare), as a CreativeWork node whose `url` is the Dutch deed for
 * people. All rights reserved: no `license` (there is no licence to name), the reservation
 * stated in `copyrightNotice` ("text of a notice appropriate for describing the copyright
 * aspects of this Creative Work"), the PPS as `copyrightHolder`, and `usageInfo` ("further
 * information about a CreativeWork … e.g. … purchasing details") pointing at the page where
 * one asks the PPS for the material.
 */
function licence(asset: AssetDto, holder: object, page: string): Record<string, unknown> {
  const canonical = asset.license ? canonicalLicenseUrl(asset.license) : undefined;
  if (canonical)
    return {
      license: {
        '@id': canonical,
        '@type': 'CreativeWork',
        name: asset.license,
        url: licenseUrl(asset.license!),
      },
    };
  if (!asset.license) return {};
  return {
    copyrightNotice: `© ${asset.pps.name}. Alle rechten voorbehouden.`,
    copyrightHolder: holder,
    usageInfo: `${page}/aanvragen`,
  };
}
