import type { NextFunction, Request, Response } from 'express';
import { raw } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { FieldError } from '../domain.exception';
import { FieldCode } from '../messages/field-codes';
import { parse } from 'qs';
import { charsetOf } from './request-guards';

export interface FormBodyOptions {
  limit: string;
  parameterLimit: number;
  /** Deepest nesting of names (`a[b][c]`); deeper is a 400, not a tree. */
  depth: number;
}

const FORM_TYPE = 'application/x-www-form-urlencoded';
const CHARSETS: Record<string, BufferEncoding> = {
  'utf-8': 'utf8',
  utf8: 'utf8',
  'iso-8859-1': 'latin1',
};

function bodyError(status: number, type: string, message: string): Error {
  return Object.assign(new Error(message), { status, statusCode: status, type, expose: true });
}

function isHex(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x46) ||
    (code >= 0x61 && code <= 0x66)
  );
}

/**
 * The bytes a form's name or value stands for: `%XX` escapes and the raw bytes around them
 * (`text` holds one byte per character, read as Latin-1), `+` as a space. A lone `%` stays.
 */
export function formBytes(text: string): Buffer {
  const bytes = Buffer.allocUnsafe(text.length);
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (
      code === 0x25 &&
      index + 2 < text.length &&
      isHex(text.charCodeAt(index + 1)) &&
      isHex(text.charCodeAt(index + 2))
    ) {
      bytes[length++] = parseInt(text.slice(index + 1, index + 3), 16);
      index += 2;
    } else bytes[length++] = code === 0x2b ? 0x20 : code;
  }
  return bytes.subarray(0, length);
}

/**
 * A page's form (application/x-www-form-urlencoded) into the same nested object the API's JSON
 * has (`module[learningOutcomes][0][text]`), as body-parser's extended parser builds it, with
 * one difference: names and values are decoded byte for byte, so bytes that are not UTF-8 —
 * raw or as `%FF` — become U+FFFD in that value only, where the form's checks find and name
 * them. (qs's own decoder keeps such a value as its undecoded `%C3%A9…` text, and body-parser
 * turns raw bytes into U+FFFD silently.)
 */
export function parseFormBody(
  body: Buffer,
  encoding: BufferEncoding,
  options: FormBodyOptions,
): Record<string, unknown> {
  if (body.length === 0) return {};
  let parameters = 1;
  for (let at = 0; at < body.length; at++)
    if (body[at] === 0x26 && ++parameters > options.parameterLimit)
      // Refused, but the fields before the limit are read, so the page that says so can give
      // back what the person typed (typedTexts) instead of nothing.
      throw Object.assign(bodyError(413, 'parameters.too.many', 'too many parameters'), {
        partialBody: parseFormBody(body.subarray(0, at), encoding, options),
      });
  try {
    return parse(body.toString('latin1'), {
      allowPrototypes: true,
      arrayLimit: Math.max(100, parameters),
      depth: options.depth,
      parameterLimit: options.parameterLimit,
      strictDepth: true,
      decoder: (text: string) => formBytes(text).toString(encoding),
    });
  } catch (error) {
    if (error instanceof RangeError)
      throw bodyError(400, 'querystring.parse.rangeError', 'The input exceeded the depth');
    throw error;
  }
}

/**
 * A form body read piece by piece: every parameter (`name=value`) is kept while the kept ones
 * fit in `limit` bytes; of one that does not fit, the beginning that still fits is kept and its
 * name remembered, so a form with one pasted text too long for a post comes back with
 * everything else kept (the form token too), that text's beginning, and that field named. Past `maxRead` bytes nothing more is looked at.
 */
export class FormBodyCollector {
  private readonly kept: Buffer[] = [];
  private keptBytes = 0;
  private current: Buffer[] = [];
  private currentBytes = 0;
  private read = 0;
  readonly dropped: Buffer[] = [];
  /** Parameters too long to keep whole: `name=` ends at `equals`. */
  private readonly beginnings: { whole: Buffer; equals: number }[] = [];
  /** Bytes past maxRead were not looked at (their names are unknown). */
  cutShort = false;

  constructor(
    private readonly limit: number,
    private readonly maxRead: number,
  ) {}

  get total(): number {
    return this.read;
  }

  push(chunk: Buffer): void {
    if (this.cutShort) return;
    const room = this.maxRead - this.read;
    if (chunk.length > room) {
      this.cutShort = true;
      chunk = chunk.subarray(0, room);
    }
    this.read += chunk.length;
    let start = 0;
    for (let at = chunk.indexOf(0x26); at >= 0; at = chunk.indexOf(0x26, start)) {
      this.append(chunk.subarray(start, at));
      this.finish();
      start = at + 1;
    }
    this.append(chunk.subarray(start));
  }

  /** The parameters kept, as one body; call once, after the last push. */
  end(): Buffer {
    if (this.cutShort) this.current = [];
    else this.finish();
    // Of a text too long to keep, its beginning, in the room every other field left (the field
    // is still named as too long): cut after a space or a line break, never inside a character
    // or an escape.
    for (const { whole, equals } of this.beginnings) {
      const separator = this.kept.length > 0 ? 1 : 0;
      const room = this.limit - this.keptBytes - separator;
      const cut = wordEnd(whole.subarray(0, Math.max(0, room)));
      if (cut <= equals + 1) continue;
      if (separator) this.kept.push(AMPERSAND);
      this.kept.push(whole.subarray(0, cut));
      this.keptBytes += separator + cut;
    }
    return Buffer.concat(this.kept);
  }

