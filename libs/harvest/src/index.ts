export * from './harvest.module';
export * from './oai-pmh.service';
export * from './oai-dates';
