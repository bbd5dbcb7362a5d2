import { defineProblems } from '@bouwsteen/common/pure';

export enum UsageError {
  LinkNotFound = 'usage-link-not-found',
}

defineProblems<UsageError>('usage', {
  [UsageError.LinkNotFound]: {
    status: 404,
    title: 'Link not found',
    description:
      'The building block has no link to its material at this position (only the links stored on a published block are followed; no other address is ever redirected to).',
  },
});
