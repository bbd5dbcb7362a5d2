import { redactUrl, requestLogFields, responseLogFields } from './request-context';

describe('request logging', () => {
  it('redacts the course page token too', () => {
    expect(redactUrl('/cursus/Zx9_abcDEF-123456789012345')).toBe('/cursus/[redacted]');
  });

  it('redacts share-link tokens, with or without a query', () => {
    expect(redactUrl('/api/v1/shared/courses/Zx9_abcDEF-123456789012345')).toBe(
      '/api/v1/shared/courses/[redacted]',
    );
    expect(redactUrl('/api/v1/shared/courses/Zx9_abc?format=csv')).toBe(
      '/api/v1/shared/courses/[redacted]?format=csv',
    );
    expect(redactUrl('/api/v1/courses/123/share')).toBe('/api/v1/courses/123/share');
  });

  it('redacts the form token a file upload carries in its address', () => {
    expect(redactUrl('/mijn-pps/importeren?pps=1&_formulier=abc.def-123')).toBe(
      '/mijn-pps/importeren?pps=1&_formulier=[redacted]',
    );
  });

  it('logs no headers, query or route parameters', () => {
    const fields = requestLogFields({
      id: 'r1',
      method: 'GET',
      url: '/api/v1/shared/courses/secret-token-value?format=json',
      remoteAddress: '127.0.0.1',
      ...({
        headers: { authorization: 'Bearer x' },
        params: { token: 'secret-token-value' },
      } as object),
    });
    expect(JSON.stringify(fields)).not.toContain('secret-token-value');
    expect(JSON.stringify(fields)).not.toContain('Bearer');
  });
});

describe('responseLogFields', () => {
  it('keeps the status and drops headers such as a redirect Location', () => {
    expect(
      responseLogFields({
        statusCode: 302,
        headers: { location: '/cursus/Zx9_secret' },
      } as { statusCode: number }),
    ).toEqual({ statusCode: 302 });
  });
});
