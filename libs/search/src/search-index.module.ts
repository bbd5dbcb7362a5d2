import { Module } from '@nestjs/common';
import { meiliClientProvider } from './meili-client.provider';
import { OutboxListener } from './outbox-listener';
import { OutboxRelay } from './outbox-relay.service';
import { ReindexService } from './reindex.service';
import { SearchCoreModule } from './search-core.module';
import { SearchIndex } from './search-index';
import { SearchIndexer } from './search-indexer';
import { SearchKeys } from './search-keys';
import { SearchNodes } from './search-nodes.service';

/**
 * The write side, for the worker and the CLI (with the master key): the outbox relay and its
 * listener, index settings and the API's search key, rebuild and drift repair.
 */
@Module({
  imports: [SearchCoreModule],
  providers: [
    meiliClientProvider,
    SearchIndex,
    SearchIndexer,
    SearchKeys,
    OutboxListener,
    OutboxRelay,
    ReindexService,
    SearchNodes,
  ],
  exports: [
    SearchCoreModule,
    SearchIndex,
    SearchIndexer,
    SearchKeys,
    OutboxRelay,
    ReindexService,
    SearchNodes,
  ],
})
export class SearchIndexModule {}
