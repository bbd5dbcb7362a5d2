export * from './data-source-options';
export * from './transaction-runner';
export * from './database.module';
export * from './database-admin';
export * from './optimistic-update';
export * from './outbox-writer';
export * from './advisory-locks';
export * from './audit-trail';
