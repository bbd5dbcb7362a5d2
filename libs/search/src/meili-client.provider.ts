import { Provider } from '@nestjs/common';
import { MeiliSearch } from 'meilisearch';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { failoverHttpClient } from './meili-http';
import { searchKeyFor } from './search-key';

/** The client that writes: the worker and the CLI (indexing, settings, rebuilds). */
export const MEILI_CLIENT = Symbol('MEILI_CLIENT');
/** The client that reads: searches, similarity and health, with a short timeout. */
export const MEILI_SEARCH_CLIENT = Symbol('MEILI_SEARCH_CLIENT');

/**
 * `Accept-Encoding: identity` because fetch asks for gzip by default and Meilisearch's chunked
 * compressed replies stall each request by about 45 ms on loopback.
 */
export function createMeiliClient(
  config: { url: string; apiKey: string },
  timeoutMs = 30_000,
  /** Read through pooled connections, from these nodes in turn (see failoverHttpClient). */
  pooled?: { nodeUrls: string[]; failoverMs: number },
): MeiliSearch {
  const origins = [config.url, ...(pooled?.nodeUrls ?? [])].map((url) => new URL(url).origin);
  return new MeiliSearch({
    host: config.url,
    apiKey: config.apiKey || undefined,
    requestInit: { headers: { 'Accept-Encoding': 'identity' }, keepalive: true },
    timeout: timeoutMs,
    ...(pooled
      ? { httpClient: failoverHttpClient(origins, { failoverMs: pooled.failoverMs }) }
      : {}),
  });
}

export const meiliClientProvider: Provider = {
  provide: MEILI_CLIENT,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) =>
    createMeiliClient({ url: config.meili.url, apiKey: config.meili.masterKey }),
};

/**
 * Searches with the search-only key and gives up after MEILI_SEARCH_TIMEOUT_MS, so a hanging
 * Meilisearch costs a 503, not a hang. The API is given that key (MEILI_SEARCH_KEY); a worker,
 * which checks imports for "dit bestaat al", derives it from its master key rather than
 * searching with the master key itself.
 */
/** The key the reading clients search with: MEILI_SEARCH_KEY, or derived from the master key. */
export function readingKey(config: AppConfig): string {
  return (
    config.meili.searchKey ||
    (config.meili.masterKey ? searchKeyFor(config.meili.masterKey, config.meili.indexPrefix) : '')
  );
}

export const meiliSearchClientProvider: Provider = {
  provide: MEILI_SEARCH_CLIENT,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) =>
    createMeiliClient(
      { url: config.meili.url, apiKey: readingKey(config) },
      config.meili.searchTimeoutMs,
      { nodeUrls: config.meili.nodeUrls, failoverMs: config.meili.failoverMs },
    ),
};
