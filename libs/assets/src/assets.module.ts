import { Global, Module } from '@nestjs/common';
import { PUBLIC_FACE } from '@bouwsteen/database';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationsModule } from '@bouwsteen/organisations';
import { TaxonomyModule } from '@bouwsteen/taxonomy';
import { AssetBulkWriter } from './asset-bulk-writer';
import { AssetEvents } from './asset-events';
import { ContentChecks } from './content-checks';
import { AssetPublicFace } from './asset-public-face';
import { FeedMembership } from './feed-membership';
import { Licenses } from './licenses';
import { PublishedRelationsReader } from './published-relations';
import { AssetsController } from './assets.controller';
import { AssetsRepository } from './assets.repository';
import { AssetsService } from './assets.service';
import { AssetVersionEntity } from './entities/asset-version.entity';
import { AssetEntity } from './entities/asset.entity';

/**
 * Global so that the public-face port it provides reaches organisations, which asks for it by
 * token (assets depends on organisations, never the other way round).
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([AssetEntity, AssetVersionEntity]),
    OrganisationsModule,
    TaxonomyModule,
  ],
  controllers: [AssetsController],
  providers: [
    AssetsRepository,
    AssetsService,
    AssetBulkWriter,
    ContentChecks,
    AssetEvents,
    Licenses,
    AssetPublicFace,
    PublishedRelationsReader,
    FeedMembership,
    { provide: PUBLIC_FACE, useExisting: AssetPublicFace },
  ],
  exports: [
    AssetsService,
    AssetBulkWriter,
    AssetsRepository,
    AssetEvents,
    Licenses,
    PublishedRelationsReader,
    FeedMembership,
    PUBLIC_FACE,
  ],
})
export class AssetsModule {}
