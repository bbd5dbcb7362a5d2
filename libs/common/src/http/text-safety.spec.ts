import { visibleControls } from './text-normalisation';
import { textFault, textProblem, unsafeTextFields } from './text-safety';

describe('textProblem', () => {
  it.each([
    ['Hydrauliek voor monteurs', undefined],
    ['regel 1\nregel 2\ttab\r\n', undefined],
    ['Ĳsselmeer, café, 🚜, ‘quotes’', undefined],
    ['a\u0000b', 'must not contain NUL characters (\\u0000)'],
    ['bell\u0007', 'must not contain control characters'],
    ['escape\u001b[31m', 'must not contain control characters'],
    ['\uFFFF', 'must not contain control characters'],
    ['half \uD83D emoji', 'is not valid Unicode (an unpaired surrogate)'],
    ['\uDE9C', 'is not valid Unicode (an unpaired surrogate)'],
    ['Caf\uFFFD module', 'is not valid UTF-8 (holds U+FFFD where bytes could not be read)'],
  ])('%j → %s', (text, problem) => {
    expect(textProblem(text)).toBe(problem);
  });
});

describe('textFault', () => {
  it('gives a code and, for control characters, each one as a person can see it', () => {
    expect(textFault('a\u0007b\u0000c\u0007\uFFFF')).toEqual({
      code: 'textControl',
      message: 'must not contain NUL characters (\\u0000)',
      values: { chars: '␇ ␀ U+FFFF', count: 3 },
    });
    expect(textFault('half \uD83D')?.code).toBe('textSurrogate');
    expect(textFault('Caf\uFFFD')?.code).toBe('textUnreadable');
    expect(textFault('Café')).toBeUndefined();
  });

  it('refuses bidi overrides, isolates and other invisible format characters, naming each', () => {
    for (const character of [
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u202E',
      '\u2066',
      '\u2069',
      '\u2062',
      '\u206F',
      '\uFFF9',
    ])
      expect(textFault(`a${character}b`)?.code).toBe('textHiddenFormat');
    expect(textFault('a\u202Eb\u202Cc\u202E')?.values).toEqual({
      chars: 'U+202E U+202C',
      count: 2,
    });
    // What right-to-left text needs, a soft hyphen and emoji sequences are text, not tricks.
    for (const text of [
      '\u200Fمرحبا\u200E',
      'ont\u00ADwerp',
      '\u{1F469}\u200D\u{1F527}',
      'a\u061Cb',
    ])
      expect(textFault(text)).toBeUndefined();
    expect(visibleControls('x\u202Ey\u2066')).toBe('x[U+202E]y[U+2066]');
  });
});

describe('unsafeTextFields', () => {
  it('names the field path of every bad string and key, in document order', () => {
    expect(
      unsafeTextFields({
        title: 'ok',
        module: { learningOutcomes: [{ text: 'ok' }, { text: 'x\u0000' }] },
        keywords: ['a', '\u0001'],
        ['bad\u0000key']: 'value',
      }),
    ).toEqual([
      {
        field: 'module.learningOutcomes.1.text',
        message: 'must not contain NUL characters (\\u0000)',
        code: 'textControl',
        values: { chars: '␀', count: 1 },
      },
      {
        field: 'keywords.1',
        message: 'must not contain control characters',
        code: 'textControl',
        values: { chars: '␁', count: 1 },
      },
      {
        field: 'bad\u0000key',
        message: 'name must not contain NUL characters (\\u0000)',
        code: 'textControl',
        values: { chars: '␀', count: 1 },
      },
    ]);
  });

  it('walks very deep values without recursion', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unsafeTextFields(deep)).toHaveLength(1);
  });

  it('stops after the first 50 problems', () => {
    expect(unsafeTextFields(Array.from({ length: 1000 }, () => '\u0000'))).toHaveLength(50);
  });
});
