import { EntityManager } from 'typeorm';
import { AssetBulkWriter, AssetKind, DuplicateCheck } from '@bouwsteen/assets';
import { Principal } from '@bouwsteen/auth';
import { AppConfig } from '@bouwsteen/config';
import { TransactionRunner } from '@bouwsteen/database';
import { ImportJobData, JobAttempt } from '@bouwsteen/jobs';
import {
  Checkpoint,
  Counts,
  ImportJobRow,
  ImportJobsRepository,
  ReportLine,
} from './import-jobs.repository';
import { ImportSimilarRowsRepository } from './import-similar-rows.repository';
import { CheckedRow } from './row-check';

/** What one attempt at an import works with. */
export interface RunContext {
  jobs: ImportJobsRepository;
  writer: AssetBulkWriter;
  tx: TransactionRunner;
  duplicates?: DuplicateCheck;
  similarRows: ImportSimilarRowsRepository;
  settings: AppConfig['imports'];
  principal: Principal;
  job: ImportJobRow;
  attempt: JobAttempt<ImportJobData>;
}

/** A note about the file rather than a row, and after which row it was met. */
export interface PendingNotice {
  line: ReportLine;
  after: number;
}

/** What an attempt knows while it reads; the database holds the counts and the report. */
export class RunState {
  /** Rows read so far: the last one's ordinal. */
  ordinal = 0;
  bytesRead = 0;
  /** Codes met so far in this file: a code twice is a mistake in the file, not an update. */
  readonly codes = new Set<string>();
  /**
   * In a dry run, the codes of rows it would have written, with their ids (made up for new
   * blocks): what later rows may refer to; and the kinds of the blocks it would have written,
   * by id, for the writer to check references by as the real run's.
   */
  readonly dryWritten = new Map<string, string>();
  readonly dryKinds = new Map<string, AssetKind>();
  /** Rows waiting for codes further down the file, in file order. */
  waiting: CheckedRow[] = [];
  /** Ordinals of rows set aside and not yet dealt with (what a checkpoint's `waiting` holds). */
  readonly pending = new Set<number>();
  /**
   * Which missing codes a row may wait for: any while the file is being read (it may come
   * later), then only those of rows still waiting, then none (what is missing is reported).
   */
  mayWaitFor: 'any' | Set<string> = 'any';
  /** Codes of rows that failed: a reference to one is worded as such, not as a missing code. */
  readonly failedCodes = new Set<string>();
  /** In the last round: the codes of waiting rows, and their kring (if they are in one). */
  stuckCodes?: { codes: Set<string>; cycles: Map<string, number> };
  notices: PendingNotice[] = [];
  /** Notes written to the report so far (by this attempt and those before it). */
  noticesWritten: number;
  cancelled = false;
  /** The whole file has been read: batches now hold waiting rows. */
  rounds = false;
  /** The file broke off before its end: a code no row read has may stand after the break. */
  readStopped = false;
  stuck = false;

  constructor(
    private readonly signal: AbortSignal,
    noticesWritten: number,
  ) {
    this.noticesWritten = noticesWritten;
  }

  get stopped(): boolean {
    return this.cancelled || this.signal.aborted;
  }

  progress() {
    return { rowsRead: this.ordinal, bytesRead: this.bytesRead };
  }

  /** Where a resumed attempt would start, with rows up to `position` dealt with. */
  checkpoint(position: number, settled: Set<number> = new Set()): Checkpoint {
    return {
      position,
      waiting: [...this.pending].filter((ordinal) => ordinal <= position && !settled.has(ordinal)),
      rounds: this.rounds,
      stuck: this.stuck,
      done: [],
      notices: this.noticesWritten + this.noticesUpTo(position).length,
    };
  }

  /** Notes met up to row `position`: written with the transaction that reaches it. */
  noticesUpTo(position: number): ReportLine[] {
    return this.notices.filter((notice) => notice.after <= position).map((notice) => notice.line);
  }

  /** Once that transaction committed. */
  dropNoticesUpTo(position: number): void {
    this.noticesWritten += this.noticesUpTo(position).length;
    this.notices = this.notices.filter((notice) => notice.after > position);
  }
}

/**
 * Records what a transaction of the attempt did (inside it, after its fence): how far the
 * reader got, and the counts, lines and checkpoint given; notes a cancel request.
 */
export async function recordProgress(
  ctx: RunContext,
  state: RunState,
  manager: EntityManager,
  change: { counts?: Counts; lines?: ReportLine[]; checkpoint?: Checkpoint; done?: number[] },
): Promise<void> {
  const cancelRequested = await ctx.jobs.record(manager, ctx.job.id, {
    ...change,
    progress: state.progress(),
    cap: ctx.settings.maxReportLines,
  });
  state.cancelled ||= cancelRequested;
}
