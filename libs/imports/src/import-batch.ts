import { randomUUID } from 'node:crypto';
import { BulkItem, BulkOutcome, similarityFeatures } from '@bouwsteen/assets';
import { EntityManager } from 'typeorm';
import { FieldCode, type FieldError } from '@bouwsteen/common/pure';
import { dutchMessage, inDutch } from '@bouwsteen/taxonomy/pure';
import { Counts, ReportLine } from './import-jobs.repository';
import { SimilarRow } from './import-similar-rows.repository';
import { count, emptyCounts, problemLines } from './report-lines';
import { CheckedRow, checkable, shapeProblems } from './row-check';
import { RowProblem, referencedCodes, resolveReferences } from './row-codec';
import { RunContext, RunState, recordProgress } from './import-run-state';

/** Rows checked between two chances for the worker's other work (leases, other jobs) to run. */
const YIELD_EVERY = 25;
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Rows that refer to a code not written yet wait for the end of the file (a curriculum above
 * its modules); at most this many are held, so a file cannot make the runner keep it whole.
 */
const MAX_WAITING_ROWS = 10_000;

export interface Prepared {
  rows: CheckedRow[];
  items: BulkItem[];
  /** The rows that became items, by their key. */
  checked: Map<number, CheckedRow>;
}

/**
 * One batch of rows: checked against the API's rules, written by the assets' bulk writer, and
 * recorded — counts, report lines and the checkpoint — in the transaction that writes them, so
 * an attempt that dies resumes exactly after the last batch that committed.
 */
export class ImportBatches {
  constructor(
    private readonly ctx: RunContext,
    private readonly state: RunState,
  ) {}

  /** References resolved, every row checked against the API's rules: what the writer gets. */
  async prepare(rows: CheckedRow[]): Promise<Prepared> {
    const { job } = this.ctx;
    const state = this.state;
    // References by the PPS's own code: to blocks written before (earlier batches included);
    // in a dry run, which writes nothing, also to those it would have written.
    const codes = [
      ...new Set(rows.flatMap((row) => (row.kind ? referencedCodes(row.kind, row.content) : []))),
    ];
    const known = await this.ctx.writer.idsBySourceId(job.ppsId, codes);
    if (job.dryRun)
      for (const code of codes) {
        const id = state.dryWritten.get(code);
        if (id && !known.has(code)) known.set(code, id);
      }
    const items: BulkItem[] = [];
    const checked = new Map<number, CheckedRow>();
    for (const [key, row] of rows.entries()) {
      // Checking is CPU work: let the worker's other work in every few rows.
      if (key % YIELD_EVERY === YIELD_EVERY - 1) await yieldToOthers();
      // A row back from waiting was counted in the file already.
      if (!row.waited) this.countCode(row);
      if (!row.kind) continue;
      // A row with problems waits too: whether a code it refers to exists is told with them.
      if (this.waits(row, known)) continue;
      row.problems.push(
        ...resolveReferences(row.kind, row.content, known).map((problem) =>
          this.unresolved(row, problem),
        ),
      );
      // Every problem of a row in one report, so fixing the file takes one round: the API's
      // rules run on a row that already has problems too (on the fields that have none yet),
      // and the writer checks the rest of it — what only the database knows, and what
      // publishing needs — without writing it.
      const shape = await shapeProblems(row.kind, job.ppsId, row.content);
      row.problems.push(...newProblems(row.problems, shape.problems));
      const sound = row.problems.length === 0;
      const rest = sound
        ? { content: shape.content!, leftOut: [] }
        : await checkable(row.kind, job.ppsId, row.content, row.problems);
      if (!rest) continue;
      row.leftOut = rest.leftOut;
      const said = (field: string) => row.problems.some((problem) => problem.field === field);
      items.push({
        key,
        id: said('id') ? undefined : row.id,
        sourceId: said('sourceId') ? undefined : row.sourceId,
        kind: row.kind,
        content: rest.content,
        given: row.given,
        checkOnly: !sound,
      });
      checked.set(key, row);
    }
    return { rows, items, checked };
  }

