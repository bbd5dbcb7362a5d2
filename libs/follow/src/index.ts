export * from './follow.module';
export * from './notification-writer';
export * from './webhook-dispatcher';
export * from './follow.repository';
export * from './follow.errors';
export * from './follow.service';
export * from './dto/follow.dto';
export * from './notification-events';
