import {
  MalformedIfMatchError,
  PreconditionFailedError,
  PreconditionRequiredError,
} from './domain.exception';
import { assertFresh, parseIfMatch, toEtag } from './etag';

describe('etag', () => {
  it('round-trips a row version', () => {
    expect(parseIfMatch(toEtag(7))).toBe(7);
    expect(parseIfMatch(' "12" ')).toBe(12);
  });

  it('requires the header', () => {
    expect(() => parseIfMatch(undefined)).toThrow(PreconditionRequiredError);
    expect(() => parseIfMatch('  ')).toThrow(PreconditionRequiredError);
  });

  it('uses strong comparison: a weak validator never matches (412)', () => {
    expect(() => parseIfMatch('W/"7"')).toThrow(PreconditionFailedError);
  });

  it.each(['*', '3', '"abc"', '"1", "2"', 'W/3', '"99999999999"'])(
    'refuses the malformed %s with 400',
    (header) => {
      expect(() => parseIfMatch(header)).toThrow(MalformedIfMatchError);
    },
  );

  it('rejects a stale version', () => {
    expect(() => assertFresh(3, 4)).toThrow(PreconditionFailedError);
    expect(() => assertFresh(4, 4)).not.toThrow();
  });
});