  /** A row's code counted where it stands in the file: a second row with it is a mistake. */
  countCode(row: CheckedRow): void {
    const { state } = this;
    if (row.sourceId === undefined) return;
    if (state.codes.has(row.sourceId))
      row.problems.push({
        field: 'sourceId',
        message: dutchMessage(FieldCode.SourceIdRepeated),
        value: row.sourceId,
      });
    state.codes.add(row.sourceId);
  }

  /** A code no block has yet: said apart when a waiting row has it (a kring, or a failed row). */
  private unresolved(row: CheckedRow, problem: RowProblem): RowProblem {
    const stuck = this.state.stuckCodes;
    const code = problem.value;
    if (code === undefined) return problem;
    const failed = { ...problem, message: dutchMessage(FieldCode.ReferencedRowFailed) };
    const cycle = stuck?.cycles.get(code);
    if (cycle !== undefined && row.sourceId && stuck!.cycles.get(row.sourceId) === cycle)
      return { ...problem, message: dutchMessage(FieldCode.ReferenceCycle) };
    if (this.state.failedCodes.has(code) || stuck?.codes.has(code)) return failed;
    if (this.state.readStopped)
      return { ...problem, message: dutchMessage(FieldCode.ReadStoppedBeforeReference) };
    return problem;
  }

  /**
   * Puts a row aside when a code it refers to has no block yet but may still come (further down
   * the file, or from a row that is itself waiting); it is checked again at the end of the file.
   */
  private waits(row: CheckedRow, known: Map<string, string>): boolean {
    const { state } = this;
    const missing = referencedCodes(row.kind!, row.content).filter((code) => !known.has(code));
    if (missing.length === 0 || state.waiting.length >= MAX_WAITING_ROWS) return false;
    const { mayWaitFor } = state;
    if (mayWaitFor !== 'any' && !missing.some((code) => mayWaitFor.has(code))) return false;
    row.waited = true;
    row.waitingNow = true;
    state.waiting.push(row);
    state.pending.add(row.ordinal!);
    return true;
  }

  /**
   * Writes a prepared batch and records it. The batch's transaction records every row it dealt
   * with and moves the checkpoint past them; should the writer fall back to one row per
   * transaction, each records its row as done, and a last transaction moves the checkpoint.
   */
  async commit({ rows, items, checked }: Prepared): Promise<void> {
    const { ctx, state } = this;
    const settled = rows.filter((row) => !row.waitingNow);
    const itemRows = new Set(checked.values());
    // Rows the writer was not given (no kind, or nothing of them could be checked).
    const early = settled.filter((row) => !itemRows.has(row));
    const position = state.rounds ? state.ordinal : Math.max(...rows.map((row) => row.ordinal!));
    const settledOrdinals = new Set(settled.map((row) => row.ordinal!));
    const recorded = new Set<number>();
    let whole = false;
    const record = async (manager: EntityManager, outcomes: BulkOutcome[], last: boolean) => {
      await ctx.attempt.fence(manager);
      const fresh = outcomes.filter((outcome) => !recorded.has(outcome.key));
      const counts = emptyCounts();
      const lines: ReportLine[] = [];
      for (const outcome of fresh) this.describe(checked.get(outcome.key)!, outcome, counts, lines);
      if (last) {
        counts.failed += early.length;
        for (const row of early) lines.push(...problemLines(row, row.problems));
        lines.push(...state.noticesUpTo(position));
      }
      await recordProgress(ctx, state, manager, {
        counts,
        lines,
        ...(last
          ? { checkpoint: state.checkpoint(position, settledOrdinals) }
          : { done: fresh.map((outcome) => checked.get(outcome.key)!.ordinal!) }),
      });
      // With the rows that pass the checkpoint: a resumed attempt never skips a row's check.
      await ctx.similarRows.add(manager, ctx.job.id, this.toCheck(items, fresh, checked));
      for (const outcome of fresh) recorded.add(outcome.key);
      whole = last;
    };
    const outcomes = items.length
      ? await ctx.writer.write(ctx.principal, ctx.job.ppsId, items, {
          publish: ctx.job.publish,
          dryRun: ctx.job.dryRun,
          provisional: ctx.job.dryRun ? state.dryKinds : undefined,
          changeNote: `Bijgewerkt met een import (${ctx.job.fileName ?? 'bestand'})`,
          // The batch's own transaction covers every row; one of a single row, only that row.
          record: (manager, written) => record(manager, written, written.length === items.length),
        })
      : [];
    if (!whole) await ctx.tx.run((manager) => record(manager, outcomes, true));
    state.dropNoticesUpTo(position);
    for (const ordinal of settledOrdinals) state.pending.delete(ordinal);
    for (const row of early) if (row.sourceId) state.failedCodes.add(row.sourceId);
    for (const outcome of outcomes) {
      const code = checked.get(outcome.key)!.sourceId;
      if (outcome.result === 'failed' && code) state.failedCodes.add(code);
    }
    if (ctx.job.dryRun)
      for (const outcome of outcomes) {
        const row = checked.get(outcome.key)!;
        if (outcome.result === 'failed' || (!row.sourceId && !outcome.assetId)) continue;
        // A new block has no id in a dry run: one is made up for rows that refer to it.
        const id = outcome.assetId ?? randomUUID();
        if (row.sourceId) state.dryWritten.set(row.sourceId, id);
        state.dryKinds.set(id, row.kind!);
      }
  }

