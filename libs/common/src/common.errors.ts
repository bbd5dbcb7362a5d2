import { defineProblems } from './problem-catalogue';

/** Problems any route can answer: protocol, input, access, concurrency, the database. */
export enum CommonError {
  BadRequest = 'bad-request',
  ValidationFailed = 'validation-failed',
  Unauthorized = 'unauthorized',
  Forbidden = 'forbidden',
  NotFound = 'not-found',
  MethodNotAllowed = 'method-not-allowed',
  NotAcceptable = 'not-acceptable',
  RequestTimeout = 'request-timeout',
  Conflict = 'conflict',
  LengthRequired = 'length-required',
  PayloadTooLarge = 'payload-too-large',
  UriTooLong = 'uri-too-long',
  UnsupportedMediaType = 'unsupported-media-type',
  UnsupportedCharset = 'unsupported-charset',
  UnsupportedContentEncoding = 'unsupported-content-encoding',
  Unprocessable = 'unprocessable',
  TooManyRequests = 'too-many-requests',
  HeadersTooLarge = 'headers-too-large',
  MalformedJson = 'malformed-json',
  TooDeeplyNested = 'too-deeply-nested',
  MalformedContentEncoding = 'malformed-content-encoding',
  MalformedUrl = 'malformed-url',
  RequestAborted = 'request-aborted',
  PreconditionRequired = 'precondition-required',
  StaleVersion = 'stale-version',
  MalformedIfMatch = 'malformed-if-match',
  InvalidValue = 'invalid-value',
  InvalidText = 'invalid-text',
  InvalidDate = 'invalid-date',
  ValueTooLong = 'value-too-long',
  ValueOutOfRange = 'value-out-of-range',
  ReferenceConflict = 'reference-conflict',
  Duplicate = 'duplicate',
  ConcurrentUpdate = 'concurrent-update',
  DatabaseBusy = 'database-busy',
  ServiceUnavailable = 'service-unavailable',
  InternalError = 'internal-error',
}

