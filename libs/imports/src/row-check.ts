import { ASSET_KINDS, AssetContentDto, AssetKind, CreateAssetDto } from '@bouwsteen/assets';
import { ArgumentMetadata } from '@nestjs/common';
import {
  Constraint,
  FieldCode,
  ValidationFailedError,
  createValidationPipe,
  textFault,
  unsafeTextFields,
  normaliseTextFields,
} from '@bouwsteen/common';
import { inDutch, dutchMessage } from '@bouwsteen/taxonomy/pure';
import {
  DecodedRow,
  RowProblem,
  decodeCells,
  isKind,
  isUuid,
  normaliseCodes,
  valueAt,
} from './row-codec';
import { SourceRow } from './readers';
import { VocabularyLookup } from './vocabulary-lookup';

/** A row read and typed, with everything found wrong with it before it meets the database. */
export interface CheckedRow {
  label: string;
  kind?: AssetKind;
  id?: string;
  sourceId?: string;
  content: Record<string, unknown>;
  problems: RowProblem[];
  /** The content paths the file gives for it (its columns, its keys): see DecodedRow.given. */
  given?: string[];
  /** Its place among the file's rows (1 for the first): what a checkpoint counts. */
  ordinal?: number;
  /** Set aside once for a code further down the file (its own code was counted then). */
  waited?: boolean;
  /** Set aside by the batch it was last put in (so that batch has not dealt with it). */
  waitingNow?: boolean;
  /**
   * Fields left out of what the bulk writer checks of a row with problems (see checkable):
   * its problems' fields and what leaving those out made wrong in turn. Never told again.
   */
  leftOut?: string[];
}

/** Bytes and shape: what a row says, in the API's shape, and what is wrong with it so far. */
export function readRow(row: SourceRow, lookup: VocabularyLookup): CheckedRow {
  // A line that could not even be parsed has its problem already; nothing more to say.
  if (!row.cells && row.object === undefined)
    return { label: row.label, content: {}, problems: row.problems };
  const decoded = row.cells
    ? decodeCells(row.cells, { kind: row.kind, numeric: row.numeric })
    : decodeObject(row.object);
  // What pasting brought into a cell becomes plain text, as it does for a form or a JSON body.
  normaliseTextFields(decoded.content);
  const problems = [...row.problems, ...decoded.problems];
  for (const problem of unsafeTextFields(decoded.content, '', 20)) {
    // Text with U+FFFD is shown as found (it can be stored); NUL and the like are not.
    const found =
      problem.code === FieldCode.TextUnreadable
        ? valueAt(decoded.content, problem.field)
        : undefined;
    problems.push({
      field: problem.field,
      message: dutchMessage(problem.code, { ...problem.values, file: true }),
      value: typeof found === 'string' ? found : undefined,
    });
  }
  for (const field of ['id', 'sourceId'] as const) {
    const text = decoded[field];
    const fault = text === undefined ? undefined : textFault(text);
    if (fault) {
      problems.push({
        field,
        message: dutchMessage(fault.code, { ...fault.values, file: true }),
        value: text,
      });
      decoded[field] = undefined;
    }
  }
  if (decoded.sourceId !== undefined && !/^\S(.{0,98}\S)?$/u.test(decoded.sourceId))
    problems.push({
      field: 'sourceId',
      message: dutchMessage(FieldCode.SourceIdFormat),
      value: decoded.sourceId,
    });
  if (decoded.id !== undefined && !isUuid(decoded.id))
    problems.push({ field: 'id', message: dutchMessage(Constraint.IsUuid), value: decoded.id });
  if (decoded.kind) problems.push(...normaliseCodes(decoded.kind, decoded.content, lookup));
  return { label: row.label, ...decoded, problems };
}

/** The API's own validation pipe, so a row is held to exactly what a POST is held to. */
const pipe = createValidationPipe();
const BODY: ArgumentMetadata = { type: 'body', metatype: CreateAssetDto };

