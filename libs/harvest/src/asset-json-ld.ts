import type { AssetDto } from '@bouwsteen/assets';
import { licenseUrl } from '@bouwsteen/assets/pure';
import { LabelBook, OBK_SOURCE, obkIri, obkLevelPath } from '@bouwsteen/taxonomy/pure';

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
 * The building block as schema.org JSON-LD (LRMI): LearningResource for every kind, also Course
 * for a module (with a CourseInstance per offering), labels as DefinedTerms with their codes.
 * Levels are the OnderwijsBegrippenKader's concepts, as Edurep names them; other labels are
 * DefinedTerms of our own vocabularies.
 */
export function assetJsonLd(
  asset: AssetDto,
  labels: LabelBook,
  url: (path: string) => string,
): object {
  const term = (set: string, code: string, name: string) => ({
    '@type': 'DefinedTerm',
    termCode: code,
    name,
    inDefinedTermSet: url(`/api/v1/taxonomy/${set}`),
  });
  const module = asset.module;
  const publisher = {
    '@type': 'Organization',
    name: asset.pps.name,
    url: url(`/pps/${asset.pps.id}`),
  };
  const base: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': module ? ['LearningResource', 'Course'] : ['LearningResource'],
    '@id': url(`/bouwstenen/${asset.id}`),
    url: url(`/bouwstenen/${asset.id}`),
    identifier: asset.id,
    name: asset.title,
    description: asset.description ?? asset.summary,
    abstract: asset.summary,
    inLanguage: asset.language ?? 'nl',
    keywords: asset.keywords ?? [],
    version: asset.version.number,
    datePublished: asset.version.publishedAt ?? undefined,
    dateModified: asset.updatedAt,
    creativeWorkStatus: asset.status === 'archived' ? 'Archived' : 'Published',
    license: (asset.license && licenseUrl(asset.license)) ?? undefined,
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
    about: [
      ...(asset.sectors ?? []).map((code) => term('sectors', code, labels.label('sectors', code))),
      ...(asset.challenges ?? []).map((code) =>
        term('societalChallenges', code, labels.label('societalChallenges', code)),
      ),
    ],
    publisher,
    provider: { '@type': 'Organization', name: asset.pps.leadInstitution.name },
    isBasedOn: asset.basedOn ? url(`/bouwstenen/${asset.basedOn.assetId}`) : undefined,
  };
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
  return base;
}
