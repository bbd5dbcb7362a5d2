export * from './reports.module';
export * from './reports.service';
export * from './csv';
