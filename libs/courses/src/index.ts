export * from './courses.module';
export * from './courses.service';
export * from './course-rules';
