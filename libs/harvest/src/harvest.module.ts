import { Global, Module } from '@nestjs/common';
import { ASSET_LINKED_DATA } from '@bouwsteen/assets';
import { QualificationsModule } from '@bouwsteen/qualifications';
import { TaxonomyModule } from '@bouwsteen/taxonomy';
import { AssetLinkedDataService } from './asset-linked-data.service';
import { OaiPmhController } from './oai-pmh.controller';
import { OoapiController } from './ooapi/ooapi.controller';
import { OoapiRecordsRepository } from './ooapi/ooapi-records.repository';
import { OoapiService } from './ooapi/ooapi.service';
import { OaiPmhService } from './oai-pmh.service';
import { OaiRecordsRepository } from './oai-records.repository';

/**
 * What catalogues and search engines read: OAI-PMH (oai_dc and NL-LOM) at /oai, and schema.org
 * JSON-LD. Global so that the JSON-LD it provides reaches assets, which asks for it by token.
 */
@Global()
@Module({
  imports: [TaxonomyModule, QualificationsModule],
  controllers: [OaiPmhController, OoapiController],
  providers: [
    OaiPmhService,
    OaiRecordsRepository,
    OoapiService,
    OoapiRecordsRepository,
    AssetLinkedDataService,
    { provide: ASSET_LINKED_DATA, useExisting: AssetLinkedDataService },
  ],
  exports: [OaiPmhService, ASSET_LINKED_DATA],
})
export class HarvestModule {}
