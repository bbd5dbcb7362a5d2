export * from './meili-client.provider';
export * from './meili-health.indicator';
export * from './search.module';
export * from './meili-process';
