import { FileNotice, isNotice, readRows, SourceItem, SourceRow } from './readers';
import { ImportBatches } from './import-batch';
import { RunContext, RunState, recordProgress } from './import-run-state';
import { line } from './report-lines';
import { CheckedRow, readRow } from './row-check';
import { referenceCycles } from './reference-cycles';
import { referencedCodes } from './row-codec';
import { VocabularyLookup } from './vocabulary-lookup';

/** How an attempt ended: the job's end, or stopped early (to be resumed by the next attempt). */
export type RunEnd =
  | { status: 'done' | 'cancelled'; error: null }
  | { status: 'failed'; error: string }
  | { status: 'stopped' };

/**
 * One attempt at an import: the file is streamed row by row, and every IMPORT_BATCH_ROWS rows
 * are checked and written (ImportBatches), one batch written while the next is read and
 * checked. An attempt that follows an interrupted one reads the file again from the top, skips
 * the rows its checkpoint says were dealt with (remembering their codes), takes up the rows
 * that were waiting, and goes on from there.
 */
export class ImportRun {
  private readonly state: RunState;
  private readonly batches: ImportBatches;
  private batch: CheckedRow[] = [];
  private readonly batchCodes = new Set<string>();
  /** Rows that refer to a block of the batch being filled: they go into the next one. */
  private carry: CheckedRow[] = [];
  private inFlight: Promise<void> = Promise.resolve();
  private failure: unknown;

  constructor(
    private readonly ctx: RunContext,
    private readonly lookup: VocabularyLookup,
    private readonly path: string,
  ) {
    this.state = new RunState(ctx.attempt.signal, ctx.job.checkpoint!.notices);
    this.batches = new ImportBatches(ctx, this.state);
  }

  async run(): Promise<RunEnd> {
    const { state } = this;
    const resume = this.ctx.job.checkpoint!;
    const skipped = new Set(resume.done);
    /** The last row read: up to it, the file has been dealt with. */
    let lastLabel: string | undefined;
    const waited = new Set(resume.waiting);
    const fatal: FileNotice[] = [];
    let noticesMet = 0;
    const rows = readRows(
      this.ctx.job.format,
      this.path,
      (bytes) => {
        state.bytesRead += bytes;
      },
      this.ctx.settings.limits,
    );
    for await (const item of rows as AsyncIterable<SourceItem>) {
      if (state.stopped) break;
      if (isNotice(item)) {
        if (item.fatal) fatal.push(item);
        // The notes an earlier attempt wrote come first; the file is read in the same order.
        if (item.fatal || ++noticesMet > resume.notices)
          state.notices.push({
            line: {
              ...line('warning', item.notice.label ?? null, null, item.notice),
              position: state.ordinal,
            },
            after: state.ordinal,
          });
        continue;
      }
      state.ordinal++;
      if (state.ordinal <= resume.position || skipped.has(state.ordinal)) {
        this.skip(item, waited);
        lastLabel = item.label;
        continue;
      }
      await this.add(this.read(item));
      lastLabel = item.label;
    }
    // Where the file breaks off (a bound passed, a part broken), the rows before it are dealt
    // with as any are, and rows waiting for a code further down get what has been read.
    if (!state.stopped) await this.flush();
    await this.written();
    state.readStopped = fatal.length > 0;
    if (!state.stopped && (fatal.length === 0 || state.waiting.length > 0))
      await this.rounds(resume.rounds && resume.stuck);
    await this.written();
    if (fatal.length > 0) return { status: 'failed', error: notRead(fatal, lastLabel) };
    if (state.cancelled) return { status: 'cancelled', error: null };
    if (state.stopped) return { status: 'stopped' };
    return { status: 'done', error: null };
  }

  /** What the finishing transaction records: notes not yet written, how far the reader got. */
  rest() {
    return { lines: this.state.noticesUpTo(Infinity), progress: this.state.progress() };
  }

  /**
   * A row an earlier attempt dealt with: only its code is kept (a later row with the same code
   * is still a mistake); a row that was waiting is taken up again.
   */
  private skip(item: SourceRow, waited: Set<number>): void {
    const row = this.read(item);
    if (row.sourceId !== undefined) this.state.codes.add(row.sourceId);
    if (!waited.has(row.ordinal!)) return;
    row.waited = true;
    this.state.waiting.push(row);
    this.state.pending.add(row.ordinal!);
  }

  private read(item: SourceRow): CheckedRow {
    return { ...readRow(item, this.lookup), ordinal: this.state.ordinal };
  }

