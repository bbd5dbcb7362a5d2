import {
  MeiliSearchApiError,
  MeiliSearchRequestError,
  MeiliSearchRequestTimeOutError,
} from 'meilisearch';
import { DomainException } from '@bouwsteen/common';
import { SearchError } from './search.errors';

export class SearchUnavailableError extends DomainException {
  constructor(detail: string) {
    super(SearchError.Unavailable, detail, { headers: { 'Retry-After': '5' } });
  }
}

/** A Meilisearch task that ended failed; `type` tells a rejected document from a broken engine. */
export class MeiliTaskFailedError extends Error {
  constructor(
    readonly what: string,
    readonly code: string | undefined,
    readonly type: string | undefined,
    message: string,
  ) {
    super(`Meilisearch task "${what}" failed: ${message}`);
    this.name = 'MeiliTaskFailedError';
  }

  /** Meilisearch refused the content (bad geo field, too large, …): retrying as is cannot help. */
  get rejectsDocuments(): boolean {
    // A missing index is the node's state (wiped, not yet made), not a fault of the documents.
    return this.type === 'invalid_request' && this.code !== 'index_not_found';
  }
}

/**
 * Any failure to read from Meilisearch becomes a 503 with Retry-After: unreachable, too slow,
 * a rejected key, a missing index or an internal error alike. The caller learns to come back;
 * the details go to the log and the health endpoints, not to anonymous callers.
 */
export function searchUnavailable(error: unknown): Error {
  if (error instanceof SearchUnavailableError) return error;
  if (error instanceof MeiliSearchRequestTimeOutError)
    return new SearchUnavailableError('The search engine is too slow to answer right now');
  if (error instanceof MeiliSearchRequestError)
    return new SearchUnavailableError(
      'The search engine does not answer; writes are queued and will be searchable when it is back',
    );
  if (error instanceof MeiliSearchApiError) {
    return new SearchUnavailableError(
      error.cause?.code === 'index_not_found'
        ? 'The search index is being built; try again shortly'
        : 'The search engine cannot answer right now',
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}
