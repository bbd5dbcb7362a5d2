import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { Principal } from '@bouwsteen/auth';
import {
  DomainException,
  ForbiddenError,
  NotFoundError,
  Page,
  PageQueryDto,
  ValidationFailedError,
  toPage,
} from '@bouwsteen/common';
import { PpsRepository } from '@bouwsteen/organisations';
import {
  ImportJobDto,
  ImportListQueryDto,
  ImportReportLineDto,
  StartImportQueryDto,
} from './dto/import.dto';
import { ImportFiles } from './import-files';
import { ImportJobRow, ImportJobsRepository } from './import-jobs.repository';
import { ImportPolicy } from './import.policy';
import { ImportRunner } from './import-runner';
import { ImportError } from './imports.errors';
import { uploadOf } from './upload';

/** Starting, following and cancelling imports; the rows themselves are the runner's work. */
@Injectable()
export class ImportsService {
  constructor(
    private readonly jobs: ImportJobsRepository,
    private readonly files: ImportFiles,
    private readonly runner: ImportRunner,
    private readonly pps: PpsRepository,
  ) {}

  /**
   * Checks who may import before a byte of the file is read, then stores it and queues the job.
   * `choices` turns a page form's fields (sent before the file) into the options.
   */
  async start(
    principal: Principal,
    query: StartImportQueryDto,
    request: Request,
    choices?: (fields: Record<string, string>) => Omit<StartImportQueryDto, 'ppsId' | 'format'>,
  ): Promise<ImportJobDto> {
    if (!(await this.pps.exists(query.ppsId)))
      throw new ValidationFailedError([{ field: 'ppsId', message: `unknown PPS ${query.ppsId}` }]);
    if (!ImportPolicy.canStart(principal, query.ppsId))
      throw new ForbiddenError('Only editors of this PPS (or an admin) may import into it');
    const upload = await uploadOf(request, query.format);
    const options = { ...query, ...choices?.(upload.fields) };
    const staging = `upload-${randomUUID()}`;
    const bytes = await this.files.save(staging, upload.body);
    if (bytes === 0) {
      this.files.remove(staging);
      throw new DomainException(ImportError.NoFile, 'The file is empty');
    }
    const job = await this.jobs.create({
      ppsId: query.ppsId,
      createdBy: principal.userId,
      format: upload.format,
      fileName: upload.fileName,
      dryRun: options.dryRun ?? false,
      publish: options.publish ?? false,
      checkSimilar: options.checkSimilar ?? true,
      bytesTotal: bytes,
    });
    this.files.rename(staging, job.id);
    this.runner.enqueue(job.id);
    return toImportJobDto(job);
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

  async cancel(principal: Principal, id: string): Promise<ImportJobDto> {
    await this.readable(principal, id);
    if (!(await this.jobs.requestCancel(id)))
      throw new DomainException(ImportError.Finished, 'This import has already ended');
    return this.get(principal, id);
  }

  private async readable(principal: Principal, id: string): Promise<ImportJobRow> {
    const job = await this.jobs.find(id);
    if (!job || !ImportPolicy.canRead(principal, job))
      throw new NotFoundError(ImportError.NotFound, 'import', id);
    return job;
  }
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
    reportLines: job.reportLines,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    reportUrl: `/api/v1/imports/${job.id}/report`,
  };
}
