import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationsModule } from '@bouwsteen/organisations';
import { FollowModule } from '@bouwsteen/follow';
import { SearchIndexModule } from '@bouwsteen/search';
import { TaxonomyModule } from '@bouwsteen/taxonomy';
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
    SearchIndexModule,
    FollowModule,
  ],
  controllers: [AssetsController],
  providers: [AssetsRepository, AssetsService],
  exports: [AssetsService, AssetsRepository],
})
export class AssetsModule {}
