import type { NextFunction, Request, Response } from 'express';
import { raw } from 'express';
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
  for (const byte of body)
    if (byte === 0x26 && ++parameters > options.parameterLimit)
      throw bodyError(413, 'parameters.too.many', 'too many parameters');
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

/** Express middleware: reads a form body (at most `limit`) and parses it with parseFormBody. */
export function formBody(options: FormBodyOptions) {
  const read = raw({ type: FORM_TYPE, limit: options.limit });
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
    read(request, response, (error?: unknown) => {
      if (error) return next(error);
      if (!Buffer.isBuffer(request.body)) return next();
      try {
        request.body = parseFormBody(request.body, encoding, options);
        next();
      } catch (parseError) {
        next(parseError);
      }
    });
  };
}
