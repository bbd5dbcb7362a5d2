import {
  errorLogFields,
  requestLogFields,
  requestTarget,
  responseLogFields,
} from './request-context';

describe('request logging', () => {
  it('redacts the course page token too', () => {
    expect(requestTarget('/cursus/Zx9_abcDEF-123456789012345').path).toBe('/cursus/[redacted]');
  });

  it('redacts the secret of an invitation or reset link', () => {
    expect(
      requestTarget('/wachtwoord-instellen/Zx9_abcDEF-1234567890123456789012345678901').path,
    ).toBe('/wachtwoord-instellen/[redacted]');
  });

  it('redacts share-link tokens, with or without a query', () => {
    expect(requestTarget('/api/v1/shared/courses/Zx9_abcDEF-123456789012345')).toEqual({
      path: '/api/v1/shared/courses/[redacted]',
    });
    expect(requestTarget('/api/v1/shared/courses/Zx9_abc?format=csv')).toEqual({
      path: '/api/v1/shared/courses/[redacted]',
      queryNames: ['format'],
    });
    expect(requestTarget('/api/v1/courses/123/share').path).toBe('/api/v1/courses/123/share');
  });

  it('keeps the names of the query parameters and none of their values', () => {
    const target = requestTarget(
      '/rapportages/voorstel?titel=Lasrobot+in+de+kas&tekst=Onze%20aanpak%20met%20drones&titel=x',
    );
    expect(target).toEqual({ path: '/rapportages/voorstel', queryNames: ['titel', 'tekst'] });
    expect(
      requestTarget('/zoeken?q=cobot&soort=module&pagina=2&niveau[]=mbo-3').queryNames,
    ).toEqual(['q', 'soort', 'pagina', 'niveau[]']);
    expect(requestTarget('/api/v1/search?q=').queryNames).toEqual(['q']);
  });

  it('does not show words typed after "?" as parameter names', () => {
    expect(requestTarget('/zoeken?lasrobot%20in%20de%20kas').queryNames).toEqual(['[redacted]']);
    expect(requestTarget('/zoeken?lasrobot').queryNames).toEqual(['[redacted]']);
    expect(requestTarget('/zoeken?een+zin+als+naam=1&q=2').queryNames).toEqual(['[redacted]', 'q']);
    expect(requestTarget('/zoeken?%E0%A4%A=1').queryNames).toEqual(['[redacted]']);
    expect(requestTarget('/zoeken?&&').queryNames).toEqual([]);
  });

  it('takes the form token out with the other values', () => {
    expect(requestTarget('/mijn-pps/importeren?pps=1&_formulier=abc.def-123')).toEqual({
      path: '/mijn-pps/importeren',
      queryNames: ['pps', '_formulier'],
    });
  });

  it('logs no headers, query values or route parameters', () => {
    const fields = requestLogFields({
      id: 'r1',
      method: 'GET',
      url: '/api/v1/shared/courses/secret-token-value?format=json&q=secret-search-words',
      remoteAddress: '127.0.0.1',
      ...({
        headers: { authorization: 'Bearer x' },
        params: { token: 'secret-token-value' },
        query: { q: 'secret-search-words' },
      } as object),
    });
    expect(fields).toEqual({
      id: 'r1',
      method: 'GET',
      path: '/api/v1/shared/courses/[redacted]',
      queryNames: ['format', 'q'],
      remoteAddress: '127.0.0.0',
    });
  });

  it("keeps a client's network, never its whole address (IPv4 /24, IPv6 /48)", () => {
    const logged = (remoteAddress?: string) =>
      requestLogFields({ method: 'POST', url: '/pps/x/vraag', remoteAddress }).remoteAddress;
    expect(logged('198.51.100.23')).toBe('198.51.100.0');
    expect(logged('::ffff:198.51.100.23')).toBe('198.51.100.0');
    expect(logged('2001:db8:abcd:12:3456:789a:bcde:f012')).toBe('2001:db8:abcd::');
    expect(logged(undefined)).toBeUndefined();
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

describe('errorLogFields', () => {
  it("keeps what explains an error and drops a failed query's parameters and detail", () => {
    const serialized = {
      type: 'QueryFailedError',
      message: 'relation "login_attempt" does not exist',
      stack: 'QueryFailedError: relation …\n    at …',
      code: '42P01',
      query: 'SELECT 1 FROM login_attempt WHERE email = $1',
      parameters: ['iemand@school.nl'],
      detail: 'Key (email)=(iemand@school.nl) already exists.',
      driverError: { parameters: ['iemand@school.nl'] },
      body: '{"title":"Lasrobot in de kas"}',
    };
    expect(errorLogFields(serialized)).toEqual({
      type: 'QueryFailedError',
      message: 'relation "login_attempt" does not exist',
      stack: 'QueryFailedError: relation …\n    at …',
      code: '42P01',
    });
    expect(errorLogFields('a plain value')).toBe('a plain value');
  });
});
