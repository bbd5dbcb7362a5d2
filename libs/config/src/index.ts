export * from './pure';
export * from './config.module';
