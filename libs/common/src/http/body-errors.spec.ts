import { DomainException } from '../domain.exception';
import { translateBodyErrors } from './body-errors';

function translate(error: unknown): unknown {
  let passed: unknown;
  translateBodyErrors(error, {} as never, {} as never, (next?: unknown) => (passed = next));
  return passed;
}

describe('translateBodyErrors', () => {
  it.each([
    ['entity.too.large', 413, 413, 'payload-too-large'],
    ['entity.parse.failed', 400, 400, 'malformed-json'],
    ['entity.too.deep', 400, 400, 'too-deeply-nested'],
    ['charset.unsupported', 415, 415, 'unsupported-charset'],
    ['encoding.unsupported', 415, 415, 'unsupported-content-encoding'],
    ['request.aborted', 400, 400, 'request-aborted'],
  ])('turns %s into a %d problem', (type, status, expected, code) => {
    const translated = translate(Object.assign(new Error('raw'), { type, status }));
    expect(translated).toBeInstanceOf(DomainException);
    expect(translated).toMatchObject({ status: expected, code });
  });

  it('names a body that does not decompress', () => {
    expect(
      translate(Object.assign(new Error('incorrect header check'), { code: 'Z_DATA_ERROR' })),
    ).toMatchObject({
      status: 400,
      code: 'malformed-content-encoding',
    });
  });

  it('passes anything else on unchanged', () => {
    const error = new Error('something else');
    expect(translate(error)).toBe(error);
  });
});