defineProblems<CommonError>('common', {
  [CommonError.BadRequest]: {
    status: 400,
    title: 'Bad request',
    description: 'The request could not be read as it was sent; see detail.',
  },
  [CommonError.ValidationFailed]: {
    status: 400,
    title: 'Validation failed',
    description:
      'One or more fields are wrong; `errors` names each with its dotted path (at most 50; detail gives the total). Fix them and send again.',
  },
  [CommonError.Unauthorized]: {
    status: 401,
    title: 'Sign-in required',
    description:
      'No valid bearer token: sign in at /api/v1/auth/login or send a personal API token. Tokens end when they expire, when the password changes or when the account is deactivated.',
  },
  [CommonError.Forbidden]: {
    status: 403,
    title: 'Not allowed',
    description: 'You are signed in, but your role or membership does not allow this; see detail.',
  },
  [CommonError.NotFound]: {
    status: 404,
    title: 'Not found',
    description: 'There is no route at this address.',
  },
  [CommonError.MethodNotAllowed]: {
    status: 405,
    title: 'Method not allowed',
    description: 'The route exists but not with this HTTP method.',
  },
  [CommonError.NotAcceptable]: {
    status: 406,
    title: 'Not acceptable',
    description: 'None of the formats in Accept can be produced here.',
  },
  [CommonError.RequestTimeout]: {
    status: 408,
    title: 'Request took too long',
    description: 'The request headers did not arrive in time; send the request again.',
  },
  [CommonError.Conflict]: {
    status: 409,
    title: 'Conflict',
    description: 'The request conflicts with the current state; see detail.',
  },
  [CommonError.LengthRequired]: {
    status: 411,
    title: 'Content-Length required',
    description: 'Send the length of the body.',
  },
  [CommonError.PayloadTooLarge]: {
    status: 413,
    title: 'Request body too large',
    description: 'The body is larger than the server accepts (BODY_LIMIT, 256 KB by default).',
  },
  [CommonError.UriTooLong]: {
    status: 414,
    title: 'Address too long',
    description: 'The address (with its query) is longer than the server accepts.',
  },
  [CommonError.UnsupportedMediaType]: {
    status: 415,
    title: 'Unsupported media type',
    description: 'The API takes JSON bodies only: send Content-Type: application/json.',
  },
  [CommonError.UnsupportedCharset]: {
    status: 415,
    title: 'Unsupported character set',
    description: 'JSON is exchanged in UTF-8 (RFC 8259); send the body as UTF-8.',
  },
  [CommonError.UnsupportedContentEncoding]: {
    status: 415,
    title: 'Unsupported content encoding',
    description: 'Send the body uncompressed, or compressed with gzip, deflate or br.',
  },
  [CommonError.Unprocessable]: {
    status: 422,
    title: 'Unprocessable request',
    description: 'The request is well-formed but cannot be carried out; see detail.',
  },
  [CommonError.TooManyRequests]: {
    status: 429,
    title: 'Too many requests',
    description: 'Slow down; Retry-After says when to try again.',
  },
  [CommonError.HeadersTooLarge]: {
    status: 431,
    title: 'Request headers too large',
    description:
      'The headers are larger than the server accepts (16 KB); send fewer or shorter ones.',
  },
  [CommonError.MalformedJson]: {
    status: 400,
    title: 'Malformed JSON',
    description: 'The body is not valid JSON.',
  },
  [CommonError.TooDeeplyNested]: {
    status: 400,
    title: 'Body nested too deeply',
    description:
      'The body nests objects and arrays more than 32 levels deep; no request needs that.',
  },
  [CommonError.MalformedContentEncoding]: {
    status: 400,
    title: 'Body does not decompress',
    description: 'The body is not valid for its Content-Encoding.',
  },
  [CommonError.MalformedUrl]: {
    status: 400,
    title: 'Malformed address',
    description: 'The path has an invalid percent-encoding.',
  },
  [CommonError.RequestAborted]: {
    status: 400,
    title: 'Request aborted',
    description: 'The connection closed before the body was read.',
  },
  [CommonError.PreconditionRequired]: {
    status: 428,
    title: 'If-Match header required',
    description:
      'Changes need If-Match with the ETag you read, so a concurrent edit is never overwritten. GET the resource, then send its ETag.',
  },
  [CommonError.StaleVersion]: {
    status: 412,
    title: 'The resource was changed by someone else',
    description:
      'Your If-Match does not match the current revision (the ETag header gives it), or it is a weak ETag, which never matches a write. Reload, apply your change again and retry.',
  },
  [CommonError.MalformedIfMatch]: {
    status: 400,
    title: 'Malformed If-Match header',
    description:
      'If-Match must be exactly the ETag you read, in double quotes, e.g. "3"; *, lists and bare numbers are refused.',
  },
  [CommonError.InvalidValue]: {
    status: 400,
    title: 'Invalid value',
    description: 'A value cannot be stored; check the fields you sent.',
  },
  [CommonError.InvalidText]: {
    status: 400,
    title: 'Invalid text',
    description: 'A text holds characters that cannot be stored.',
  },
  [CommonError.InvalidDate]: {
    status: 400,
    title: 'Invalid date',
    description: 'A date does not exist or is not written as YYYY-MM-DD.',
  },
  [CommonError.ValueTooLong]: {
    status: 400,
    title: 'Value too long',
    description: 'A value is longer than its field allows.',
  },
  [CommonError.ValueOutOfRange]: {
    status: 400,
    title: 'Value out of range',
    description: 'A number is outside what its field allows.',
  },
  [CommonError.ReferenceConflict]: {
    status: 409,
    title: 'Conflict',
    description: 'Something this refers to was removed or changed meanwhile; reload and retry.',
  },
  [CommonError.Duplicate]: {
    status: 409,
    title: 'Conflict',
    description: 'A record with these values already exists.',
  },
  [CommonError.ConcurrentUpdate]: {
    status: 409,
    title: 'Conflict',
    description: 'A concurrent change interfered; retry the request.',
  },
  [CommonError.DatabaseBusy]: {
    status: 503,
    title: 'Service busy',
    description:
      'The database is busy (no free connection in time); Retry-After says when to retry.',
  },
  [CommonError.ServiceUnavailable]: {
    status: 503,
    title: 'Service unavailable',
    description: 'A part of the service is temporarily unavailable; retry later.',
  },
  [CommonError.InternalError]: {
    status: 500,
    title: 'Internal server error',
    description: 'Something went wrong on our side; quote the requestId when you report it.',
  },
});
