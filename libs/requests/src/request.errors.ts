import { defineProblems } from '@bouwsteen/common/pure';

export enum RequestError {
  NotFound = 'material-request-not-found',
  TooOften = 'material-request-too-often',
  NoRecipient = 'material-request-no-recipient',
  AssetArchived = 'material-request-asset-archived',
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
  [RequestError.NoRecipient]: {
    status: 409,
    title: 'Nobody receives requests for this PPS',
    description:
      'The PPS has no active member account that may read its requests, so none is accepted; contact it through the website it entered. Nothing was stored.',
  },
  [RequestError.AssetArchived]: {
    status: 409,
    title: 'Asset archived',
    description:
      'Material of an archived building block can no longer be requested; its page names its successor when there is one. Nothing was stored.',
  },
});
