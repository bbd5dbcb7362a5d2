import { normaliseText, normaliseTextFields, visibleControls } from './text-normalisation';
import { textProblem } from './text-safety';

describe('normaliseText: what pasting brings, as plain text', () => {
  it.each([
    ['soft line break from Word/PowerPoint', 'regel 1\u000Bregel 2', 'regel 1\nregel 2'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'a\nb\nc'],
    ['Windows and old Mac line ends', 'a\r\nb\rc\n', 'a\nb\nc\n'],
    ['non-breaking spaces', '10\u00A0uur\u202Fper\u2007week', '10 uur per week'],
    ['zero-width characters', 'las\u200Bsen\u200C\u200D\u2060\uFEFF!', 'lassen!'],
    [
      'text without any',
      'Ĳsselmeer, café, 🚜, ‘quotes’\ttab',
      'Ĳsselmeer, café, 🚜, ‘quotes’\ttab',
    ],
  ])('%s', (_what, text, plain) => {
    expect(normaliseText(text)).toBe(plain);
    expect(textProblem(normaliseText(text))).toBeUndefined();
  });

  it('makes one line of a one-line field', () => {
    expect(normaliseText('Lassen\u000Bvoor  beginners', { singleLine: true })).toBe(
      'Lassen voor  beginners',
    );
    expect(normaliseText('a \r\n\r\n b\u2028c\n', { singleLine: true })).toBe('a b c ');
    expect(normaliseText('gewoon', { singleLine: true })).toBe('gewoon');
  });

  it('leaves what cannot be normalised for the safety check to refuse', () => {
    expect(normaliseText('a\u0000b\u0007')).toBe('a\u0000b\u0007');
    expect(textProblem(normaliseText('a\u0000b'))).toMatch(/NUL/);
    expect(textProblem(normaliseText('bell\u0007'))).toMatch(/control characters/);
  });
});

describe('normaliseTextFields', () => {
  it('normalises every string of a body in place, never the names', () => {
    const body = {
      title: 'A\u00A0B',
      'naam\u00A0': 'x\u000By',
      module: { learningOutcomes: [{ text: 'c\u200Bd' }], levels: ['e\r\nf'] },
      count: 3,
    };
    expect(normaliseTextFields(body)).toEqual({
      title: 'A B',
      'naam\u00A0': 'x\ny',
      module: { learningOutcomes: [{ text: 'cd' }], levels: ['e\nf'] },
      count: 3,
    });
    expect(normaliseTextFields('a\u00A0b')).toBe('a b');
  });

  it('walks very deep values without recursion and leaves buffers alone', () => {
    let deep: unknown = ['x\u00A0'];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => normaliseTextFields(deep)).not.toThrow();
    const buffer = Buffer.from('a\u00A0b');
    expect(normaliseTextFields({ file: buffer })).toEqual({ file: buffer });
  });
});

describe('visibleControls', () => {
  it('shows control characters as their pictures', () => {
    expect(visibleControls('a\u0000b\u0007c\u001bd\u007f')).toBe('a␀b␇c␛d␡');
    expect(visibleControls('regel\nregel\ttab')).toBe('regel\nregel\ttab');
  });
});
