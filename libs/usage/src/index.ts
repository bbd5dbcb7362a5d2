export * from './pure';
export * from './usage.module';
export * from './usage-recorder';
export * from './usage.service';
export * from './search-analytics.service';
export * from './search-log.repository';
export * from './dto/usage.dto';
