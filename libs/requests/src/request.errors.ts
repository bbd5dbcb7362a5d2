import { defineProblems } from '@bouwsteen/common/pure';

export enum RequestError {
  NotFound = 'material-request-not-found',
  TooOften = 'material-request-too-often',
}

defineProblems<RequestError>('requests', {
  [RequestError.NotFound]: {
    status: 404,
    title: 'Request not found',
    description: 'No request for material with this id that you may read.',
  },
  [RequestError.TooOften]: {
    status: 429,
    title: 'Too many requests for material',
    description:
      'This address (network or e-mail) sent the most requests allowed in the last hour; Retry-After says when to try again.',
  },
});
