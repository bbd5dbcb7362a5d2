import { Module } from '@nestjs/common';
import { OutboxRepository } from './outbox.repository';
import { SearchDocumentsRepository } from './search-documents.repository';

/** What both sides of search read from PostgreSQL: the documents and the outbox. */
@Module({
  providers: [SearchDocumentsRepository, OutboxRepository],
  exports: [SearchDocumentsRepository, OutboxRepository],
})
export class SearchCoreModule {}