  /**
   * What became of one row the writer was given: its counts and, when it failed, its report
   * lines — its own problems, then what the writer found in the fields that have none — and,
   * in a dry run that does not publish, what publishing would still need (as a warning: the
   * row goes in as a draft, but "Nu echt importeren" with publishing refuses it for that).
   */
  private describe(row: CheckedRow, outcome: BulkOutcome, counts: Counts, lines: ReportLine[]) {
    if (row.problems.length === 0 && outcome.errors.length === 0 && !outcome.publishGaps)
      return count(counts, outcome);
    const inWords = (errors: FieldError[]) =>
      errors.map((error) => ({ field: error.field, message: inDutch(error) }));
    const problems = [
      ...row.problems,
      ...newProblems([...row.problems, ...(row.leftOut ?? [])], inWords(outcome.errors)),
    ];
    const gaps = newProblems(
      [...problems, ...(row.leftOut ?? [])],
      inWords(outcome.publishGaps ?? []),
    );
    if (problems.length === 0) count(counts, outcome);
    else counts.failed++;
    lines.push(...problemLines(row, problems), ...problemLines(row, gaps, 'warning'));
  }

  /**
   * "Dit bestaat al" for the new rows waits for the end of the import (a check is ~14 searches
   * a row; on the import's path it made an import 34x slower): what each new row's check
   * compares, recorded in the transaction that writes the row; ImportSimilarHandler checks it.
   */
  private toCheck(
    items: BulkItem[],
    outcomes: BulkOutcome[],
    rows: Map<number, CheckedRow>,
  ): SimilarRow[] {
    const { ctx } = this;
    if (!ctx.duplicates || !ctx.job.checkSimilar) return [];
    const byKey = new Map(items.map((item) => [item.key, item]));
    const waiting: SimilarRow[] = [];
    for (const outcome of outcomes) {
      const item = byKey.get(outcome.key);
      const row = rows.get(outcome.key);
      if (outcome.result !== 'created' || !item || row?.ordinal === undefined) continue;
      waiting.push({
        position: row.ordinal,
        row: row.label,
        sourceId: item.sourceId ?? null,
        assetId: outcome.assetId ?? null,
        title: item.content.title,
        query: {
          ...similarityFeatures(item.kind, item.content),
          kind: item.kind,
          excludePpsId: ctx.job.ppsId,
        },
      });
    }
    return waiting;
  }
}

/**
 * Problems of fields (or their parts) that have none yet (`known`: problems, or fields whose
 * problems were told): one line per field, the first found.
 */
function newProblems(known: (RowProblem | string)[], found: RowProblem[]): RowProblem[] {
  const fields = known.map((problem) => (typeof problem === 'string' ? problem : problem.field));
  const taken = (field: string) =>
    fields.some(
      (other) => field === other || field.startsWith(`${other}.`) || other.startsWith(`${field}.`),
    );
  return found.filter((problem) => !taken(problem.field));
}
