import { Module } from '@nestjs/common';
import { TaxonomyModule } from '@bouwsteen/taxonomy';
import { OaiPmhController } from './oai-pmh.controller';
import { OaiPmhService } from './oai-pmh.service';
import { OaiRecordsRepository } from './oai-records.repository';

/** What catalogues harvest: OAI-PMH (oai_dc and NL-LOM) at /oai. */
@Module({
  imports: [TaxonomyModule],
  controllers: [OaiPmhController],
  providers: [OaiPmhService, OaiRecordsRepository],
  exports: [OaiPmhService],
})
export class HarvestModule {}