  /**
   * Rows that referred to codes further down: each round writes those whose codes now exist;
   * after a round that wrote none, nothing may wait and the rest is reported (codes no row has,
   * or rows waiting on each other).
   */
  private async rounds(stuckBefore: boolean): Promise<void> {
    const { state } = this;
    state.rounds = true;
    state.stuck = stuckBefore;
    await this.mark();
    while (state.waiting.length > 0 && !state.stopped) {
      const waiting = state.waiting;
      state.waiting = [];
      const codes = new Set(waiting.flatMap((row) => (row.sourceId ? [row.sourceId] : [])));
      state.mayWaitFor = state.stuck ? new Set() : codes;
      // In the last round, a code of a row that is itself waiting is worded apart from a code
      // no row has: a kring of rows, or a row that failed for a reason of its own.
      if (state.stuck)
        state.stuckCodes = {
          codes,
          cycles: referenceCycles(
            waiting.map((row) => ({
              code: row.sourceId,
              refs: row.kind ? referencedCodes(row.kind, row.content) : [],
            })),
          ),
        };
      for (const row of waiting) {
        // Rows not taken up stay in the checkpoint's waiting list (they are still pending).
        if (state.stopped) break;
        await this.add(row);
      }
      await this.flush();
      if (state.stopped) return;
      state.stuck = state.waiting.length === waiting.length;
      await this.mark();
    }
  }

  /** A checkpoint between phases and rounds (no rows written with it). */
  private async mark(): Promise<void> {
    const { ctx, state } = this;
    await ctx.tx.run(async (manager) => {
      await ctx.attempt.fence(manager);
      await recordProgress(ctx, state, manager, {
        lines: state.noticesUpTo(state.ordinal),
        checkpoint: state.checkpoint(state.ordinal),
      });
    });
    state.dropNoticesUpTo(state.ordinal);
  }

  private async add(row: CheckedRow): Promise<void> {
    row.waitingNow = false;
    // A row that refers to a block earlier in this batch waits until that one is written: it
    // goes into the next batch (its code counted here, its place kept in the checkpoint), so a
    // file that mixes curricula with their modules is still written in whole batches. In the
    // rounds after the file, and past a batch's worth of such rows, the batch is cut instead.
    if (
      row.kind &&
      referencedCodes(row.kind, row.content).some((code) => this.batchCodes.has(code))
    ) {
      if (!this.state.rounds && this.carry.length < this.ctx.settings.batchRows) {
        if (!row.waited) this.batches.countCode(row);
        row.waited = true;
        this.state.pending.add(row.ordinal!);
        this.carry.push(row);
        return;
      }
      await this.submit();
    }
    this.batch.push(row);
    if (row.sourceId) this.batchCodes.add(row.sourceId);
    if (this.batch.length >= this.ctx.settings.batchRows) await this.submit();
  }

  private async flush(): Promise<void> {
    while (this.batch.length > 0 || this.carry.length > 0) await this.submit();
    await this.written();
  }

  /**
   * One batch is written while the next is read and checked: the database's work and ours
   * overlap. A batch that refers to blocks by code waits until every earlier one is in.
   */
  private async submit(): Promise<void> {
    const rows = this.batch;
    const carried = this.carry;
    this.batch = [];
    this.carry = [];
    this.batchCodes.clear();
    if (rows.length > 0) {
      if (rows.some((row) => row.kind && referencedCodes(row.kind, row.content).length > 0))
        await this.written();
      const prepared = await this.batches.prepare(rows);
      await this.written();
      this.inFlight = this.batches.commit(prepared).catch((error: unknown) => {
        this.failure = error;
      });
    }
    // What waited for this batch starts the next; its batch waits until this one is written.
    for (const row of carried) await this.add(row);
  }

  private async written(): Promise<void> {
    await this.inFlight;
    if (this.failure) throw this.failure;
  }
}

/**
 * Why the file was not read (to its end), as the job's error: the first reason and how many
 * more the report holds; and, when rows came before it, that those were dealt with (the
 * totals and the report say how) and the rest of the file was not.
 */
function notRead(fatal: FileNotice[], lastLabel: string | undefined): string {
  const reason = fatal[0].notice.message.replace(/[.;:,]?$/, '');
  const more =
    fatal.length > 1
      ? ` Zie het verslag voor nog ${fatal.length - 1} ${fatal.length === 2 ? 'probleem' : 'problemen'}.`
      : '';
  if (lastLabel === undefined)
    return more
      ? `Het bestand is niet ingelezen: ${reason}.${more}`
      : `Het bestand is niet ingelezen: ${fatal[0].notice.message}`;
  return `Het bestand is maar voor een deel ingelezen: ${reason}.${more} De rijen tot en met ${lastLabel} zijn verwerkt (zie de totalen en het verslag); wat daarna komt niet.`;
}
