import { Module } from '@nestjs/common';
import { DeadLettersRepository } from './dead-letters.repository';
import { JobEngine } from './job-engine';
import { JobLeasesRepository } from './job-leases.repository';
import { JobRunner } from './job-runner';
import { DeadLettersService } from './dead-letters.service';
import { JobsController } from './jobs.controller';

/**
 * Background jobs on pg-boss. Libraries that start jobs import this module and send through
 * JobEngine in their own transactions; the worker runs them with JobRunner.
 */
@Module({
  controllers: [JobsController],
  providers: [JobEngine, JobLeasesRepository, JobRunner, DeadLettersRepository, DeadLettersService],
  exports: [JobEngine, JobRunner, DeadLettersService],
})
export class JobsModule {}
