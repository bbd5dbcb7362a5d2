import { Inject, Injectable } from '@nestjs/common';
import { MeiliSearch, MeiliSearchApiError } from 'meilisearch';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { MEILI_CLIENT } from './meili-client.provider';
import { searchKeyIndexes, searchKeyUid } from './search-key';

/** Makes sure Meilisearch has the search-only key the API uses (worker start, CLI). */
@Injectable()
export class SearchKeys {
  constructor(
    @Inject(MEILI_CLIENT) private readonly client: MeiliSearch,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async ensure(): Promise<void> {
    // A Meilisearch without a master key checks no keys (a development setup): nothing to make.
    if (!this.config.meili.masterKey) return;
    const prefix = this.config.meili.indexPrefix;
    try {
      await this.client.createKey({
        uid: searchKeyUid(prefix),
        name: `bouwsteen-search-${prefix}`,
        description: 'Search only, Bouwsteen indexes only: the key the API uses',
        actions: ['search'],
        indexes: searchKeyIndexes(prefix),
        expiresAt: null,
      });
    } catch (error) {
      if (error instanceof MeiliSearchApiError && error.cause?.code === 'api_key_already_exists')
        return;
      throw error;
    }
  }
}
