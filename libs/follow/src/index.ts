export * from './follow.module';
export * from './notification-writer';
export * from './webhook-dispatcher';
export * from './follow.repository';
export * from './follow.errors';
