import type { Settings } from 'meilisearch';
import type { EmbedderConfig } from '@bouwsteen/config';
import { meilisearchSynonyms, readStopWords, readThesaurus } from '@bouwsteen/language';

/** Filter attributes, and the query parameter each one answers to. */
export const FILTERABLE = [
  // Only "dit bestaat al" filters on it: vector similarity for the candidates it found.
  'id',
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
  // The "kwalificatie" facet: crebos a block serves directly (search-document.ts).
  'qualificationCrebos',
  'studyLoadHours',
  'updatedAt',
  '_geo',
] as const;

export const SORTABLE = ['updatedAt', 'title', 'studyLoadHours', 'reuseCount', '_geo'] as const;

/** The embedder's name in the index settings and in hybrid queries. */
export const EMBEDDER = 'semantic';

/** What a document means, as the embedder reads it: what a title and summary check compares. */
const DOCUMENT_TEMPLATE = '{{doc.title}}. {{doc.summary}}';

/**
 * The embedder as Meilisearch is told. A `rest` service is called with a batch of texts,
 * `{"input": ["…", …]}`, and answers `{"embeddings": [[…], …]}` in the same order.
 */
export function embedderSettings(embedder: EmbedderConfig): NonNullable<Settings['embedders']> {
  const common = {
    documentTemplate: DOCUMENT_TEMPLATE,
    documentTemplateMaxBytes: 2000,
    ...(embedder.apiKey ? { apiKey: embedder.apiKey } : {}),
  };
  switch (embedder.source) {
    case 'rest':
      return {
        [EMBEDDER]: {
          ...common,
          source: 'rest',
          url: embedder.url!,
          dimensions: embedder.dimensions,
          request: { input: ['{{text}}', '{{..}}'] },
          response: { embeddings: ['{{embedding}}', '{{..}}'] },
        },
      };
    case 'ollama':
      return {
        [EMBEDDER]: {
          ...common,
          source: 'ollama',
          model: embedder.model,
          ...(embedder.url ? { url: embedder.url } : {}),
        },
      };
    case 'huggingFace':
      return { [EMBEDDER]: { ...common, source: 'huggingFace', model: embedder.model } };
  }
}

export function indexSettings(embedder?: EmbedderConfig): Settings {
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
    // Facet counts come with every search; searching within a facet's values (/facet-search)
    // is never asked for, and its structures cost every write batch ~0.15 s at 30,000 documents.
    facetSearch: false,
    pagination: { maxTotalHits: 10000 },
    localizedAttributes: [{ attributePatterns: ['*'], locales: ['nld'] }],
    // Without a configured model there is no embedder, and none left over from an earlier one.
    embedders: embedder ? embedderSettings(embedder) : null,
  };
}

export function assetsIndexName(prefix: string): string {
  return `${prefix}_assets`;
}
