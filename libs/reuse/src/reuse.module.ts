import { Module } from '@nestjs/common';
import { AssetsModule } from '@bouwsteen/assets';
import { OrganisationsModule } from '@bouwsteen/organisations';
import { ReuseController } from './reuse.controller';
import { ReuseRepository } from './reuse.repository';
import { ReuseService } from './reuse.service';

@Module({
  imports: [AssetsModule, OrganisationsModule],
  controllers: [ReuseController],
  providers: [ReuseRepository, ReuseService],
  exports: [ReuseService, ReuseRepository],
})
export class ReuseModule {}
