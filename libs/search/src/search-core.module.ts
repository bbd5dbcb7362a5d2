import { Module } from '@nestjs/common';
import { QualificationsModule } from '@bouwsteen/qualifications';
import { OutboxRepository } from './outbox.repository';
import { SearchNodesRepository } from './search-nodes.repository';
import { SearchDocumentsRepository } from './search-documents.repository';

/**
 * What both sides of search read from PostgreSQL: the documents (with the qualification
 * structure, for the "kwalificatie" facet) and the outbox.
 */
@Module({
  imports: [QualificationsModule],
  providers: [SearchDocumentsRepository, OutboxRepository, SearchNodesRepository],
  exports: [SearchDocumentsRepository, OutboxRepository, SearchNodesRepository],
})
export class SearchCoreModule {}