/** The API's rules for the shape (the same pipe and class the API validates a POST with). */
export async function shapeProblems(
  kind: AssetKind,
  ppsId: string,
  content: Record<string, unknown>,
): Promise<{ content?: AssetContentDto; problems: RowProblem[] }> {
  try {
    const dto = (await pipe.transform({ ...content, kind, ppsId }, BODY)) as CreateAssetDto;
    const { kind: _kind, ppsId: _pps, ...rest } = dto;
    return { content: rest as AssetContentDto, problems: [] };
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    return {
      problems: (error.errors ?? []).map((problem) => ({
        field: problem.field,
        message: inDutch(problem),
      })),
    };
  }
}

/** Rounds of leaving fields out before a row's content is given up on (each leaves one out). */
const LEAVE_OUT_ROUNDS = 4;

/**
 * What of a row with problems the bulk writer can still check — what only the database knows
 * (references, organisations, the block it names) and what publishing needs — so every
 * problem of the row is told at once: its content without the fields its problems are in,
 * and without what leaving those out makes wrong in turn (a date pair, a record's part).
 * Undefined when no such content is found.
 */
export async function checkable(
  kind: AssetKind,
  ppsId: string,
  content: Record<string, unknown>,
  problems: RowProblem[],
): Promise<{ content: AssetContentDto; leftOut: string[] } | undefined> {
  const leftOut = [...new Set(problems.map((problem) => problem.field).filter(Boolean))];
  const rest = structuredClone(content);
  for (let round = 0; round < LEAVE_OUT_ROUNDS; round++) {
    for (const field of leftOut) leaveOut(rest, field);
    const shape = await shapeProblems(kind, ppsId, rest);
    if (shape.content) return { content: shape.content, leftOut };
    const fresh = shape.problems
      .map((problem) => problem.field)
      .filter((field) => !leftOut.some((out) => field === out || field.startsWith(`${out}.`)));
    // What is still wrong is what a draft needs and was left out: the rest is sound.
    if (fresh.length === 0) return { content: rest as unknown as AssetContentDto, leftOut };
    leftOut.push(...new Set(fresh));
  }
  return undefined;
}

/** Removes the field at a dotted path; an entry of a list goes with its list (a hole is wrong). */
function leaveOut(content: Record<string, unknown>, path: string): void {
  const keys = path.split('.');
  const chain: unknown[] = [content];
  for (const key of keys.slice(0, -1)) {
    const current = chain[chain.length - 1];
    if (!current || typeof current !== 'object') return;
    chain.push((current as Record<string, unknown>)[key]);
  }
  const parent = chain[chain.length - 1];
  if (!parent || typeof parent !== 'object') return;
  if (Array.isArray(parent))
    delete (chain[chain.length - 2] as Record<string, unknown>)[keys[keys.length - 2]];
  else delete (parent as Record<string, unknown>)[keys[keys.length - 1]];
}

/** What a JSON line's `kind` may be: the API's codes. */
const KIND_CODES = ASSET_KINDS.join(', ');

function decodeObject(value: unknown): DecodedRow {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return {
      content: {},
      problems: [{ field: '', message: dutchMessage(FieldCode.NotAnObject) }],
    };
  const { kind, id, sourceId, ppsId: _ppsId, ...content } = value as Record<string, unknown>;
  const problems: RowProblem[] = [];
  const kindCode = typeof kind === 'string' ? kind.trim().toLowerCase() : undefined;
  if (!isKind(kindCode))
    problems.push({
      field: 'kind',
      message: dutchMessage(kind === undefined ? Constraint.IsDefined : FieldCode.UnknownKind, {
        choices: KIND_CODES,
      }),
      value: kind === undefined ? undefined : String(kind),
    });
  return {
    kind: isKind(kindCode) ? kindCode : undefined,
    id: typeof id === 'string' ? id : undefined,
    sourceId: typeof sourceId === 'string' ? sourceId : undefined,
    content,
    problems,
    given: Object.keys(content),
  };
}
