import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Principal } from '@bouwsteen/auth';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { TransactionRunner } from '@bouwsteen/database';
import { JobEngine } from '@bouwsteen/jobs';
import {
  DomainException,
  ForbiddenError,
  NotFoundError,
  Page,
  PageQueryDto,
  ValidationFailedError,
  toPage,
  unknownPps,
} from '@bouwsteen/common';
import { PpsRepository } from '@bouwsteen/organisations';
import {
  ImportJobDto,
  ImportListQueryDto,
  ImportReportLineDto,
  RunImportQueryDto,
  StartImportQueryDto,
} from './dto/import.dto';
import { ImportFileStore } from './import-file-store';
import { ENDED, ImportJobRow, ImportJobsRepository } from './import-jobs.repository';
import { ImportSimilarRowsRepository } from './import-similar-rows.repository';
import { ImportPolicy } from './import.policy';
import { ImportTurns } from './import-turns';
import { KeptFiles } from './kept-files';
import { ImportError } from './imports.errors';
import { uploadOf } from './upload';

/**
 * Starting, following and cancelling imports. The API only takes the file in and records the
 * job; the rows are read and written by a worker (ImportJobHandler).
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly jobs: ImportJobsRepository,
    private readonly similarRows: ImportSimilarRowsRepository,
    private readonly files: ImportFileStore,
    private readonly kept: KeptFiles,
    private readonly turns: ImportTurns,
    private readonly engine: JobEngine,
    private readonly tx: TransactionRunner,
    private readonly pps: PpsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Checks who may import (and that the PPS's line has room) before a byte of the file is read,
   * then stores file and job in one transaction and hands the job on when it is the PPS's turn.
   * `choices` turns a page form's fields (sent before the file) into the options.
   */
  async start(
    principal: Principal,
    query: StartImportQueryDto,
    request: Request,
    choices?: (fields: Record<string, string>) => Omit<StartImportQueryDto, 'ppsId' | 'format'>,
  ): Promise<ImportJobDto> {
    if (!(await this.pps.exists(query.ppsId)))
      throw new ValidationFailedError([unknownPps('ppsId', query.ppsId)]);
    if (!ImportPolicy.canStart(principal, query.ppsId))
      throw new ForbiddenError('Only editors of this PPS (or an admin) may import into it');
    this.refuseFullLine(await this.jobs.unfinished(query.ppsId));
    const upload = await uploadOf(request, query.format);
    const options = { ...query, ...choices?.(upload.fields) };
    const job = await this.tx.run(async (manager) => {
      const created = await this.jobs.create(manager, {
        ppsId: query.ppsId,
        createdBy: principal.userId,
        format: upload.format,
        fileName: upload.fileName,
        dryRun: options.dryRun ?? false,
        publish: options.publish ?? false,
        checkSimilar: options.checkSimilar ?? true,
      });
      const bytes = await this.files.save(manager, created.id, upload.body);
      if (bytes === 0) throw new DomainException(ImportError.NoFile, 'The file is empty');
      await this.jobs.setSize(manager, created.id, bytes);
      // Counted again under the line's lock: two uploads at once cannot both take its last place.
      await this.turns.hold(manager, query.ppsId);
      this.refuseFullLine((await this.jobs.unfinished(query.ppsId, manager)) - 1);
      await this.turns.next(manager, query.ppsId);
      return (await this.jobs.find(created.id, manager))!;
    });
    return toImportJobDto(job);
  }

  /**
   * The real import of a finished dry run's file, without sending it again. Who may start it is
   * who may upload into the PPS; it is started once — a second call, or two at once, answers
   * the import the first one started. Publishing and "dit bestaat al" are the dry run's unless
   * `options` says otherwise.
   */
  async runDryRun(
    principal: Principal,
    id: string,
    options: RunImportQueryDto,
  ): Promise<ImportJobDto> {
    const dry = await this.readable(principal, id);
    if (!ImportPolicy.canStart(principal, dry.ppsId))
      throw new ForbiddenError('Only editors of this PPS (or an admin) may import into it');
    if (!dry.dryRun || dry.status !== 'done')
      throw new DomainException(
        ImportError.NotRunnable,
        dry.dryRun
          ? `This dry run is ${dry.status}: only one that went through its file can be imported for real`
          : 'This import is no dry run',
      );
    const job = await this.tx.run(async (manager) => {
      const locked = (await this.kept.lock(manager, id))!;
      if (locked.realImportId) return (await this.jobs.find(locked.realImportId, manager))!;
      if (!locked.fileKept) throw fileGone();
      await this.turns.hold(manager, dry.ppsId);
      this.refuseFullLine(await this.jobs.unfinished(dry.ppsId, manager));
      const created = await this.jobs.create(manager, {
        ppsId: dry.ppsId,
        createdBy: principal.userId,
        format: dry.format,
        fileName: dry.fileName,
        dryRun: false,
        publish: options.publish ?? dry.publish,
        checkSimilar: options.checkSimilar ?? dry.checkSimilar,
        dryRunId: dry.id,
      });
      if (!(await this.kept.handOver(manager, dry.id, created.id))) throw fileGone();
      await this.jobs.setSize(manager, created.id, dry.bytesTotal);
      await this.turns.next(manager, dry.ppsId);
      return (await this.jobs.find(created.id, manager))!;
    });
    return toImportJobDto(job);
  }

  private refuseFullLine(unfinished: number): void {
    const limit = this.config.imports.maxJobsPerPps;
    if (unfinished >= limit)
      throw new DomainException(
        ImportError.TooManyWaiting,
        `This PPS has ${limit} imports waiting or running (IMPORT_MAX_JOBS_PER_PPS); wait for one to end`,
        { headers: { 'Retry-After': '60' } },
      );
  }

  async get(principal: Principal, id: string): Promise<ImportJobDto> {
    return toImportJobDto(await this.readable(principal, id));
  }

  async list(principal: Principal, query: ImportListQueryDto): Promise<Page<ImportJobDto>> {
    const [rows, total] = await this.jobs.list(
      ImportPolicy.scope(principal),
      query.ppsId,
      query.offset,
      query.pageSize,
    );
    return toPage(rows.map(toImportJobDto), total, query);
  }

  async report(
    principal: Principal,
    id: string,
    query: PageQueryDto,
  ): Promise<Page<ImportReportLineDto>> {
    await this.readable(principal, id);
    const [lines, total] = await Promise.all([
      this.jobs.reportPage(id, query.offset, query.pageSize),
      this.jobs.storedLines(id),
    ]);
    return toPage(lines, total, query);
  }

  /** A waiting import ends at once; a running one is asked to stop and does within a batch. */
  async cancel(principal: Principal, id: string): Promise<ImportJobDto> {
    await this.readable(principal, id);
    await this.tx.run(async (manager) => {
      const { outcome, ppsId, dispatched, bytesTotal } = await this.jobs.requestCancel(manager, id);
      if (outcome === 'ended')
        throw new DomainException(ImportError.Finished, 'This import has already ended');
      if (outcome !== 'cancelled') return;
      // Rows an interrupted attempt wrote are not checked after a cancel, as at a running one's.
      await this.similarRows.strike(manager, id, 'all');
      if (!dispatched) return;
      await this.engine.cancel(manager, this.turns.laneFor(bytesTotal), id);
      await this.files.remove(manager, id);
      await this.turns.next(manager, ppsId);
    });
    return this.get(principal, id);
  }

  private async readable(principal: Principal, id: string): Promise<ImportJobRow> {
    const job = await this.jobs.find(id);
    if (!job || !ImportPolicy.canRead(principal, job))
      throw new NotFoundError(ImportError.NotFound, 'import', id);
    return job;
  }
}

