export * from './pure';
export * from './coverage.repository';
export * from './qualifications.repository';
export * from './qualifications.service';
export * from './qualifications.module';
