import { defineProblems } from '@bouwsteen/common/pure';

export enum SearchError {
  Unavailable = 'search-unavailable',
}

defineProblems<SearchError>('search', {
  [SearchError.Unavailable]: {
    status: 503,
    title: 'Search is temporarily unavailable',
    description:
      'The search engine cannot answer right now (down, too slow, or the index is being built). Writes still succeed and become searchable when it is back; Retry-After says when to try again.',
  },
});
