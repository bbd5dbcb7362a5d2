import { defineProblems } from '@bouwsteen/common/pure';

export enum CourseError {
  NotFound = 'course-not-found',
  SharedNotFound = 'shared-course-not-found',
}

defineProblems<CourseError>('courses', {
  [CourseError.NotFound]: {
    status: 404,
    title: 'Course not found',
    description: 'No course with this id.',
  },
  [CourseError.SharedNotFound]: {
    status: 404,
    title: 'Shared course not found',
    description:
      'This share link does not (or no longer) work: it was revoked, replaced by a new one, or mistyped.',
  },
});
