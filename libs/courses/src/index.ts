export * from './courses.module';
export * from './courses.service';
export * from './course-rules';
export * from './course.errors';
export * from './dto/course.dto';
export type { SharedLink } from './share-links';
