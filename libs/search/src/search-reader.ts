import { Inject, Injectable } from '@nestjs/common';
import { MeiliSearch, SearchParams, SearchResponse } from 'meilisearch';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { assetsIndexName } from './index-settings';
import { MEILI_SEARCH_CLIENT, createMeiliClient, readingKey } from './meili-client.provider';
import { SearchDocument } from './search-document';
import { searchUnavailable } from './search-errors';

/**
 * The read side of Meilisearch, for the API: searches with the search-only key and a short
 * timeout; any failure to answer becomes a 503 (see searchUnavailable).
 */
@Injectable()
export class SearchReader {
  readonly name: string;

  /** With further nodes: one client per node, no failover (each node's own readiness). */
  private readonly nodes: MeiliSearch[];

  constructor(
    @Inject(MEILI_SEARCH_CLIENT) private readonly reader: MeiliSearch,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.name = assetsIndexName(config.meili.indexPrefix);
    const urls = [config.meili.url, ...config.meili.nodeUrls];
    this.nodes =
      urls.length > 1
        ? urls.map((url) =>
            createMeiliClient({ url, apiKey: readingKey(config) }, config.meili.searchTimeoutMs, {
              nodeUrls: [],
              failoverMs: config.meili.failoverMs,
            }),
          )
        : [];
  }

  /**
   * With further nodes, whether each node (MEILI_URL first) answers a search by itself; the
   * message of each failure. Empty with one node (probe says it all).
   */
  async probeEach(): Promise<{ up: boolean; message?: string }[]> {
    return Promise.all(
      this.nodes.map((node) =>
        node
          .index(this.name)
          .search('', { limit: 0 })
          .then(() => ({ up: true }))
          .catch((error: Error) => ({ up: false, message: error.message })),
      ),
    );
  }

  /**
   * A real search with the API's key and timeout: proves the engine is up, the key works and
   * the index exists (readiness). Throws what a search would throw.
   */
  async probe(): Promise<void> {
    await this.reader.index(this.name).search('', { limit: 0 });
  }

  /**
   * Several queries in one round trip; the hits of each, in order. The queries name the fields
   * they need (attributesToRetrieve), so `T` is the caller's narrowing of a document.
   */
  async searchHits<T extends Partial<SearchDocument>>(
    queries: (SearchParams & { q: string; attributesToRetrieve: string[] })[],
  ): Promise<T[][]> {
    try {
      const response = await this.reader.multiSearch({
        queries: queries.map((query) => ({ indexUid: this.name, ...query })),
      });
      return response.results.map((result) => result.hits as unknown as T[]);
    } catch (error) {
      throw searchUnavailable(error);
    }
  }

  /** Several full searches in one round trip, answered in the same order. */
  async multiSearch(
    queries: (SearchParams & { q?: string })[],
  ): Promise<SearchResponse<SearchDocument>[]> {
    try {
      const response = await this.reader.multiSearch({
        queries: queries.map((query) => ({ indexUid: this.name, ...query })),
      });
      return response.results as unknown as SearchResponse<SearchDocument>[];
    } catch (error) {
      throw searchUnavailable(error);
    }
  }

  async search(params: SearchParams & { q?: string }): Promise<SearchResponse<SearchDocument>> {
    const { q, ...rest } = params;
    try {
      return await this.reader.index<SearchDocument>(this.name).search(q ?? '', rest);
    } catch (error) {
      throw searchUnavailable(error);
    }
  }
}
