import { FieldCode } from '@bouwsteen/common/pure';
import { dutchMessage } from '@bouwsteen/taxonomy/pure';
import { RowProblem } from '../row-codec';

/** Longer than any field's name (the longest path is under 60 characters). */
const MAX_KEY_LENGTH = 200;
/** Control characters (NUL among them: the report cannot store it) and unpaired surrogates. */
const UNSHOWABLE = /[\p{Cc}\p{Cs}]/u;

/**
 * The first key of a parsed line, at any depth, that the import cannot take: one with a NUL
 * or another control character or half a surrogate pair (it would become the report's field
 * name, and PostgreSQL stores no NUL), a name longer than any field's, or `__proto__`, which
 * the API's own validation passes over without a word (its value would be lost silently).
 * Walked without recursion, so a deeply nested line cannot exhaust the stack.
 */
export function badKey(value: unknown): RowProblem | undefined {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (!current || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      for (const item of current) stack.push(item);
      continue;
    }
    for (const [key, child] of Object.entries(current)) {
      if (UNSHOWABLE.test(key))
        return {
          field: '',
          message: dutchMessage(FieldCode.KeyUnshowable),
          value: key.slice(0, MAX_KEY_LENGTH),
        };
      if (key.length > MAX_KEY_LENGTH)
        return {
          field: '',
          message: dutchMessage(FieldCode.KeyTooLong, { max: MAX_KEY_LENGTH }),
          value: `${key.slice(0, MAX_KEY_LENGTH)}…`,
        };
      if (key === '__proto__')
        return { field: '', message: dutchMessage(FieldCode.KeyNotAllowed), value: key };
      stack.push(child);
    }
  }
  return undefined;
}
