import { Module } from '@nestjs/common';
import { TaxonomyModule } from '@bouwsteen/taxonomy';
import { SearchController } from './search.controller';
import { SearchIndexModule } from './search-index.module';
import { SearchService } from './search.service';
import { SimilarityController } from './similarity.controller';

/** The read side: the public search endpoint. */
@Module({
  imports: [SearchIndexModule, TaxonomyModule],
  controllers: [SearchController, SimilarityController],
  providers: [SearchService],
  exports: [SearchIndexModule],
})
export class SearchModule {}