function fileGone(): DomainException {
  return new DomainException(
    ImportError.FileGone,
    'The file of this dry run is no longer kept (IMPORT_DRY_RUN_KEEP_HOURS passed, or the PPS has newer dry runs); send it again',
  );
}

export function toImportJobDto(job: ImportJobRow): ImportJobDto {
  return {
    id: job.id,
    ppsId: job.ppsId,
    format: job.format,
    fileName: job.fileName,
    dryRun: job.dryRun,
    publish: job.publish,
    checkSimilar: job.checkSimilar,
    status: job.status,
    cancelRequested: job.cancelRequested,
    progress: {
      bytesRead: job.bytesRead,
      bytesTotal: job.bytesTotal,
      percent:
        job.status === 'done'
          ? 100
          : Math.min(99, Math.floor((100 * job.bytesRead) / Math.max(1, job.bytesTotal))),
      rowsRead: job.rowsRead,
    },
    totals: {
      created: job.created,
      updated: job.updated,
      unchanged: job.unchanged,
      published: job.published,
      failed: job.failed,
      similar: job.similar,
    },
    similarCheck: {
      status: !job.checkSimilar
        ? 'off'
        : job.similarLeft > 0 || !ENDED.includes(job.status)
          ? 'waiting'
          : 'done',
      rowsLeft: job.similarLeft,
    },
    reportLines: job.reportLines,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    reportUrl: `/api/v1/imports/${job.id}/report`,
    fileKeptUntil: job.fileKeptUntil?.toISOString() ?? null,
    dryRunId: job.dryRunId,
    realImportId: job.realImportId,
  };
}
