export * from './jobs.module';
export * from './job-engine';
export * from './job-runner';
export * from './job-queues';
export * from './jobs.errors';
export * from './dead-letters.service';
export * from './dto/dead-letter.dto';
