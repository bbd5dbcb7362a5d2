import { Module } from '@nestjs/common';
import { AssetsModule } from '@bouwsteen/assets';
import { AuthModule } from '@bouwsteen/auth';
import { OrganisationsModule } from '@bouwsteen/organisations';
import { TaxonomyModule } from '@bouwsteen/taxonomy';
import { ExportService } from './export.service';
import { ExportsController } from './exports.controller';
import { ImportFiles } from './import-files';
import { ImportJobsRepository } from './import-jobs.repository';
import { ImportRunner } from './import-runner';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { TemplatesService } from './templates.service';

/** Catalogue import (CSV, .xlsx, JSON Lines) as jobs with a report, templates, and export. */
@Module({
  imports: [AssetsModule, AuthModule, OrganisationsModule, TaxonomyModule],
  controllers: [ImportsController, ExportsController],
  providers: [
    ImportJobsRepository,
    ImportFiles,
    ImportRunner,
    ImportsService,
    TemplatesService,
    ExportService,
  ],
  exports: [ImportsService, ImportRunner, ExportService],
})
export class ImportsModule {}
