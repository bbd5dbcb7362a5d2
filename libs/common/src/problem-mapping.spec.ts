import { DomainException, NotFoundError, ValidationFailedError } from './domain.exception';
import { defineProblems } from './problem-catalogue';
import {
  ProblemDialect,
  dialectFor,
  problemBody,
  problemOf,
  problemOfHttpError,
  problemOfSqlState,
} from './problem-mapping';

const request = { id: 'req-1', originalUrl: '/api/v1/x?y=1', url: '/api/v1/x?y=1' };
const body = (exception: unknown) => problemBody(problemOf(exception), request);

describe('what an error means to the caller', () => {
  it('maps a domain exception with its code and the request id', () => {
    defineProblems('spec', {
      'thing-not-found': { status: 404, title: 'Thing not found', description: 'No such thing.' },
    });
    expect(body(new NotFoundError('thing-not-found', 'thing', 'abc'))).toEqual({
      type: '/problems/thing-not-found',
      title: 'Thing not found',
      status: 404,
      detail: 'No thing with id abc',
      instance: '/api/v1/x',
      code: 'thing-not-found',
      requestId: 'req-1',
    });
  });

  it('carries field errors', () => {
    const error = { field: 'title', message: 'too short', code: 'minLength', values: { min: 3 } };
    expect(body(new ValidationFailedError([error])).errors).toEqual([error]);
  });

  it("maps the framework's HTTP errors by their status, with their message", () => {
    // What Nest's BadRequestException('Unexpected token') answers getResponse() with.
    const response = { statusCode: 400, message: 'Unexpected token', error: 'Bad Request' };
    expect(problemOfHttpError(400, response, 'Bad Request Exception')).toMatchObject({
      status: 400,
      code: 'bad-request',
      detail: 'Unexpected token',
    });
    expect(problemOfHttpError(404, 'Cannot GET /x', 'x').detail).toBe('Cannot GET /x');
    expect(problemOfHttpError(400, { message: ['a', 'b'] }, 'x').detail).toBe('a; b');
  });

  it.each([
    ['23505', 409, 'duplicate'],
    ['22021', 400, 'invalid-text'],
    ['22007', 400, 'invalid-date'],
    ['22001', 400, 'value-too-long'],
    ['23514', 400, 'invalid-value'],
    ['23503', 409, 'reference-conflict'],
    ['40P01', 409, 'concurrent-update'],
    ['57014', 503, 'database-busy'],
  ])('maps PostgreSQL error %s to %d %s, never a 500', (sqlState, status, code) => {
    const problem = problemOfSqlState(sqlState)!;
    expect(problem).toMatchObject({ status, code });
    expect(problemBody(problem, request).detail).toBeUndefined();
  });

  it('leaves other PostgreSQL errors to the internal error', () => {
    expect(problemOfSqlState('XX000')).toBeUndefined();
  });

  it('answers an exhausted connection pool with 503 and Retry-After', () => {
    const problem = problemOf(new Error('timeout exceeded when trying to connect'));
    expect(problem).toMatchObject({ status: 503, code: 'database-busy' });
    expect(problem.headers).toEqual({ 'Retry-After': '2' });
  });

  it('gives a client error without a type its own status and a generic title', () => {
    expect(problemOf(Object.assign(new Error('x'), { status: 405, expose: true }))).toMatchObject({
      status: 405,
      code: 'method-not-allowed',
    });
  });

  it('answers a code nobody registered as an internal error, not with a made-up status', () => {
    expect(problemOf(new DomainException('no-such-code', 'oops')).status).toBe(500);
  });

  it("words problems under a dialect's path in that dialect, and only there", () => {
    const dialect: ProblemDialect = {
      pathPrefix: '/std',
      contentType: 'application/x-std+json',
      body: (problem) => JSON.stringify({ s: problem.status, d: problem.detail }),
    };
    expect(dialectFor('/std/v1/x?y=1', [dialect])).toBe(dialect);
    expect(dialectFor('/std', [dialect])).toBe(dialect);
    expect(dialectFor('/std?x=1', [dialect])).toBe(dialect);
    // Only at or below the prefix: /standard is not /std.
    expect(dialectFor('/standard/x', [dialect])).toBeUndefined();
    expect(dialectFor('/api/v1/x', [dialect])).toBeUndefined();
    const busy = problemOf(new Error('timeout exceeded when trying to connect'));
    expect(JSON.parse(dialect.body(busy))).toEqual({
      s: 503,
      d: 'All database connections are in use; retry shortly',
    });
  });

  it('hides the details of unexpected errors behind a 500', () => {
    const result = body(new Error('password=hunter2 leaked in message'));
    expect(result.status).toBe(500);
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });
});
