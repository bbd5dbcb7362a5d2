import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import {
  AssetBulkWriter,
  BulkItem,
  BulkOutcome,
  DUPLICATE_CHECK,
  DuplicateCheck,
  similarityFeatures,
} from '@bouwsteen/assets';
import { Principal, PrincipalLoader } from '@bouwsteen/auth';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { TaxonomyService } from '@bouwsteen/taxonomy';
import { inDutch } from './dutch-messages';
import { ImportFiles } from './import-files';
import { ImportJobRow, ImportJobsRepository, ReportLine, Totals } from './import-jobs.repository';
import { isNotice, readRows, SourceItem } from './readers';
import { CheckedRow, readRow, shapeProblems } from './row-check';
import { RowProblem, referencedCodes, resolveReferences, valueAt } from './row-codec';
import { VocabularyLookup } from './vocabulary-lookup';

/** Rows checked between two chances for other requests to run. */
const YIELD_EVERY = 25;
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A job whose runner has not reported for this long is taken to have died with its process. */
const ABANDONED_AFTER_SECONDS = 120;

/**
 * Rows that refer to a code not written yet wait for the end of the file (a curriculum above
 * its modules); at most this many are held, so a file cannot make the runner keep it whole.
 */
const MAX_WAITING_ROWS = 10_000;

interface Prepared {
  rows: CheckedRow[];
  items: BulkItem[];
  /** The rows that became items, by their key. */
  checked: Map<number, CheckedRow>;
}

interface JobState {
  job: ImportJobRow;
  principal: Principal;
  lookup: VocabularyLookup;
  totals: Totals;
  /** Codes met so far in this file: a code twice is a mistake in the file, not an update. */
  codes: Set<string>;
  /** In a dry run, the codes of rows it would have written: what later rows may refer to. */
  dryWritten: Set<string>;
  lines: ReportLine[];
  cancelled: boolean;
  /** Rows waiting for codes further down the file, in file order. */
  waiting: CheckedRow[];
  /**
   * Which missing codes a row may wait for: any while the file is being read (it may come
   * later), then only those of rows still waiting, then none (what is missing is reported).
   */
  mayWaitFor: 'any' | Set<string>;
}

/**
 * Runs import jobs in the API process, one at a time: the file is streamed row by row, and
 * every IMPORT_BATCH_ROWS rows are checked (shape, codes, references) and handed to the
 * assets' bulk writer in one transaction. Progress, totals and the report are kept with the
 * job after each batch, which is also when a cancel request is seen.
 */
