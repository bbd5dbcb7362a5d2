import { Module } from '@nestjs/common';
import { QualificationsModule } from '@bouwsteen/qualifications';
import { SearchModule } from '@bouwsteen/search';
import { TaxonomyModule } from '@bouwsteen/taxonomy';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

@Module({
  imports: [SearchModule, TaxonomyModule, QualificationsModule],
  controllers: [ReportsController],
  providers: [ReportsRepository, ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
