import { defineProblems } from '@bouwsteen/common/pure';

export enum TaxonomyError {
  VocabularyNotFound = 'vocabulary-not-found',
}

defineProblems<TaxonomyError>('taxonomy', {
  [TaxonomyError.VocabularyNotFound]: {
    status: 404,
    title: 'Vocabulary not found',
    description: 'No vocabulary with this name; GET /api/v1/taxonomy lists them.',
  },
});
