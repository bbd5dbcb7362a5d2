import type { FieldCode, FieldValues } from '@bouwsteen/common/pure';
import { NL_IMPORTS } from './nl-imports';
import { NL_INPUT } from './nl-input';
import { NL_RULES } from './nl-rules';
import { Catalogue, Wording } from './wording';

/**
 * The one Dutch message catalogue: every field error's code (a class-validator rule's name or a
 * FieldCode) → a sentence that says what to do. The forms, the import report, the course
 * warnings and the error pages all word their messages here, never from the English.
 */
export const NL = { ...NL_INPUT, ...NL_RULES, ...NL_IMPORTS } satisfies Catalogue;

/** A code the catalogue words: what a page may pass where it names a code itself. */
export type MessageCode = keyof typeof NL;

// A FieldCode added without Dutch words fails to compile here (the unit spec says which).
const everyFieldCodeWorded: Record<FieldCode, Wording> = NL;
void everyFieldCodeWorded;

/**
 * What a page says for a code the catalogue lacks (a test keeps that from happening): still
 * Dutch, still pointing at the field, never the English.
 */
export const GENERAL_MESSAGE = 'Deze waarde kan Bouwsteen niet overnemen. Kijk het veld na.';

/** A field error's code and values as a Dutch sentence. */
export function dutchMessage(code: string | undefined, values: FieldValues = {}): string {
  const wording: Wording | undefined =
    code !== undefined && Object.hasOwn(NL, code) ? NL[code as MessageCode] : undefined;
  return wording ? wording(values) : GENERAL_MESSAGE;
}

/** The same for a whole field error (or a course warning): `{code, values}`. */
export function inDutch(error: { code?: string; values?: FieldValues }): string {
  return dutchMessage(error.code, error.values);
}
