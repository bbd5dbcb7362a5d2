import { FieldError } from '../domain.exception';

/**
 * Characters no stored text may hold. NUL is refused by PostgreSQL itself; the other C0
 * controls (all but tab, line feed and carriage return), U+FFFE/U+FFFF and unpaired surrogates
 * are not valid XML (OAI-PMH), break CSV and HTML, and are never typed by a person.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
/**
 * U+FFFD is what a decoder puts where bytes were not UTF-8 (a JSON or form body, a query, a
 * file saved as Latin-1): text holding it has already lost what was there, so it is refused
 * rather than stored as if it were what the person wrote.
 */
export const UNREADABLE = '\uFFFD';
export const UNREADABLE_PROBLEM = 'is not valid UTF-8 (holds U+FFFD where bytes could not be read)';

export function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain NUL characters (\\u0000)';
  if (CONTROL.test(text)) return 'must not contain control characters';
  if (LONE_SURROGATE.test(text)) return 'is not valid Unicode (an unpaired surrogate)';
  if (text.includes(UNREADABLE)) return UNREADABLE_PROBLEM;
  return undefined;
}

/**
 * Every string and key in a parsed JSON value or query object with a problem, as field paths.
 * Iterative, so no input can exhaust the stack; stops after `max` problems.
 */
export function unsafeTextFields(value: unknown, root = '', max = 50): FieldError[] {
  const problems: FieldError[] = [];
  // [value, path, whether its key (the last path segment) is itself bad text]
  const stack: [unknown, string, string | undefined][] = [[value, root, undefined]];
  while (stack.length > 0 && problems.length < max) {
    const [current, path, keyProblem] = stack.pop()!;
    if (keyProblem) {
      problems.push({ field: path, message: `name ${keyProblem}` });
    } else if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) problems.push({ field: path || 'body', message: problem });
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--)
        stack.push([current[index], path ? `${path}.${index}` : String(index), undefined]);
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current).reverse())
        stack.push([child, path ? `${path}.${key}` : key, textProblem(key)]);
    }
  }
  return problems;
}