@Injectable()
export class ImportRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ImportRunner.name);
  private readonly queue: string[] = [];
  private draining?: Promise<void>;
  private stopping = false;

  constructor(
    private readonly jobs: ImportJobsRepository,
    private readonly files: ImportFiles,
    private readonly writer: AssetBulkWriter,
    private readonly taxonomy: TaxonomyService,
    private readonly principals: PrincipalLoader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(DUPLICATE_CHECK) private readonly duplicates?: DuplicateCheck,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.failAbandoned(ABANDONED_AFTER_SECONDS);
    for (const id of await this.jobs.queued()) {
      if (this.files.exists(id)) this.enqueue(id);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.draining;
  }

  enqueue(id: string): void {
    this.queue.push(id);
    this.draining ??= this.drain().finally(() => (this.draining = undefined));
  }

  /** Resolves when every job queued so far has ended (tests, the CLI's local mode). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 && !this.stopping) {
      const id = this.queue.shift()!;
      if (!(await this.jobs.start(id))) continue;
      const job = (await this.jobs.find(id))!;
      try {
        await this.run(job);
      } catch (error) {
        this.logger.error(`Import ${id} failed: ${(error as Error).stack}`);
        await this.jobs.finish(
          id,
          'failed',
          emptyTotals(),
          'De import liep vast op een fout in Bouwsteen; de beheerder kan het logboek bekijken.',
        );
      } finally {
        this.files.remove(id);
      }
    }
  }

  private async run(job: ImportJobRow): Promise<void> {
    let principal: Principal;
    try {
      principal = await this.principals.load(job.createdBy, 'api-token');
    } catch {
      await this.jobs.finish(
        job.id,
        'failed',
        emptyTotals(),
        'Het account dat de import startte is niet meer actief.',
      );
      return;
    }
    const state: JobState = {
      job,
      principal,
      lookup: new VocabularyLookup(await this.taxonomy.vocabularies()),
      totals: emptyTotals(),
      codes: new Set(),
      dryWritten: new Set(),
      lines: [],
      cancelled: false,
      waiting: [],
      mayWaitFor: 'any',
    };
    let batch: CheckedRow[] = [];
    const batchCodes = new Set<string>();
    let fatal: string | null = null;
    // One batch is written while the next is read and checked: the database's work and ours
    // overlap. A batch that refers to blocks by code waits until every earlier one is in.
    let inFlight: Promise<void> = Promise.resolve();
    let failure: unknown;
    const written = async () => {
      await inFlight;
      if (failure) throw failure;
    };
    const submit = async (rows: CheckedRow[]) => {
      if (rows.some((row) => row.kind && referencedCodes(row.kind, row.content).length > 0))
        await written();
      const prepared = await this.prepare(state, rows);
      await written();
      inFlight = this.commit(state, prepared).catch((error: unknown) => {
        failure = error;
      });
    };
    const add = async (row: CheckedRow) => {
      // A row that refers to a block earlier in this batch waits until that one is written.
      if (row.kind && referencedCodes(row.kind, row.content).some((code) => batchCodes.has(code))) {
        await submit(batch);
        batch = [];
        batchCodes.clear();
      }
      batch.push(row);
      if (row.sourceId) batchCodes.add(row.sourceId);
      if (batch.length >= this.config.imports.batchRows) {
        await submit(batch);
        batch = [];
        batchCodes.clear();
      }
    };
    const flush = async () => {
      if (batch.length > 0) await submit(batch);
      batch = [];
      batchCodes.clear();
      await written();
    };
    const stopped = () => state.cancelled || this.stopping;
    const rows = readRows(job.format, this.files.pathOf(job.id), (bytes) => {
      state.totals.bytesRead += bytes;
    });
    for await (const item of rows as AsyncIterable<SourceItem>) {
      if (isNotice(item)) {
        state.lines.push(line('warning', item.notice.label ?? null, null, item.notice));
        if (item.fatal) fatal = item.notice.message;
        continue;
      }
      state.totals.rowsRead++;
      await add(readRow(item, state.lookup));
      if (stopped()) break;
    }
    if (!fatal && !stopped()) await flush();
    // Rows that referred to codes further down: each round writes those whose codes now exist;
    // after a round that wrote none, nothing may wait and the rest is reported (codes no row
    // has, or rows waiting on each other).
    let stuck = false;
    while (state.waiting.length > 0 && !fatal && !stopped()) {
      const waiting = state.waiting;
      state.waiting = [];
      state.mayWaitFor = stuck
        ? new Set()
        : new Set(waiting.flatMap((row) => (row.sourceId ? [row.sourceId] : [])));
      for (const row of waiting) await add(row);
      await flush();
      stuck = state.waiting.length === waiting.length;
    }
    await written();
    if (fatal) {
      await this.flush(state);
      await this.jobs.finish(
        job.id,
        'failed',
        state.totals,
        `Het bestand is niet ingelezen: ${fatal}`,
      );
      return;
    }
    await this.flush(state);
    await this.jobs.finish(
      job.id,
      state.cancelled || this.stopping ? 'cancelled' : 'done',
      state.totals,
      null,
    );
  }

  /** References resolved, every row checked against the API's rules: what the writer gets. */
  private async prepare(state: JobState, rows: CheckedRow[]): Promise<Prepared> {
    const { job } = state;
    // References by the PPS's own code: to blocks written before (earlier batches included).
    const codes = [
      ...new Set(rows.flatMap((row) => (row.kind ? referencedCodes(row.kind, row.content) : []))),
    ];
    const known = await this.writer.idsBySourceId(job.ppsId, codes);
    const items: BulkItem[] = [];
    const checked = new Map<number, CheckedRow>();
    for (const [key, row] of rows.entries()) {
      // Checking is CPU work: let waiting requests in every few rows, so an import does not
      // hold up everyone else's clicks.
      if (key % YIELD_EVERY === YIELD_EVERY - 1) await yieldToOthers();
      // A row back from waiting was counted in the file already.
      if (row.sourceId !== undefined && !row.waited) {
        if (state.codes.has(row.sourceId))
          row.problems.push({
            field: 'sourceId',
            message: 'komt eerder in het bestand voor',
            value: row.sourceId,
          });
        state.codes.add(row.sourceId);
      }
      if (row.kind && row.problems.length === 0 && this.waits(state, row, known)) continue;
      // In a dry run nothing is written, so a block earlier in this file has no id yet: a
      // reference to the code of a row it would have written is taken as good.
      if (row.kind)
        row.problems.push(
          ...resolveReferences(
            row.kind,
            row.content,
            known,
            job.dryRun ? state.dryWritten : undefined,
          ),
        );
      if (row.problems.length > 0 || !row.kind) continue;
      const shape = await shapeProblems(row.kind, job.ppsId, row.content);
      if (shape.problems.length > 0) {
        row.problems.push(...shape.problems);
        continue;
      }
      items.push({
        key,
        id: row.id,
        sourceId: row.sourceId,
        kind: row.kind,
        content: shape.content!,
      });
      checked.set(key, row);
    }
    return { rows, items, checked };
  }

  /**
   * Puts a row aside when a code it refers to has no block yet but may still come (further down
   * the file, or from a row that is itself waiting); it is checked again at the end of the file.
   */
  private waits(state: JobState, row: CheckedRow, known: Map<string, string>): boolean {
    const missing = referencedCodes(row.kind!, row.content).filter(
      (code) => !known.has(code) && !(state.job.dryRun && state.dryWritten.has(code)),
    );
    if (missing.length === 0 || state.waiting.length >= MAX_WAITING_ROWS) return false;
    const { mayWaitFor } = state;
    if (mayWaitFor !== 'any' && !missing.some((code) => mayWaitFor.has(code))) return false;
    row.waited = true;
    state.waiting.push(row);
    return true;
  }

  /** Writes a prepared batch, reports its rows, checks its new blocks, records progress. */
  private async commit(state: JobState, { rows, items, checked }: Prepared): Promise<void> {
    const { job } = state;
    const outcomes = await this.writer.write(state.principal, job.ppsId, items, {
      publish: job.publish,
      dryRun: job.dryRun,
      changeNote: `Bijgewerkt met een import (${job.fileName ?? 'bestand'})`,
    });
    for (const outcome of outcomes) {
      const row = checked.get(outcome.key)!;
      row.problems.push(
        ...outcome.errors.map((error) => ({ field: error.field, message: inDutch(error.message) })),
      );
      if (job.dryRun && outcome.result !== 'failed' && row.sourceId)
        state.dryWritten.add(row.sourceId);
      count(state.totals, outcome);
    }
    for (const row of rows) {
      if (row.problems.length === 0) continue;
      state.totals.failed++;
      for (const problem of row.problems)
        state.lines.push(line('error', row.label, row.sourceId ?? null, withValue(problem, row)));
    }
    await this.checkSimilar(state, items, outcomes, checked);
    await this.flush(state);
    state.cancelled = await this.jobs.progress(job.id, state.totals);
  }

  /** "Dit bestaat al" for every new row of the batch, in one multi-search. */
  private async checkSimilar(
    state: JobState,
    items: BulkItem[],
    outcomes: BulkOutcome[],
    rows: Map<number, CheckedRow>,
  ): Promise<void> {
    if (!this.duplicates || !state.job.checkSimilar) return;
    const byKey = new Map(items.map((item) => [item.key, item]));
    const created = outcomes
      .filter((outcome) => outcome.result === 'created')
      .map((outcome) => ({ outcome, item: byKey.get(outcome.key)! }));
    if (created.length === 0) return;
    const { checked, similar } = await this.duplicates.similarBatch(
      created.map(({ item }) => ({
        ...similarityFeatures(item.kind, item.content),
        kind: item.kind,
        excludePpsId: state.job.ppsId,
      })),
    );
    if (!checked) {
      state.lines.push({
        severity: 'warning',
        row: null,
        sourceId: null,
        field: null,
        message:
          'De zoekmachine was niet bereikbaar: "dit bestaat al" is voor een deel van de rijen niet gecontroleerd.',
        value: null,
        assetId: null,
        similarAssetId: null,
      });
      return;
    }
    similar.forEach((found, index) => {
      if (found.length === 0) return;
      state.totals.similar++;
      const { item, outcome } = created[index];
      for (const match of found)
        state.lines.push({
          severity: 'similar',
          row: rows.get(item.key)?.label ?? null,
          sourceId: item.sourceId ?? null,
          field: null,
          message: `Dit bestaat al: "${match.title}" van ${match.pps.name} (overeenkomst ${Math.round(match.score * 100)}%)`,
          value: item.content.title,
          assetId: outcome.assetId ?? null,
          similarAssetId: match.id,
        });
    });
  }

  private async flush(state: JobState): Promise<void> {
    await this.jobs.addReportLines(state.job.id, state.lines, this.config.imports.maxReportLines);
    state.lines = [];
  }
}

