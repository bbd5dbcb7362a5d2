import type { FieldCode, FieldValues } from '@bouwsteen/common/pure';
import type { LabelBook } from '../label-book';
import type { Vocabulary } from '../vocabulary';
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

/**
 * Values that are a vocabulary's codes, per message. The catalogue cannot read the taxonomy, so
 * a page that has its labels passes them to inDutch and the sentence names the label ("mbo
 * niveau 2"); without them the code is said as it is.
 */
const CODED_VALUES: Partial<Record<MessageCode, Readonly<Record<string, Vocabulary>>>> = {
  levelJump: { from: 'educationLevels', to: 'educationLevels' },
};

/**
 * The same for a whole field error (or a course warning): `{code, values}`; with the taxonomy's
 * labels, codes among the values are said by their labels.
 */
export function inDutch(
  error: { code?: string; values?: FieldValues },
  labels?: Pick<LabelBook, 'label'>,
): string {
  const coded =
    error.code !== undefined && Object.hasOwn(CODED_VALUES, error.code)
      ? CODED_VALUES[error.code as MessageCode]
      : undefined;
  if (!coded || !labels || !error.values) return dutchMessage(error.code, error.values);
  const values: FieldValues = { ...error.values };
  for (const [name, vocabulary] of Object.entries(coded))
    if (values[name] !== undefined) values[name] = labels.label(vocabulary, String(values[name]));
  return dutchMessage(error.code, values);
}
