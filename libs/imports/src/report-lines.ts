import type { BulkOutcome, SimilarAssetDto } from '@bouwsteen/assets';
import { Counts, ReportLine } from './import-jobs.repository';
import type { SimilarRow } from './import-similar-rows.repository';
import { RowProblem, valueAt } from './row-codec';
import { CheckedRow } from './row-check';

export function emptyCounts(): Counts {
  return { created: 0, updated: 0, unchanged: 0, published: 0, failed: 0, similar: 0 };
}

/** Adds what a write did with one row to `counts`. */
export function count(counts: Counts, outcome: BulkOutcome): void {
  if (outcome.result === 'created') counts.created++;
  if (outcome.result === 'updated') counts.updated++;
  if (outcome.result === 'unchanged') counts.unchanged++;
  if (outcome.published) counts.published++;
}

/** The report's lines for one row's problems (or, as warnings, what it would lack). */
export function problemLines(
  row: CheckedRow,
  problems: RowProblem[],
  severity: ReportLine['severity'] = 'error',
): ReportLine[] {
  return problems.map((problem) => ({
    ...line(severity, row.label, row.sourceId ?? null, withValue(problem, row)),
    position: row.ordinal ?? null,
  }));
}

/** A new row's "dit bestaat al": one line per finding, in the row's place in the report. */
export function similarLines(row: SimilarRow, found: SimilarAssetDto[]): ReportLine[] {
  return found.map((match) => ({
    severity: 'similar',
    row: row.row,
    sourceId: row.sourceId,
    field: null,
    message: `Dit bestaat al: "${match.title}" van ${match.pps.name} (overeenkomst ${Math.round(match.score * 100)}%)`,
    value: row.title,
    assetId: row.assetId,
    similarAssetId: match.id,
    position: row.position,
  }));
}

/** Rows whose check gave up (through every attempt: the search engine away, or a fault). */
export function uncheckedLine(rows: number): ReportLine {
  return {
    severity: 'warning',
    row: null,
    sourceId: null,
    field: null,
    message: `"Dit bestaat al" is voor ${rows === 1 ? '1 nieuwe rij' : `${rows.toLocaleString('nl-NL')} nieuwe rijen`} niet gecontroleerd: de controle lukte steeds niet (meestal was de zoekmachine te lang niet bereikbaar). Zoek zelf of deze bouwstenen al bestaan.`,
    value: null,
    assetId: null,
    similarAssetId: null,
  };
}

export function line(
  severity: ReportLine['severity'],
  row: string | null,
  sourceId: string | null,
  problem: RowProblem,
): ReportLine {
  return {
    severity,
    row: row === null ? null : visible(row),
    sourceId: sourceId === null ? null : visible(sourceId),
    field: problem.field ? visible(problem.field) : null,
    message: problem.message,
    value: problem.value === undefined ? null : visible(problem.value.slice(0, 500)),
    assetId: null,
    similarAssetId: null,
  };
}

/** The report says what it found: a problem without a value gets the row's value at its field. */
function withValue(problem: RowProblem, row: CheckedRow): RowProblem {
  if (problem.value !== undefined || !problem.field) return problem;
  const found = valueAt(row.content, problem.field);
  if (found === undefined || found === null) return problem;
  return { ...problem, value: asCell(found) };
}

/**
 * A value as a person wrote it in the file: a list as its cell (`;` between values), a record's
 * parts with `|`, a number with a decimal comma, yes/no in Dutch — never JSON.
 */
function asCell(found: unknown): string {
  if (typeof found === 'string') return found;
  if (typeof found === 'number') return String(found).replace('.', ',');
  if (typeof found === 'boolean') return found ? 'ja' : 'nee';
  if (Array.isArray(found)) return found.map(asCell).join('; ');
  if (found && typeof found === 'object')
    return Object.values(found as Record<string, unknown>)
      .filter((part) => part !== undefined && part !== null)
      .map(asCell)
      .join(' | ');
  return String(found);
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
