import { Module } from '@nestjs/common';
import { SearchIndexModule } from '@bouwsteen/search';
import { TaxonomyModule } from '@bouwsteen/taxonomy';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

@Module({
  imports: [SearchIndexModule, TaxonomyModule],
  controllers: [ReportsController],
  providers: [ReportsRepository, ReportsService],
})
export class ReportsModule {}