  private append(part: Buffer): void {
    if (part.length === 0) return;
    // A parameter past the limit is dropped anyway: keep only enough of it to read its name.
    const room = Math.max(this.limit, NAME_BYTES) + 1 - this.currentBytes;
    if (room > 0) this.current.push(part.subarray(0, room));
    this.currentBytes += part.length;
  }

  private finish(): void {
    if (this.currentBytes === 0) return;
    const separator = this.kept.length > 0 ? 1 : 0;
    if (this.keptBytes + separator + this.currentBytes <= this.limit) {
      if (separator) this.kept.push(AMPERSAND);
      this.kept.push(...this.current);
      this.keptBytes += separator + this.currentBytes;
    } else {
      const whole = Buffer.concat(this.current);
      const equals = whole.subarray(0, NAME_BYTES).indexOf(0x3d);
      this.dropped.push(equals >= 0 ? whole.subarray(0, equals) : whole.subarray(0, NAME_BYTES));
      if (equals >= 0) this.beginnings.push({ whole, equals });
    }
    this.current = [];
    this.currentBytes = 0;
  }
}

const AMPERSAND = Buffer.from('&');

/** Where a form-encoded text may be cut: after its last space (`+`, `%20`) or line break. */
function wordEnd(part: Buffer): number {
  const ends = [
    part.lastIndexOf(0x2b) + 1,
    ...['%20', '%0A', '%0a'].map((escape) => {
      const at = part.lastIndexOf(escape);
      return at >= 0 ? at + escape.length : 0;
    }),
  ];
  return Math.max(...ends);
}
const NAME_BYTES = 200;

/** `module[learningOutcomes][0][text]` → `module.learningOutcomes.0.text` */
export function formNamePath(name: string): string {
  return name.replace(/\[\]$/, '').replace(/\]?\[/g, '.').replace(/\]$/, '');
}

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };

/** `256kb` → 262144 (the configuration allows b, kb and mb). */
export function sizeInBytes(size: string): number {
  const match = /^(\d+)\s*(b|kb|mb)$/i.exec(size.trim());
  if (!match) throw new Error(`Not a size: ${size}`);
  return Number(match[1]) * UNITS[match[2].toLowerCase()];
}

/** `256kb` → `256 kB`, as a person reads it. */
export function sizeInWords(size: string): string {
  const match = /^(\d+)\s*(b|kb|mb)$/i.exec(size.trim());
  if (!match) return size;
  return `${match[1]} ${{ b: 'bytes', kb: 'kB', mb: 'MB' }[match[2].toLowerCase()]}`;
}

/** What reading a form body had to leave out, for the form to name beside its fields. */
const readProblems = new AsyncLocalStorage<FieldError[]>();

/**
 * The fields the current request's form body could not keep (too long for one post), as field
 * errors with the code FieldCode.FormTooLarge; `field` is `body` for the part past what was read.
 */
export function formReadProblems(): FieldError[] {
  return readProblems.getStore() ?? [];
}

function tooLarge(field: string, limit: string): FieldError {
  return {
    field,
    message: `is too long to send in one form (a form holds at most ${limit})`,
    code: FieldCode.FormTooLarge,
    values: { limit },
  };
}

/**
 * Express middleware: reads a form body and parses it with parseFormBody. A body over `limit`
 * is not refused (a browser would show problem+json and the person would lose what they typed):
 * what fits is kept, and the fields left out are named for the form (formReadProblems). At most
 * `maxRead` bytes are looked at; the rest is read and thrown away.
 */
export function formBody(options: FormBodyOptions & { maxRead?: number }) {
  const read = raw({ type: FORM_TYPE, limit: options.limit });
  const limit = sizeInBytes(options.limit);
  const shown = sizeInWords(options.limit);
  const maxRead = options.maxRead ?? limit * 16;
  return (request: Request, response: Response, next: NextFunction): void => {
    if (!request.is(FORM_TYPE)) return next();
    const charset = (charsetOf(request.headers['content-type'] ?? '') ?? 'utf-8').toLowerCase();
    const encoding = CHARSETS[charset];
    if (!encoding)
      return next(
        Object.assign(
          bodyError(415, 'charset.unsupported', `unsupported charset "${charset.toUpperCase()}"`),
          {
            charset,
          },
        ),
      );
    const parsed = (body: Buffer, problems: FieldError[]): void => {
      try {
        request.body = parseFormBody(body, encoding, options);
      } catch (parseError) {
        const partial = (parseError as { partialBody?: Record<string, unknown> }).partialBody;
        if (partial) request.body = partial;
        return next(parseError);
      }
      if (problems.length === 0) return next();
      readProblems.run(problems, next);
    };
    // Browsers never compress a form; anything compressed goes through body-parser's reader.
    const contentEncoding = (request.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (contentEncoding !== 'identity')
      return read(request, response, (error?: unknown) => {
        if (error) return next(error);
        if (!Buffer.isBuffer(request.body)) return next();
        parsed(request.body, []);
      });
    const collector = new FormBodyCollector(limit, maxRead);
    let settled = false;
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      next(error);
    };
    request.on('data', (chunk: Buffer) => collector.push(chunk));
    request.once('error', fail);
    request.once('aborted', () => fail(bodyError(400, 'request.aborted', 'request aborted')));
    request.once('end', () => {
      if (settled) return;
      settled = true;
      const body = collector.end();
      const problems = collector.dropped.map((name) =>
        tooLarge(formNamePath(formBytes(name.toString('latin1')).toString(encoding)), shown),
      );
      if (collector.cutShort) problems.push(tooLarge('body', shown));
      (request as { _body?: boolean })._body = true;
      parsed(body, problems);
    });
  };
}
