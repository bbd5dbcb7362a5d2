import { ValidationFailedError } from '@bouwsteen/common/pure';
import { CodeChecker } from './code-checker';
import { Term } from './vocabulary';

const term = (code: string): Term => ({ code, label: code, labelEn: null, attributes: {} });
const terms = new Map([
  [
    'educationLevels',
    new Map([
      ['mbo-3', term('mbo-3')],
      ['mbo-4', term('mbo-4')],
    ]),
  ],
  ['licenses', new Map([['CC-BY-4.0', term('CC-BY-4.0')]])],
]);

describe('CodeChecker', () => {
  it('passes known codes and ignores absent values', () => {
    expect(() =>
      new CodeChecker(terms)
        .codes('levels', 'educationLevels', ['mbo-3'])
        .code('license', 'licenses', undefined)
        .throwIfInvalid(),
    ).not.toThrow();
  });

  it('collects every unknown code with its field path before failing', () => {
    let error: ValidationFailedError | undefined;
    try {
      new CodeChecker(terms)
        .codes('levels', 'educationLevels', ['mbo-3', 'mbo-9'])
        .code('license', 'licenses', 'MIT')
        .throwIfInvalid();
    } catch (caught) {
      error = caught as ValidationFailedError;
    }
    expect(error?.errors?.map((e) => e.field)).toEqual(['levels.1', 'license']);
    expect(error?.errors?.[0].message).toContain('expected one of mbo-3, mbo-4');
  });

  it('treats a vocabulary that is not loaded as knowing nothing', () => {
    expect(() => new CodeChecker(terms).code('sector', 'sectors', 'ict').throwIfInvalid()).toThrow(
      ValidationFailedError,
    );
  });
});
