export * from './imports.module';
export * from './imports.service';
export { ImportJobsRepository } from './import-jobs.repository';
export * from './export.service';
export * from './dto/import.dto';
export * from './imports.errors';
export * from './columns';
export * from './headers';
export { ImportPolicy } from './import.policy';
