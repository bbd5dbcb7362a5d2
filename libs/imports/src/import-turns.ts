import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { EntityManager } from 'typeorm';
import { LockSpace, lockKeys } from '@bouwsteen/database';
import { ImportJobData, JobEngine, JobQueueName } from '@bouwsteen/jobs';
import { ImportJobsRepository } from './import-jobs.repository';

/**
 * Whose import runs next. A PPS's imports wait their turn in its own line, and only the first
 * is handed to the job engine; when it ends, the next goes. The engine's queues thus hold at
 * most one import per PPS, so one PPS's imports never stand before another PPS's. A small file
 * (IMPORT_SMALL_BYTES) goes to a lane of its own, which every worker works beside its
 * IMPORT_CONCURRENCY long imports: a short import never waits behind a long one.
 */
@Injectable()
export class ImportTurns {
  constructor(
    private readonly jobs: ImportJobsRepository,
    private readonly engine: JobEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The engine's queue an import of `bytes` goes to. */
  laneFor(bytes: number): JobQueueName.Import | JobQueueName.ImportSmall {
    return bytes <= this.config.imports.smallBytes ? JobQueueName.ImportSmall : JobQueueName.Import;
  }

  /** Takes the PPS's line for the rest of the caller's transaction (to count it, or move it). */
  async hold(manager: EntityManager, ppsId: string): Promise<void> {
    await lockKeys(manager, LockSpace.ImportTurn, [ppsId]);
  }

  /** Hands the PPS's next import to the engine, if none of its imports is with it. */
  async next(manager: EntityManager, ppsId: string): Promise<void> {
    await this.hold(manager, ppsId);
    const next = await this.jobs.takeNext(manager, ppsId);
    if (next)
      await this.engine.send<ImportJobData>(
        manager,
        this.laneFor(next.bytesTotal),
        { kind: JobQueueName.Import, importId: next.id, ppsId },
        next.id,
      );
  }
}
