import { Inject, Injectable, OnModuleInit, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DUPLICATE_CHECK, DuplicateCheck } from '@bouwsteen/assets';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { TransactionRunner } from '@bouwsteen/database';
import {
  ImportSimilarJobData,
  JobAttempt,
  JobEngine,
  JobQueueName,
  JobRunner,
  JobStoppedError,
} from '@bouwsteen/jobs';
import { ImportJobsRepository } from './import-jobs.repository';
import { ImportSimilarRowsRepository } from './import-similar-rows.repository';
import { similarLines, uncheckedLine } from './report-lines';

/**
 * Rows checked together (rows of one catalogue share words: their identical candidate searches
 * are sent once per call, so a larger chunk sends fewer): about 10 s of checking.
 */
const ROWS_PER_CHECK = 200;

/**
 * Imports first: while any import waits or reads rows, or written blocks wait to become
 * searchable, a chunk waits up to this long before it runs anyway (the check is advisory; the
 * rows, searchable, are what people wait for).
 */
const IMPORTS_FIRST_MS = 30_000;
const LOOK_AGAIN_MS = 500;

/**
 * How long one job checks before it hands the rest on to a job at the back of the queue: the
 * checks of several imports take turns, so a 100,000-row catalogue's never holds a small one's
 * for longer than this.
 */
const SLICE_MS = 10_000;

/** A check that cannot reach the search engine tries again after 5, 10, 20 … s, about 40 min in all. */
const ATTEMPTS = 10;

/**
 * "Dit bestaat al" for an import's new rows, after the import has written them (the rows are
 * searchable and usable at once; their findings follow): every row gets the same check, scores
 * and reasons as its text gets in the editor or from `POST /similar`, its findings are appended
 * to the report in the row's place, and the rows checked are struck off in the same transaction.
 */
@Injectable()
export class ImportSimilarHandler implements OnModuleInit {
  constructor(
    private readonly runner: JobRunner,
    private readonly engine: JobEngine,
    private readonly jobs: ImportJobsRepository,
    private readonly rows: ImportSimilarRowsRepository,
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(DUPLICATE_CHECK) private readonly duplicates?: DuplicateCheck,
  ) {}

  onModuleInit(): void {
    this.runner.register<ImportSimilarJobData>({
      queue: JobQueueName.ImportSimilar,
      concurrency: 1,
      settings: {
        retryLimit: ATTEMPTS - 1,
        retryDelaySeconds: 5,
        backoff: true,
        expireInSeconds: 3600,
      },
      run: (attempt) => this.run(attempt),
      interrupted: (manager, _id, data, final) => this.interrupted(manager, data, final),
    });
  }

  async run(attempt: JobAttempt<ImportSimilarJobData>): Promise<void> {
    const { importId } = attempt.data;
    const until = Date.now() + SLICE_MS;
    for (;;) {
      if (!this.duplicates) return;
      await this.importsFirst(attempt.signal);
      if (attempt.signal.aborted) throw new JobStoppedError(attempt.id);
      const rows = await this.rows.next(importId, ROWS_PER_CHECK);
      if (rows.length === 0) return;
      const { checked, similar } = await this.duplicates.similarBatch(rows.map((row) => row.query));
      // The rows stay to be checked; the engine tries again after its backoff.
      if (!checked) throw new Error('The search engine did not answer the similarity check');
      const more = await this.tx.run(async (manager) => {
        await attempt.fence(manager);
        // Lines only for the rows this transaction strikes off: should a second job have
        // checked the same rows at once (an attempt taken over), only one writes them.
        const { removed, left } = await this.rows.strike(
          manager,
          importId,
          rows.map((row) => row.position),
        );
        const mine = new Set(removed);
        const struck = rows.flatMap((row, index) =>
          mine.has(row.position) ? [{ row, findings: similar[index] }] : [],
        );
        await this.jobs.addReportLines(
          manager,
          importId,
          struck.flatMap(({ row, findings }) => similarLines(row, findings)),
          this.config.imports.maxReportLines,
          'check',
        );
        await this.rows.found(
          manager,
          importId,
          struck.filter(({ findings }) => findings.length > 0).length,
        );
        // One reading of the clock decides both: hand on, or go on.
        const sliceOver = Date.now() >= until;
        // Its slice is up: the rest goes to the back of the queue, behind other imports' checks.
        if (left > 0 && sliceOver)
          await this.engine.send<ImportSimilarJobData>(
            manager,
            JobQueueName.ImportSimilar,
            attempt.data,
          );
        return left > 0 && !sliceOver;
      });
      if (!more) return;
    }
  }

  private async importsFirst(signal: AbortSignal): Promise<void> {
    const until = Date.now() + IMPORTS_FIRST_MS;
    const busy = async () =>
      (await this.rows.importsUnderWay()) || (await this.duplicates!.indexingBehind());
    while (Date.now() < until && !signal.aborted && (await busy()))
      await new Promise((resolve) => setTimeout(resolve, LOOK_AGAIN_MS));
  }

  /** Out of attempts: the rows left are struck off, and the report says they were not checked. */
  private async interrupted(
    manager: EntityManager,
    data: ImportSimilarJobData,
    final: boolean,
  ): Promise<void> {
    if (!final) return;
    const { removed } = await this.rows.strike(manager, data.importId, 'all');
    if (removed.length > 0)
      await this.jobs.addReportLines(
        manager,
        data.importId,
        [uncheckedLine(removed.length)],
        this.config.imports.maxReportLines,
        'check',
      );
  }
}
