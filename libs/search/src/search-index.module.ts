import { Module } from '@nestjs/common';
import { meiliClientProvider, meiliSearchClientProvider } from './meili-client.provider';
import { OutboxListener } from './outbox-listener';
import { OutboxRelay } from './outbox-relay.service';
import { OutboxRepository } from './outbox.repository';
import { ReindexService } from './reindex.service';
import { SearchDocumentsRepository } from './search-documents.repository';
import { SearchIndex } from './search-index';
import { SearchIndexer } from './search-indexer';
import { SimilarityService } from './similarity.service';

/** The write side of search: index access, the outbox relay, rebuild and drift repair. */
@Module({
  providers: [
    meiliClientProvider,
    meiliSearchClientProvider,
    SearchIndex,
    SearchDocumentsRepository,
    SearchIndexer,
    OutboxRepository,
    OutboxListener,
    OutboxRelay,
    ReindexService,
    SimilarityService,
  ],
  exports: [
    meiliClientProvider,
    meiliSearchClientProvider,
    SearchIndex,
    SearchIndexer,
    OutboxRepository,
    OutboxRelay,
    ReindexService,
    SimilarityService,
    SearchDocumentsRepository,
  ],
})
export class SearchIndexModule {}
