import { FieldError, FieldValues } from '../domain.exception';
import { FieldCode } from '../messages/field-codes';
import { HIDDEN_FORMAT, visibleControls } from './text-normalisation';

/**
 * Characters no stored text may hold. NUL is refused by PostgreSQL itself; the other C0
 * controls (all but tab, line feed and carriage return), U+FFFE/U+FFFF and unpaired surrogates
 * are not valid XML (OAI-PMH), break CSV and HTML, and are never typed by a person.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const HIDDEN_FORMATS = new RegExp(HIDDEN_FORMAT.source, 'g');
/**
 * U+FFFD is what a decoder puts where bytes were not UTF-8 (a JSON or form body, a query, a
 * file saved as Latin-1): text holding it has already lost what was there, so it is refused
 * rather than stored as if it were what the person wrote.
 */
export const UNREADABLE = '\uFFFD';
export const UNREADABLE_PROBLEM = 'is not valid UTF-8 (holds U+FFFD where bytes could not be read)';

/** What is wrong with a text that cannot be stored: a code, its values and the English. */
export interface TextFault {
  code: string;
  message: string;
  values?: FieldValues;
}

export function textFault(text: string): TextFault | undefined {
  if (text.includes('\u0000'))
    return {
      code: FieldCode.TextControl,
      message: 'must not contain NUL characters (\\u0000)',
      values: controlsIn(text),
    };
  if (CONTROL.test(text))
    return {
      code: FieldCode.TextControl,
      message: 'must not contain control characters',
      values: controlsIn(text),
    };
  if (HIDDEN_FORMAT.test(text))
    return {
      code: FieldCode.TextHiddenFormat,
      message:
        'must not contain bidirectional override or isolate characters (U+202A–U+202E, U+2066–U+2069) or other invisible format characters',
      values: hiddenFormatsIn(text),
    };
  if (LONE_SURROGATE.test(text))
    return {
      code: FieldCode.TextSurrogate,
      message: 'is not valid Unicode (an unpaired surrogate)',
    };
  if (text.includes(UNREADABLE))
    return { code: FieldCode.TextUnreadable, message: UNREADABLE_PROBLEM };
  return undefined;
}

/** The English of textFault, for messages that are not field errors (a name, an argument). */
export function textProblem(text: string): string | undefined {
  return textFault(text)?.message;
}

// eslint-disable-next-line no-control-regex -- naming control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;

/**
 * The control characters a text holds, as a person can see them (␀, ␇, U+FFFF) and how many
 * different ones: what a message names for the person to remove.
 */
function controlsIn(text: string): FieldValues {
  const found = [
    ...new Set(
      (text.match(CONTROLS) ?? []).map((character) =>
        character > '\u007F'
          ? `U+${character.charCodeAt(0).toString(16).toUpperCase()}`
          : visibleControls(character),
      ),
    ),
  ];
  return { chars: found.join(' '), count: found.length };
}

/** The invisible format characters a text holds, named as U+202E, and how many different ones. */
function hiddenFormatsIn(text: string): FieldValues {
  const found = [
    ...new Set(
      (text.match(HIDDEN_FORMATS) ?? []).map(
        (character) => `U+${character.charCodeAt(0).toString(16).toUpperCase()}`,
      ),
    ),
  ];
  return { chars: found.join(' '), count: found.length };
}

/**
 * Every string and key in a parsed JSON value or query object with a problem, as field paths.
 * Iterative, so no input can exhaust the stack; stops after `max` problems.
 */
export function unsafeTextFields(value: unknown, root = '', max = 50): FieldError[] {
  const problems: FieldError[] = [];
  // [value, path, whether its key (the last path segment) is itself bad text]
  const stack: [unknown, string, TextFault | undefined][] = [[value, root, undefined]];
  while (stack.length > 0 && problems.length < max) {
    const [current, path, keyProblem] = stack.pop()!;
    if (keyProblem) {
      problems.push({ field: path, ...keyProblem, message: `name ${keyProblem.message}` });
    } else if (typeof current === 'string') {
      const fault = textFault(current);
      if (fault) problems.push({ field: path || 'body', ...fault });
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--)
        stack.push([current[index], path ? `${path}.${index}` : String(index), undefined]);
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current).reverse())
        stack.push([child, path ? `${path}.${key}` : key, textFault(key)]);
    }
  }
  return problems;
}
