import { PreconditionFailedError, PreconditionRequiredError } from './domain.exception';
import { assertFresh, parseIfMatch, toEtag } from './etag';

describe('etag', () => {
  it('round-trips a row version', () => {
    expect(parseIfMatch(toEtag(7))).toBe(7);
    expect(parseIfMatch('W/"7"')).toBe(7);
  });

  it('requires the header', () => {
    expect(() => parseIfMatch(undefined)).toThrow(PreconditionRequiredError);
  });

  it('refuses a wildcard', () => {
    expect(() => parseIfMatch('*')).toThrow(PreconditionFailedError);
  });

  it('rejects a stale version', () => {
    expect(() => assertFresh(3, 4)).toThrow(PreconditionFailedError);
    expect(() => assertFresh(4, 4)).not.toThrow();
  });
});
