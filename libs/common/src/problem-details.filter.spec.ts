import { ArgumentsHost, BadRequestException, Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainException, NotFoundError, ValidationFailedError } from './domain.exception';
import { defineProblems } from './problem-catalogue';
import { ProblemDetailsFilter, ProblemDialect } from './problem-details.filter';

function run(exception: unknown, url = '/api/v1/x?y=1', dialects: ProblemDialect[] = []) {
  const response = {
    headers: {} as Record<string, string>,
    statusCode: 0,
    body: '',
    contentType: '',
  };
  const res = {
    setHeader: (name: string, value: string) => (response.headers[name] = value),
    status(code: number) {
      response.statusCode = code;
      return this;
    },
    type(value: string) {
      response.contentType = value;
      return this;
    },
    send(body: string) {
      response.body = body;
      return this;
    },
  };
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({ id: 'req-1', originalUrl: url, url }),
      getResponse: () => res,
    }),
  } as unknown as ArgumentsHost;
  new ProblemDetailsFilter(dialects).catch(exception, host);
  return { ...response, json: JSON.parse(response.body) };
}

describe('ProblemDetailsFilter', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));

  it('maps a domain exception with its code and the request id', () => {
    defineProblems('spec', {
      'thing-not-found': { status: 404, title: 'Thing not found', description: 'No such thing.' },
    });
    const result = run(new NotFoundError('thing-not-found', 'thing', 'abc'));
    expect(result.statusCode).toBe(404);
    expect(result.contentType).toBe('application/problem+json');
    expect(result.json).toMatchObject({
      type: '/problems/thing-not-found',
      title: 'Thing not found',
      detail: 'No thing with id abc',
      instance: '/api/v1/x',
      requestId: 'req-1',
    });
  });

  it('carries field errors', () => {
    const result = run(new ValidationFailedError([{ field: 'title', message: 'too short' }]));
    expect(result.json.errors).toEqual([{ field: 'title', message: 'too short' }]);
  });

  it('maps Nest HTTP exceptions', () => {
    expect(run(new BadRequestException('Unexpected token')).json).toMatchObject({
      status: 400,
      code: 'bad-request',
      detail: 'Unexpected token',
    });
  });

  it('turns a unique violation into 409', () => {
    const error = new QueryFailedError(
      'INSERT',
      [],
      Object.assign(new Error('dup'), { code: '23505' }),
    );
    expect(run(error).statusCode).toBe(409);
  });

  it.each([
    ['22021', 400, 'invalid-text'],
    ['22007', 400, 'invalid-date'],
    ['22001', 400, 'value-too-long'],
    ['23514', 400, 'invalid-value'],
    ['23503', 409, 'reference-conflict'],
    ['40P01', 409, 'concurrent-update'],
    ['57014', 503, 'database-busy'],
  ])('maps PostgreSQL error %s to %d %s, never a 500', (sqlState, status, code) => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const error = new QueryFailedError(
      'INSERT',
      [],
      Object.assign(new Error('detail with SQL text'), { code: sqlState }),
    );
    const result = run(error);
    expect(result.statusCode).toBe(status);
    expect(result.json.code).toBe(code);
    expect(result.body).not.toContain('SQL text');
  });

  it('answers an exhausted connection pool with 503 and Retry-After', () => {
    const result = run(new Error('timeout exceeded when trying to connect'));
    expect(result.statusCode).toBe(503);
    expect(result.json.code).toBe('database-busy');
    expect(result.headers['Retry-After']).toBe('2');
  });

  it('gives a client error without a type its own status and a generic title', () => {
    const result = run(Object.assign(new Error('x'), { status: 405, expose: true }));
    expect(result.json).toMatchObject({ status: 405, code: 'method-not-allowed' });
  });

  it('answers a code nobody registered as an internal error, not with a made-up status', () => {
    const result = run(new DomainException('no-such-code', 'oops'));
    expect(result.statusCode).toBe(500);
  });

  it('words the same problem in a dialect under its path, with the same status and headers', () => {
    const dialect: ProblemDialect = {
      pathPrefix: '/std',
      contentType: 'application/x-std+json',
      body: (problem) => JSON.stringify({ s: problem.status, d: problem.detail }),
    };
    const busy = run(new Error('timeout exceeded when trying to connect'), '/std/v1/x?y=1', [
      dialect,
    ]);
    expect(busy.statusCode).toBe(503);
    expect(busy.headers['Retry-After']).toBe('2');
    expect(busy.contentType).toBe('application/x-std+json');
    expect(busy.json).toEqual({ s: 503, d: 'All database connections are in use; retry shortly' });
    expect(run(new BadRequestException('x'), '/std', [dialect]).json).toEqual({ s: 400, d: 'x' });
    // Only at or below the prefix: /standard is not /std.
    expect(run(new BadRequestException('x'), '/standard/x', [dialect]).json.code).toBe(
      'bad-request',
    );
  });

  it('hides the details of unexpected errors behind a 500', () => {
    const result = run(new Error('password=hunter2 leaked in message'));
    expect(result.statusCode).toBe(500);
    expect(result.body).not.toContain('hunter2');
  });
});
