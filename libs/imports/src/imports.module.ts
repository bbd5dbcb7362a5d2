import { Module } from '@nestjs/common';
import { AssetsModule } from '@bouwsteen/assets';
import { AuthModule } from '@bouwsteen/auth';
import { JobsModule } from '@bouwsteen/jobs';
import { OrganisationsModule } from '@bouwsteen/organisations';
import { TaxonomyModule } from '@bouwsteen/taxonomy';
import { ExportService } from './export.service';
import { ExportsController } from './exports.controller';
import { ImportFileStore } from './import-file-store';
import { ImportJobHandler } from './import-job.handler';
import { ImportJobsRepository } from './import-jobs.repository';
import { ImportSimilarHandler } from './import-similar.handler';
import { ImportSimilarRowsRepository } from './import-similar-rows.repository';
import { ImportTurns } from './import-turns';
import { KeptFiles } from './kept-files';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { TemplatesService } from './templates.service';
import { WorkingCopies } from './working-copies';

const SHARED = [
  ImportJobsRepository,
  ImportSimilarRowsRepository,
  ImportFileStore,
  ImportTurns,
  KeptFiles,
];

/**
 * Catalogue import (CSV, .xlsx, JSON Lines) as jobs with a report, templates, and export: the
 * API's side. It takes files in and records jobs; the worker runs them (ImportsWorkerModule).
 */
@Module({
  imports: [AssetsModule, AuthModule, OrganisationsModule, TaxonomyModule, JobsModule],
  controllers: [ImportsController, ExportsController],
  providers: [...SHARED, ImportsService, TemplatesService, ExportService],
  exports: [ImportsService, ExportService],
})
export class ImportsModule {}

/** The worker's side: runs import jobs (the duplicate check comes from the global SearchModule). */
@Module({
  imports: [AssetsModule, AuthModule, TaxonomyModule, JobsModule],
  providers: [...SHARED, ImportJobHandler, ImportSimilarHandler, WorkingCopies],
})
export class ImportsWorkerModule {}
