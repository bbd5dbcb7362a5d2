import type { Settings } from 'meilisearch';
import { readFileSync } from 'node:fs';
import { projectPath } from '@bouwsteen/common';

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

interface SynonymsFile {
  version: number;
  groups: string[][];
}

function dataFile<T>(name: string): T {
  return JSON.parse(readFileSync(projectPath('libs', 'search', 'data', name), 'utf8')) as T;
}

/** Every term of a group maps to all others (Meilisearch synonyms are one-directional). */
export function synonyms(): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const group of dataFile<SynonymsFile>('synonyms-nl.json').groups) {
    for (const term of group) result[term] = group.filter((other) => other !== term);
  }
  return result;
}

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
    ],
    filterableAttributes: [...FILTERABLE],
    sortableAttributes: [...SORTABLE],
    displayedAttributes: ['*'],
    synonyms: synonyms(),
    stopWords: dataFile<{ words: string[] }>('stop-words-nl.json').words,
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
