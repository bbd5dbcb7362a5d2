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

  it('echoes an unknown code once, in values, and at most 60 characters of it', () => {
    const long = `onbekend-${'x'.repeat(5000)}`;
    const [error] = new CodeChecker(terms).codes('levels', 'educationLevels', [long]).problems;
    expect(error).toMatchObject({
      field: 'levels.0',
      code: 'unknownCode',
      values: { vocabulary: 'educationLevels', value: `${long.slice(0, 59)}…` },
    });
    expect(error.message).toBe('is not a known educationLevels code; expected one of mbo-3, mbo-4');
    expect(JSON.stringify(error).length).toBeLessThan(300);
  });

  it('names at most five unknown codes of a list, the last counting the rest', () => {
    const values = ['mbo-3', ...Array.from({ length: 3000 }, (_, index) => `onbekend-${index}`)];
    const problems = new CodeChecker(terms).codes('levels', 'educationLevels', values).problems;
    expect(problems.map((problem) => problem.field)).toEqual([
      'levels.1',
      'levels.2',
      'levels.3',
      'levels.4',
      'levels.5',
    ]);
    expect(problems[4].values).toEqual({
      vocabulary: 'educationLevels',
      value: 'onbekend-4',
      more: 2995,
    });
    expect(problems[4].message).toMatch(/^is not a known educationLevels code \(and 2995 more/);
    expect(problems.slice(0, 4).every((problem) => problem.values?.more === undefined)).toBe(true);
  });

  it('treats a vocabulary that is not loaded as knowing nothing', () => {
    expect(() => new CodeChecker(terms).code('sector', 'sectors', 'ict').throwIfInvalid()).toThrow(
      ValidationFailedError,
    );
  });
});
