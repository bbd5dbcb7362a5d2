import { Inject, Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AssetBulkWriter, DUPLICATE_CHECK, DuplicateCheck } from '@bouwsteen/assets';
import { Principal, PrincipalLoader } from '@bouwsteen/auth';
import { loggableError } from '@bouwsteen/common';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { TransactionRunner } from '@bouwsteen/database';
import {
  ImportJobData,
  ImportSimilarJobData,
  JobAttempt,
  JobEngine,
  JobHandler,
  JobQueueName,
  JobRunner,
  JobStoppedError,
  LeaseLostError,
} from '@bouwsteen/jobs';
import { TaxonomyService } from '@bouwsteen/taxonomy';
import { ImportFileStore } from './import-file-store';
import { ImportJobRow, ImportJobsRepository, ReportLine } from './import-jobs.repository';
import { ImportSimilarRowsRepository } from './import-similar-rows.repository';
import { ImportRun, RunEnd } from './import-run';
import { ImportTurns } from './import-turns';
import { KeptFiles } from './kept-files';
import { VocabularyLookup } from './vocabulary-lookup';
import { WorkingCopies } from './working-copies';

/** How an attempt went, with the notes it has not written yet. */
interface Attempted {
  end: RunEnd;
  lines: ReportLine[];
}

/** An engine's time limit on one attempt, behind the lease: never reached by a live worker. */
const ATTEMPT_LIMIT_SECONDS = 23 * 3600;

/**
 * Runs imports in the worker, as jobs of the engine's import queue: the job is taken up, its
 * file copied from PostgreSQL to the worker's disk, the rows read and written (ImportRun), and
 * the job ended — with its file removed and its PPS's next import handed on — in one
 * transaction. An attempt that is interrupted (its worker stopped or died) is taken up again
 * by the next, which resumes from the checkpoint; after IMPORT_MAX_ATTEMPTS the job fails.
 */
@Injectable()
export class ImportJobHandler implements OnModuleInit {
  private readonly logger = new Logger(ImportJobHandler.name);

  constructor(
    private readonly runner: JobRunner,
    private readonly jobs: ImportJobsRepository,
    private readonly similarRows: ImportSimilarRowsRepository,
    private readonly engine: JobEngine,
    private readonly files: ImportFileStore,
    private readonly kept: KeptFiles,
    private readonly copies: WorkingCopies,
    private readonly turns: ImportTurns,
    private readonly writer: AssetBulkWriter,
    private readonly taxonomy: TaxonomyService,
    private readonly principals: PrincipalLoader,
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(DUPLICATE_CHECK) private readonly duplicates?: DuplicateCheck,
  ) {}

  /**
   * Two lanes, the same work: long imports, IMPORT_CONCURRENCY at a time (one, by default: two
   * in one event loop only slow each other down), and small files, one at a time beside them.
   */
  onModuleInit(): void {
    const lane = (queue: JobQueueName, concurrency: number): JobHandler<ImportJobData> => ({
      queue,
      concurrency,
      settings: {
        retryLimit: this.config.imports.maxAttempts - 1,
        retryDelaySeconds: 1,
        backoff: true,
        expireInSeconds: ATTEMPT_LIMIT_SECONDS,
      },
      run: (attempt) => this.run(attempt),
      interrupted: (manager, id, data, final) => this.interrupted(manager, id, data, final),
    });
    this.runner.register(lane(JobQueueName.Import, this.config.imports.concurrency));
    this.runner.register(lane(JobQueueName.ImportSmall, 1));
    this.copies.clearLeftovers();
  }

