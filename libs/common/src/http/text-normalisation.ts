/**
 * What pasting brings along, made plain text. Word and PowerPoint keep a soft line break as
 * U+000B (vertical tab) on the clipboard, other programs as U+2028/U+2029; web pages and
 * Office put non-breaking and narrow non-breaking spaces between words, and zero-width
 * characters where nobody can see them. None of it is what the person meant to store, and
 * refusing it lost their work: it is turned into the plain character it stands for instead.
 * What cannot be turned into anything (NUL, other control characters) is left for
 * `textProblem` to refuse.
 */
// eslint-disable-next-line no-control-regex -- U+000B is what Office pastes as a soft line break
const LINE_BREAKS = /\r\n?|[\u000B\u2028\u2029]/g;
const SPACES = /[\u00A0\u202F\u2007]/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
/** A quick test before any replacement: most text holds none of these. */
// eslint-disable-next-line no-control-regex -- as above
const ANY = /[\r\u000B\u2028\u2029\u00A0\u202F\u2007\u200B-\u200D\u2060\uFEFF]/;

export interface NormaliseOptions {
  /** A one-line field (an `<input>`): line breaks become a single space. */
  singleLine?: boolean;
}

export function normaliseText(text: string, options: NormaliseOptions = {}): string {
  if (!ANY.test(text) && !(options.singleLine && text.includes('\n'))) return text;
  const plain = text.replace(INVISIBLE, '').replace(SPACES, ' ').replace(LINE_BREAKS, '\n');
  return options.singleLine ? plain.replace(/[ \t]*\n[ \t\n]*/g, ' ') : plain;
}

/**
 * Every string (not the names) of a parsed JSON or form body, normalised in place. Iterative,
 * so no input can exhaust the stack; only plain objects and arrays are walked (a Buffer or a
 * stream is somebody else's body).
 */
export function normaliseTextFields(value: unknown): unknown {
  if (typeof value === 'string') return normaliseText(value);
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (Array.isArray(current)) {
      for (let index = 0; index < current.length; index++) {
        const child: unknown = current[index];
        if (typeof child === 'string') current[index] = normaliseText(child);
        else if (child !== null && typeof child === 'object') stack.push(child);
      }
    } else if (isPlainObject(current)) {
      for (const key of Object.keys(current)) {
        const child = current[key];
        if (typeof child === 'string') current[key] = normaliseText(child);
        else if (child !== null && typeof child === 'object') stack.push(child);
      }
    }
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * Invisible characters that change how a text reads rather than what it says: the bidirectional
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) turn a title around on the
 * screen ("Trojan source"), so what a reader sees is not what a search, an export or a
 * harvester finds; the invisible operators (U+2061–U+2064), the deprecated format characters
 * (U+206A–U+206F) and the interlinear annotation marks (U+FFF9–U+FFFB) hide text. textFault
 * refuses them rather than removing them here: no program pastes them into Dutch text by
 * accident (the marks right-to-left text does need, U+200E, U+200F and U+061C, are kept), and
 * removing them quietly would change what an integration sent without saying so. A form shows
 * the refused text again with them made visible (visibleControls).
 */
export const HIDDEN_FORMAT = /[\u202A-\u202E\u2066-\u2069\u2061-\u2064\u206A-\u206F\uFFF9-\uFFFB]/;
const HIDDEN_FORMATS = new RegExp(HIDDEN_FORMAT.source, 'g');

/**
 * Control characters made visible (U+2400 Control Pictures: NUL → ␀, BEL → ␇), so a value that
 * was refused can be shown again in its field and the person sees what to remove.
 */
export function visibleControls(text: string): string {
  // The invisible format characters text-safety refuses (bidi overrides and the like) have no
  // picture: they are shown by their number, so they neither turn the field around nor hide.
  return (
    text
      .replace(
        HIDDEN_FORMATS,
        (character) => `[U+${character.charCodeAt(0).toString(16).toUpperCase()}]`,
      )
      // eslint-disable-next-line no-control-regex -- making control characters visible is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, (character) => {
        const code = character.charCodeAt(0);
        return String.fromCharCode(code === 0x7f ? 0x2421 : 0x2400 + code);
      })
  );
}
