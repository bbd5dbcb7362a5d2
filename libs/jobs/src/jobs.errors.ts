import { defineProblems } from '@bouwsteen/common';

export enum JobsError {
  DeadLetterNotFound = 'job-dead-letter-not-found',
}

defineProblems<JobsError>('jobs', {
  [JobsError.DeadLetterNotFound]: {
    status: 404,
    title: 'Dead letter not found',
    description: 'No job with this id in the dead-letter queue (it may have been removed).',
  },
});