/** The report says what it found: a problem without a value gets the row's value at its field. */
function withValue(problem: RowProblem, row: CheckedRow): RowProblem {
  if (problem.value !== undefined || !problem.field) return problem;
  const found = valueAt(row.content, problem.field);
  if (found === undefined || found === null) return problem;
  return { ...problem, value: typeof found === 'string' ? found : JSON.stringify(found) };
}

function count(totals: Totals, outcome: BulkOutcome): void {
  if (outcome.result === 'created') totals.created++;
  if (outcome.result === 'updated') totals.updated++;
  if (outcome.result === 'unchanged') totals.unchanged++;
  if (outcome.published) totals.published++;
}

function line(
  severity: ReportLine['severity'],
  row: string | null,
  sourceId: string | null,
  problem: RowProblem,
): ReportLine {
  return {
    severity,
    row,
    sourceId: sourceId === null ? null : visible(sourceId),
    field: problem.field || null,
    message: problem.message,
    value: problem.value === undefined ? null : visible(problem.value.slice(0, 500)),
    assetId: null,
    similarAssetId: null,
  };
}

/**
 * A found value as the report can store and show it: control characters (NUL cannot even be
 * stored) written as \\uXXXX, unpaired surrogates as U+FFFD.
 */
function visible(text: string): string {
  return text
    .replace(
      // eslint-disable-next-line no-control-regex -- making control characters visible is the point
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
    )
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function emptyTotals(): Totals {
  return {
    rowsRead: 0,
    bytesRead: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    published: 0,
    failed: 0,
    similar: 0,
  };
}
