export * from './seed.module';
export * from './seed.service';
export * from './demo.service';
export * from './seed-summary';
export * from './seed-files';
export * from './demo-accounts';
