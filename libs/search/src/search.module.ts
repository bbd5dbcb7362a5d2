import { Global, Module } from '@nestjs/common';
import { DUPLICATE_CHECK } from '@bouwsteen/assets';
import { TaxonomyModule } from '@bouwsteen/taxonomy';
import { meiliSearchClientProvider } from './meili-client.provider';
import { SearchController } from './search.controller';
import { SearchCoreModule } from './search-core.module';
import { SearchReader } from './search-reader';
import { SearchService } from './search.service';
import { SimilarityController } from './similarity.controller';
import { SimilarFindingsCache } from './similar-findings-cache';
import { SimilarityService } from './similarity.service';

/**
 * The read side, for the API: search, "this already exists" and the readiness probe, with the
 * search-only key. Global so that the duplicate check it provides reaches assets, which asks
 * for it by token and never imports search.
 */
@Global()
@Module({
  imports: [SearchCoreModule, TaxonomyModule],
  controllers: [SearchController, SimilarityController],
  providers: [
    meiliSearchClientProvider,
    SearchReader,
    SearchService,
    SimilarityService,
    SimilarFindingsCache,
    { provide: DUPLICATE_CHECK, useExisting: SimilarityService },
  ],
  exports: [SearchCoreModule, SearchReader, SearchService, SimilarityService, DUPLICATE_CHECK],
})
export class SearchModule {}