  async run(attempt: JobAttempt<ImportJobData>): Promise<void> {
    const id = attempt.data.importId;
    const job = await this.tx.run(async (manager) => {
      await attempt.fence(manager);
      const begun = await this.jobs.begin(manager, id, attempt.attempt);
      // A dry run wrote nothing, so an interrupted one simply starts again.
      if (begun?.dryRun && (begun.checkpoint?.position ?? 0) > 0) {
        await this.jobs.restart(manager, id);
        return this.jobs.find(id, manager);
      }
      return begun;
    });
    if (!job) return; // cancelled (or ended) before it was taken up
    if (job.cancelRequested) return this.finish(attempt, job, { status: 'cancelled', error: null });
    let outcome: Attempted;
    try {
      outcome = await this.attempt(attempt, job);
    } catch (error) {
      if (error instanceof LeaseLostError || attempt.signal.aborted) throw error;
      this.logger.error(`Import ${id} failed: ${loggableError(error)}`);
      outcome = {
        end: {
          status: 'failed',
          error:
            'De import liep vast op een fout in Bouwsteen; de beheerder kan het logboek bekijken.',
        },
        lines: [],
      };
    }
    const { end, lines } = outcome;
    if (end.status === 'stopped') throw new JobStoppedError(id);
    await this.finish(attempt, job, end, lines);
  }

  private async attempt(attempt: JobAttempt<ImportJobData>, job: ImportJobRow): Promise<Attempted> {
    let principal: Principal;
    try {
      // A deleted account (createdBy NULL) starts nothing more, as a deactivated one.
      if (job.createdBy === null) throw new Error('account deleted');
      principal = await this.principals.load(job.createdBy, 'api-token');
    } catch {
      return {
        end: {
          status: 'failed',
          error: 'Het account dat de import startte is niet meer actief of is verwijderd.',
        },
        lines: [],
      };
    }
    const path = this.copies.pathFor(job.id);
    this.copies.remove(job.id);
    try {
      await this.files.copyTo(job.id, path);
      const run = new ImportRun(
        {
          jobs: this.jobs,
          writer: this.writer,
          tx: this.tx,
          duplicates: this.duplicates,
          similarRows: this.similarRows,
          settings: this.config.imports,
          principal,
          job,
          attempt,
        },
        new VocabularyLookup(await this.taxonomy.vocabularies()),
        path,
      );
      const end = await run.run();
      return { end, lines: run.rest().lines };
    } finally {
      this.copies.remove(job.id);
    }
  }

  private async finish(
    attempt: JobAttempt<ImportJobData>,
    job: ImportJobRow,
    end: Exclude<RunEnd, { status: 'stopped' }>,
    lines: ReportLine[] = [],
  ): Promise<void> {
    await this.tx.run(async (manager) => {
      await attempt.fence(manager);
      await this.jobs.addReportLines(manager, job.id, lines, this.config.imports.maxReportLines);
      await this.end(manager, job.id, end.status, end.error);
    });
  }

  /**
   * Ends the job, removes its file (a dry run that got through it keeps it a while, for its
   * real import; kept files past their time go now) and hands its PPS's next import on.
   */
  private async end(
    manager: EntityManager,
    id: string,
    status: 'done' | 'failed' | 'cancelled',
    error: string | null,
  ): Promise<void> {
    const ended = await this.jobs.finish(manager, id, status, error, this.kept.keepHours);
    if (!ended?.kept) await this.files.remove(manager, id);
    if (!ended) return;
    // Its new rows' "dit bestaat al" starts now (a cancelled import's rows are not checked).
    if (ended.similarLeft > 0 && status === 'cancelled')
      await this.similarRows.strike(manager, id, 'all');
    else if (ended.similarLeft > 0)
      await this.engine.send<ImportSimilarJobData>(manager, JobQueueName.ImportSimilar, {
        kind: JobQueueName.ImportSimilar,
        importId: id,
        ppsId: ended.ppsId,
      });
    await this.kept.sweep(manager, ended.ppsId);
    await this.turns.next(manager, ended.ppsId);
  }

  /** An attempt ended early: the job waits for the next, or fails when none is left. */
  async interrupted(
    manager: EntityManager,
    id: string,
    _data: ImportJobData,
    final: boolean,
  ): Promise<void> {
    if (!final) return this.jobs.requeue(manager, id);
    await this.end(
      manager,
      id,
      'failed',
      `De import is ${this.config.imports.maxAttempts} keer onderbroken (de verwerking stopte) en niet afgemaakt; start hem opnieuw. Wat al was ingelezen, blijft staan.`,
    );
  }
}
