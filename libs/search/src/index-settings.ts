import type { Settings } from 'meilisearch';
import { meilisearchSynonyms, readStopWords, readThesaurus } from '@bouwsteen/language';

/** Filter attributes, and the query parameter each one answers to. */
export const FILTERABLE = [
  'kind',
  'ppsId',
  'leadInstitutionId',
  'provinces',
  'themes',
  'challenges',
  'configurations',
  'buildingBlocks',
  'levels',
  'audiences',
  'deliveryModes',
  'learningMode',
  'license',
  'language',
  'sectors',
  'moduleType',
  'certification',
  'certifiable',
  'studyLoadHours',
  'updatedAt',
  '_geo',
] as const;

export const SORTABLE = ['updatedAt', 'title', 'studyLoadHours', 'reuseCount', '_geo'] as const;

export function indexSettings(): Settings {
  return {
    // Order is rank: a hit in the title weighs more than one in the body.
    searchableAttributes: [
      'title',
      'keywords',
      'learningOutcomes',
      'summary',
      'body',
      'ppsName',
      'leadInstitutionName',
      'locationNames',
      'creboCodes',
      // Last: a stem or compound part only counts when the text itself did not match.
      'terms',
    ],
    filterableAttributes: [...FILTERABLE],
    sortableAttributes: [...SORTABLE],
    displayedAttributes: ['*'],
    synonyms: meilisearchSynonyms(readThesaurus()),
    stopWords: readStopWords(),
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
      disableOnAttributes: ['creboCodes'],
    },
    faceting: { maxValuesPerFacet: 100 },
    pagination: { maxTotalHits: 10000 },
    localizedAttributes: [{ attributePatterns: ['*'], locales: ['nld'] }],
  };
}

export function assetsIndexName(prefix: string): string {
  return `${prefix}_assets`;
}
