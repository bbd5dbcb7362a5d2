import { Module } from '@nestjs/common';
import { AssetsModule } from '@bouwsteen/assets';
import { OrganisationsModule } from '@bouwsteen/organisations';
import { QualificationsModule } from '@bouwsteen/qualifications';
import { ReuseModule } from '@bouwsteen/reuse';
import { TaxonomyModule } from '@bouwsteen/taxonomy';
import { DemoAccounts } from './demo-accounts';
import { DemoService } from './demo.service';
import { SeedService } from './seed.service';

@Module({
  imports: [TaxonomyModule, OrganisationsModule, AssetsModule, ReuseModule, QualificationsModule],
  providers: [SeedService, DemoService, DemoAccounts],
  exports: [SeedService, DemoService, DemoAccounts],
})
export class SeedModule {}
