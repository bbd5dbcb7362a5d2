import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LockSpace, lockKeys } from '@bouwsteen/database';
import { ImportJobData, JobEngine, JobQueueName } from '@bouwsteen/jobs';
import { ImportJobsRepository } from './import-jobs.repository';

/**
 * Whose import runs next. A PPS's imports wait their turn in its own line, and only the first
 * is handed to the job engine; when it ends, the next goes. The engine's queue thus holds at
 * most one import per PPS, so one PPS's big imports never stand before another PPS's small one.
 */
@Injectable()
export class ImportTurns {
  constructor(
    private readonly jobs: ImportJobsRepository,
    private readonly engine: JobEngine,
  ) {}

  /** Takes the PPS's line for the rest of the caller's transaction (to count it, or move it). */
  async hold(manager: EntityManager, ppsId: string): Promise<void> {
    await lockKeys(manager, LockSpace.ImportTurn, [ppsId]);
  }

  /** Hands the PPS's next import to the engine, if none of its imports is with it. */
  async next(manager: EntityManager, ppsId: string): Promise<void> {
    await this.hold(manager, ppsId);
    const id = await this.jobs.takeNext(manager, ppsId);
    if (id)
      await this.engine.send<ImportJobData>(
        manager,
        JobQueueName.Import,
        { kind: JobQueueName.Import, importId: id, ppsId },
        id,
      );
  }
}
