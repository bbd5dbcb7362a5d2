import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationsModule } from '@bouwsteen/organisations';
import { TaxonomyModule } from '@bouwsteen/taxonomy';
import { AssetEvents } from './asset-events';
import { Licenses } from './license-policy';
import { AssetsController } from './assets.controller';
import { AssetsRepository } from './assets.repository';
import { AssetsService } from './assets.service';
import { AssetVersionEntity } from './entities/asset-version.entity';
import { AssetEntity } from './entities/asset.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([AssetEntity, AssetVersionEntity]),
    OrganisationsModule,
    TaxonomyModule,
  ],
  controllers: [AssetsController],
  providers: [AssetsRepository, AssetsService, AssetEvents, Licenses],
  exports: [AssetsService, AssetsRepository, AssetEvents, Licenses],
})
export class AssetsModule {}
